import { useEffect, useState } from 'react';
import { useContractQuery } from '../../data/clientContext';
import type { HelmReleaseDetail } from '../../../shared/contract/helm';
import { useHelmAccess, useHelmRelease } from './useHelm';
import { HelmStatus } from './HelmStatus';
import { HelmObjects, type DetailsSelection } from './HelmObjects';
import { HelmHistory } from './HelmHistory';
import { HelmReleaseGraph } from './HelmReleaseGraph';
import { HelmValuesTab } from './HelmValuesTab';
import { HelmDiffTab } from './HelmDiffTab';
import { HelmDriftTab } from './HelmDriftTab';
import { RollbackDialog, UninstallDialog, UpgradeDialog } from './HelmActionDialogs';

type Tab = 'overview' | 'graph' | 'history' | 'values' | 'diff' | 'drift';
const TABS: { id: Tab; label: string }[] = [
  { id: 'overview', label: 'Overview' }, { id: 'graph', label: 'Graph' }, { id: 'history', label: 'History' }, { id: 'values', label: 'Values' },
  { id: 'diff', label: 'Revision diff' }, { id: 'drift', label: 'Drift' },
];

type Dialog = { kind: 'rollback'; revision: number } | { kind: 'upgrade' } | { kind: 'uninstall' };

/** One release: status and notes, objects with health, history, values, revision diff, drift, actions. */
export function HelmReleasePage({ context, namespace, name, onBack, onSelect }: {
  context: string; namespace: string; name: string; onBack(): void; onSelect(s: DetailsSelection): void;
}) {
  const { release, gone, error } = useHelmRelease(context, namespace, name);
  const [tab, setTab] = useState<Tab>('overview');
  const [dialog, setDialog] = useState<Dialog>();
  const [diffPick, setDiffPick] = useState<{ from: number; to: number }>();
  const tool = useContractQuery('helm.tool', {}, { staleTime: 30_000 });
  const access = useHelmAccess(context, namespace);
  const cur = release?.current;

  // Why each action is not available, in the words a disabled button shows.
  const blocked = (a: 'rollback' | 'upgrade' | 'uninstall'): string | undefined => {
    if (tool.data && !tool.data.found) return tool.data.message;
    if (!tool.data) return 'Looking for the helm program…';
    if (!access[a].allowed) return access[a].reason;
    if (cur && /^pending-|^uninstalling$/.test(cur.status)) return `helm is working on this release (${cur.status}); wait until it ends.`;
    if (a !== 'uninstall' && cur?.chartProblem) return cur.chartProblem;
    if (a !== 'rollback' && cur?.status === 'uninstalled') return 'The release is uninstalled (its history was kept): roll back to a revision to restore it.';
    return undefined;
  };

  return (
    <div className="helm-page" data-testid="helm-release-page">
      <div className="toolbar">
        <button type="button" onClick={onBack} data-testid="helm-back">← Releases</button>
        <h2 data-testid="helm-release-title">{name}</h2>
        <span className="muted">{namespace}</span>
        {cur && <HelmStatus status={cur.status} />}
        {cur && <span className="muted" data-testid="helm-current-revision">revision {cur.revision} · {cur.chart} · app {cur.app_version || '—'}</span>}
        <span className="spacer" />
        {cur && <>
          <button type="button" onClick={() => setDialog({ kind: 'upgrade' })} disabled={!!blocked('upgrade')} title={blocked('upgrade') ?? 'Upgrade with edited values (same chart), after a dry-run preview'} data-testid="helm-upgrade">Upgrade…</button>
          <button type="button" className="danger" onClick={() => setDialog({ kind: 'uninstall' })} disabled={!!blocked('uninstall')} title={blocked('uninstall') ?? 'Uninstall, after a preview of what goes'} data-testid="helm-uninstall">Uninstall…</button>
        </>}
      </div>
      {tool.data && !tool.data.found && <div className="note note-warn helm-note" role="status" data-testid="helm-missing">{tool.data.message} Looking at releases works without it.</div>}
      {error && <div className="error-banner" role="alert">{error}</div>}
      {gone && <div className="empty" data-testid="helm-gone">No revision of release {namespace}/{name} is stored (uninstalled).</div>}
      {release?.error && <div className="error-banner" role="alert" data-testid="helm-release-error">{release.error}</div>}
      {release && (
        <>
          <div className="ed-tabs helm-tabs" role="tablist">
            {TABS.map((t) => <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTab(t.id)} data-testid={`helm-tab-${t.id}`}>{t.label}</button>)}
          </div>
          <div className="helm-body">
            {tab === 'overview' && <Overview release={release} context={context} onSelect={onSelect} />}
            {tab === 'graph' && cur && <HelmReleaseGraph context={context} namespace={release.namespace} name={name} objects={cur.objects} onSelect={onSelect} />}
            {tab === 'history' && <HelmHistory history={release.history} current={cur?.revision}
              rollback={(revision) => setDialog({ kind: 'rollback', revision })} rollbackBlocked={blocked('rollback')}
              diff={(from, to) => { setDiffPick({ from, to }); setTab('diff'); }} />}
            {tab === 'values' && cur && <HelmValuesTab context={context} namespace={namespace} name={name} revision={cur.revision} />}
            {tab === 'diff' && <HelmDiffTab context={context} namespace={namespace} name={name} history={release.history} pick={diffPick} onPick={setDiffPick} />}
            {tab === 'drift' && cur && <HelmDriftTab context={context} namespace={namespace} name={name} revision={cur.revision} />}
          </div>
        </>
      )}
      {dialog?.kind === 'rollback' && cur && <RollbackDialog context={context} namespace={namespace} name={name} current={cur.revision} revision={dialog.revision} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'upgrade' && cur && <UpgradeDialog context={context} namespace={namespace} name={name} current={cur.revision} chart={cur.chart} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'uninstall' && cur && <UninstallDialog context={context} namespace={namespace} name={name} objects={cur.objects.length} onClose={() => setDialog(undefined)} />}
    </div>
  );
}

function Overview({ release, context, onSelect }: { release: HelmReleaseDetail; context: string; onSelect(s: DetailsSelection): void }) {
  const cur = release.current;
  const [showNotes, setShowNotes] = useState(true);
  useEffect(() => setShowNotes(true), [cur?.revision]);
  if (!cur) return null;
  return (
    <div className="helm-tab" data-testid="helm-overview">
      <dl className="helm-facts">
        <dt>Status</dt><dd><HelmStatus status={cur.status} /> {cur.description}</dd>
        <dt>Revision</dt><dd>{cur.revision}</dd>
        <dt>Chart</dt><dd>{cur.chart}</dd>
        <dt>App version</dt><dd>{cur.app_version || '—'}</dd>
        <dt>First deployed</dt><dd>{cur.firstDeployed ?? '—'}</dd>
        <dt>Last deployed</dt><dd>{cur.lastDeployed ?? '—'}</dd>
      </dl>
      {cur.chartProblem && <div className="note note-warn" role="status">{cur.chartProblem}</div>}
      <h3>Objects <span className="muted">{cur.objects.length}</span></h3>
      <HelmObjects context={context} namespace={release.namespace} objects={cur.objects} onSelect={onSelect} />
      {cur.notes && <>
        <h3><button type="button" className="helm-disclosure" aria-expanded={showNotes} onClick={() => setShowNotes(!showNotes)}>{showNotes ? '▾' : '▸'} Notes</button></h3>
        {showNotes && <pre className="yaml helm-notes" data-testid="helm-notes">{cur.notes}</pre>}
      </>}
    </div>
  );
}
