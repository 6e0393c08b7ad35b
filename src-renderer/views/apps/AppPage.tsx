import { useCallback, useMemo, useState } from 'react';
import { useClient, useTopicValue } from '../../data/clientContext';
import { AppDiffDialog } from './AppDiffDialog';
import { SyncDialog } from './SyncDialog';
import { ConfirmDialog } from '../actions/ConfirmDialog';
import { countsText, lastSyncText, revisionText } from './appsFormat';
import { TopologyView } from '../topology/TopologyView';
import { TopologyBadgeContext, type NodeBadge } from '../topology/topologyBadges';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import type { AppObjectStatus } from '../../../shared/contract/apps';

/** One application: its summary, source problems, and every object with its sync state and reason. */
export function AppPage({ id, onBack }: { id: string; onBack(): void }) {
  const state = useTopicValue('apps.watch', { id });
  const client = useClient();
  const [diffKey, setDiffKey] = useState<string>();
  const [syncing, setSyncing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [view, setView] = useState<'table' | 'tree'>('table');
  // Cards of the application's objects carry their sync state; their children (ReplicaSets, Pods) none.
  const byName = useMemo(() => new Map((state?.objects ?? []).map((o) => [`${o.kind}/${o.namespace ?? ''}/${o.name}`, o])), [state?.objects]);
  const badgeOf = useCallback((o: TopoObject): NodeBadge | undefined => {
    const s = byName.get(`${o.kind}/${o.namespace ?? ''}/${o.name}`);
    return s ? { label: s.state, className: `sync-badge sync-${s.state}`, title: s.reason } : undefined;
  }, [byName]);
  if (!state) return <div className="empty">Reading the application…</div>;
  const { app } = state;
  const order: Record<string, number> = { Error: 0, OutOfSync: 1, Missing: 2, Extra: 3, Synced: 4 };
  const objects = [...state.objects].sort((a, b) => order[a.state] - order[b.state] || a.key.localeCompare(b.key));
  return (
    <div className="apps-view" data-testid="app-page">
      <div className="apps-head">
        <button type="button" onClick={onBack}>← Applications</button>
        <h2>{app.name}</h2>
        <span className={`sync-badge sync-${state.syncStatus}`} data-testid="app-page-sync">{state.syncStatus}</span>
        <span className={`health-chip health-${state.health.toLowerCase()}`}><span className="health-dot" /> {state.health}</span>
        {state.refreshing && <span className="muted" data-testid="app-refreshing">re-rendering and comparing…</span>}
        <span className="apps-spacer" />
        <button type="button" onClick={() => setRemoving(true)}>Remove…</button>
        <button type="button" className="primary" onClick={() => setSyncing(true)} disabled={state.stale} title={state.stale ? 'The source does not render; fix it before syncing.' : undefined} data-testid="app-sync-open">Sync…</button>
      </div>
      <div className="apps-meta">
        <span>Objects <b data-testid="app-page-counts">{countsText(state.counts)}</b></span>
        <span>Source <b>{state.source.message}</b></span>
        <span>Folder <b className="apps-mono">{app.path}</b></span>
        <span>Revision <b className="apps-mono" data-testid="app-page-revision">{revisionText(state.revision)}</b></span>
        <span>Context <b>{app.context}</b> · namespace <b>{app.namespace}</b></span>
        <span>Last sync <b title={app.lastSync?.message}>{lastSyncText(app.lastSync)}</b></span>
        <span title="kubectl: KUBECTL_APPLYSET=true kubectl apply --prune --applyset=NAME -n NAMESPACE">ApplySet <b className="apps-mono">secret/{app.name} ({state.applySetId})</b></span>
      </div>
      {state.stale && <div className="apps-banner bad" role="alert" data-testid="app-stale">The source failed to render; showing the last good render. {state.renderError}</div>}
      {state.problems.length > 0 && (
        <ul className="apps-problems" data-testid="app-problems">
          {state.problems.map((p, i) => <li key={i}><span className="apps-mono">{p.file}{p.line ? `:${p.line}` : ''}</span>{p.object ? ` ${p.object}` : ''}: {p.message}</li>)}
        </ul>
      )}
      <div className="apps-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={view === 'table'} className={view === 'table' ? 'active' : ''} onClick={() => setView('table')}>Objects</button>
        <button type="button" role="tab" aria-selected={view === 'tree'} className={view === 'tree' ? 'active' : ''} onClick={() => setView('tree')} data-testid="app-tree-tab"
          title={`The topology of namespace ${app.namespace}, with the application's objects badged`}>Tree</button>
      </div>
      {view === 'tree' && (
        <div className="apps-tree" data-testid="app-tree">
          <TopologyBadgeContext.Provider value={badgeOf}>
            <TopologyView context={app.context} namespace={app.namespace} onSelect={(sel) => {
              const hit = state.objects.find((o) => o.name === sel.name && (o.namespace ?? undefined) === sel.namespace && o.state !== 'Error');
              if (hit) setDiffKey(hit.key);
            }} />
          </TopologyBadgeContext.Provider>
        </div>
      )}
      {view === 'table' && <div className="apps-scroll">
        <table className="apps-table" data-testid="app-objects">
          <thead><tr><th>State</th><th>Kind</th><th>Name</th><th>Namespace</th><th>Health</th><th>Defined in</th><th>Reason</th><th /></tr></thead>
          <tbody>
            {objects.map((o) => <ObjectRow key={o.key} o={o} onDiff={() => setDiffKey(o.key)} />)}
          </tbody>
        </table>
      </div>}
      {diffKey && <AppDiffDialog id={id} objectKey={diffKey} onClose={() => setDiffKey(undefined)} />}
      {syncing && <SyncDialog state={state} onClose={() => setSyncing(false)} />}
      {removing && (
        <ConfirmDialog title={`Remove application ${app.name}?`} confirm="Remove" busy={false} onClose={() => setRemoving(false)}
          onConfirm={() => { void client.request('apps.remove', { id }).then(onBack); }}>
          <p>Wheelhouse forgets this application. Nothing is deleted from the cluster or from the folder.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function ObjectRow({ o, onDiff }: { o: AppObjectStatus; onDiff(): void }) {
  return (
    <tr data-testid={`app-object-${o.kind}-${o.name}`} data-state={o.state}>
      <td><span className={`sync-badge sync-${o.state}`}>{o.state}</span></td>
      <td>{o.kind}</td>
      <td className="apps-mono">{o.name}</td>
      <td>{o.namespace ?? <span className="muted">(cluster)</span>}</td>
      <td>{o.health ? <span className={`health-chip health-${o.health.toLowerCase()}`}><span className="health-dot" /> {o.health}</span> : <span className="muted">–</span>}</td>
      <td className="apps-mono">{o.file ? `${o.file}:${o.line}` : <span className="muted">not in the source</span>}</td>
      <td className="apps-reason">
        {o.reason}
        {o.conflicts.length > 0 && <div className="apps-paths" data-testid="object-conflicts">owned by another manager: {o.conflicts.map((c) => `${c.field ?? ''} (${c.manager ?? '?'})`).join(', ')}</div>}
      </td>
      <td>{o.state !== 'Error' && <button type="button" onClick={onDiff} data-testid="object-diff">Diff</button>}</td>
    </tr>
  );
}
