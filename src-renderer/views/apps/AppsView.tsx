import { useState } from 'react';
import { useTopicValue } from '../../data/clientContext';
import { formatRoute } from '../../app/route';
import { AddAppDialog } from './AddAppDialog';
import { AppPage } from './AppPage';
import { countsText, lastSyncText, revisionText } from './appsFormat';
import type { KubeconfigState } from '../../../shared/contract/clusters';
import './apps.css';

/** Applications: desired state from local folders against the cluster. `appId` opens one. */
export function AppsView({ context, kube, appId, navigate }: { context: string; kube: KubeconfigState; appId?: string; navigate(hash: string): void }) {
  const list = useTopicValue('apps.watchList', {});
  const [adding, setAdding] = useState(false);
  const open = (id?: string) => navigate(formatRoute({ context, view: 'apps', params: { app: id } }));
  if (appId) return <AppPage id={appId} onBack={() => open()} />;
  const apps = list?.apps ?? [];
  return (
    <div className="apps-view" data-testid="apps-view">
      <div className="toolbar">
        <h2>Applications</h2>
        <span className="count">{list ? apps.length : '…'}</span>
        <span className="muted">Desired state from folders on this computer, compared with the cluster like kubectl diff.</span>
        <button type="button" className="primary" style={{ marginLeft: 'auto' }} onClick={() => setAdding(true)} data-testid="apps-add">Add application</button>
      </div>
      <div className="apps-scroll">
        {list && apps.length === 0 && <div className="empty">No applications yet. Add one from a folder of manifests, a kustomization or a Helm chart.</div>}
        {apps.length > 0 && (
          <table className="apps-table" data-testid="apps-list">
            <thead><tr><th>Name</th><th>Sync</th><th>Health</th><th>Objects</th><th>Source</th><th>Revision</th><th>Context / namespace</th><th>Last sync</th></tr></thead>
            <tbody>
              {apps.map((a) => (
                <tr key={a.app.id} className="apps-row" onClick={() => open(a.app.id)} data-testid={`app-row-${a.app.name}`}>
                  <td><a href={formatRoute({ context, view: 'apps', params: { app: a.app.id } })}>{a.app.name}</a></td>
                  <td>
                    <span className={`sync-badge sync-${a.syncStatus}`} data-testid="app-sync">{a.syncStatus}</span>
                    {a.refreshing && <span className="muted"> · checking…</span>}
                    {a.stale && <span className="sync-badge sync-Error" title={a.renderError}> stale</span>}
                  </td>
                  <td><span className={`health-chip health-${a.health.toLowerCase()}`}><span className="health-dot" /> {a.health}</span></td>
                  <td><span className="apps-counts" data-testid="app-counts">{countsText(a.counts)}</span></td>
                  <td><span className="apps-mono" title={a.source.message}>{a.source.type} · {a.app.path}</span></td>
                  <td className="apps-mono" data-testid="app-revision">{revisionText(a.revision)}</td>
                  <td>{a.app.context} / {a.app.namespace}</td>
                  <td title={a.app.lastSync?.message} data-testid="app-last-sync">{lastSyncText(a.app.lastSync)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {adding && <AddAppDialog kube={kube} context={context} onClose={() => setAdding(false)} onAdded={(id) => { setAdding(false); open(id); }} />}
    </div>
  );
}
