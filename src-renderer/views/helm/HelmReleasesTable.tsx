import { useState } from 'react';
import type { HelmReleaseRow } from '../../../shared/contract/helm';
import { useHelmReleases } from './useHelm';
import { HelmStatus } from './HelmStatus';

/** `helm list -a` as a live table, read from the release storage (no helm binary needed to look). */
export function HelmReleasesTable({ context, namespace, onOpen }: { context: string; namespace: string | undefined; onOpen(r: HelmReleaseRow): void }) {
  const { rows, freshness, error } = useHelmReleases(context, namespace);
  const [filter, setFilter] = useState('');
  const shown = (rows ?? []).filter((r) => !filter || `${r.name} ${r.namespace} ${r.chart} ${r.status}`.includes(filter));
  const state = freshness?.state;
  return (
    <div className="table-view helm-view">
      <div className="toolbar">
        <h2>Helm releases</h2>
        <span className="count" data-testid="helm-count">{rows ? `${shown.length}${shown.length !== rows.length ? ` of ${rows.length}` : ''}` : ''}</span>
        <input className="filter" placeholder="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter releases" />
        <span className="muted helm-scope">{namespace ? `namespace ${namespace}` : 'all namespaces'}</span>
        {state && <span className={`badge badge-${state}`} title={freshness?.reason}>{state}</span>}
      </div>
      {error && <div className="error-banner" role="alert">{error}</div>}
      {(state === 'forbidden' || state === 'unauthorized') && (
        <div className="error-banner" role="alert">Cannot read Helm's release storage {namespace ? `in namespace ${namespace}` : 'in all namespaces'}: {freshness?.reason ?? state}</div>
      )}
      <div className="table-scroll helm-scroll">
        <table className="helm-table" data-testid="helm-releases">
          <thead><tr><th>Name</th><th>Namespace</th><th className="num">Revision</th><th>Updated</th><th>Status</th><th>Chart</th><th>App version</th></tr></thead>
          <tbody>
            {shown.map((r) => (
              <tr key={`${r.namespace}/${r.name}`} className={r.error ? 'helm-row-bad' : ''} data-testid={`helm-release-${r.namespace}-${r.name}`}
                tabIndex={0} onClick={() => onOpen(r)} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(r); }}>
                <td className="helm-name"><a href="#" onClick={(e) => { e.preventDefault(); onOpen(r); }}>{r.name}</a>
                  {r.error && <div className="helm-row-error" role="note">{r.error}</div>}</td>
                <td className="muted">{r.namespace}</td>
                <td className="num">{r.revision}</td>
                <td className="helm-time" title={r.lastDeployed}>{r.updated}</td>
                <td><HelmStatus status={r.status} /></td>
                <td>{r.chart}</td>
                <td>{r.app_version}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows && rows.length === 0 && <div className="empty">No Helm releases {namespace ? `in namespace ${namespace}` : 'in this cluster'}.</div>}
        {!rows && !error && state !== 'forbidden' && <div className="empty">Reading Helm's release storage…</div>}
      </div>
    </div>
  );
}
