import { useMemo, useState } from 'react';
import { useContractQuery } from '../../data/clientContext';
import { formatRoute } from '../../app/route';
import { kindKey } from '../../app/kindsNav';
import { ApiResourcesTable } from './ApiResourcesTable';
import './kinds.css';

/**
 * Every resource the API server serves (discovery), listable ones linked to their table: the kinds the
 * sidebar does not name (PodDisruptionBudgets, Leases, ResourceQuotas, …) without typing a URL.
 * Filter by kind, resource, short name or group.
 */
export function KindsBrowser({ context, nsParam }: { context: string; nsParam?: string }) {
  const discovery = useContractQuery('cluster.discovery', { context }, { staleTime: 5 * 60_000 });
  const [filter, setFilter] = useState('');
  // The same discovery as `kubectl api-resources -o wide` prints it, every column.
  const [table, setTable] = useState(false);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (discovery.data ?? [])
      .filter((r) => !f || [r.kind, r.resource, r.group, ...(r.shortNames ?? [])].some((x) => x.toLowerCase().includes(f)))
      .slice().sort((a, b) => a.kind.localeCompare(b.kind) || a.group.localeCompare(b.group));
  }, [discovery.data, filter]);
  return (
    <div className="kinds-browser" data-testid="kinds-browser">
      <div className="toolbar">
        <h2>All kinds</h2><span className="count">{discovery.data ? rows.length : '…'}</span>
        <input className="filter" placeholder={table ? 'Filter any column' : 'Filter: kind, short name, group'} value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter kinds" data-testid="kinds-filter" autoFocus />
        <button type="button" aria-pressed={table} onClick={() => setTable((t) => !t)} data-testid="kinds-api-resources" title="Every column of kubectl api-resources -o wide">{table ? 'Kinds view' : 'api-resources table'}</button>
      </div>
      {discovery.error && <div className="error-banner" role="alert">{(discovery.error as Error).message}</div>}
      {table ? <ApiResourcesTable resources={discovery.data ?? []} filter={filter} /> : <div className="kb-scroll">
        <table className="kb-table">
          <thead><tr><th>Kind</th><th>Resource</th><th>Short names</th><th>API group / version</th><th>Scope</th></tr></thead>
          <tbody>
            {rows.map((r) => {
              const listable = r.verbs.includes('list');
              return (
                <tr key={`${kindKey(r)}/${r.version}`} data-testid="kinds-row" data-kind={r.kind}>
                  <td>{listable
                    ? <a href={formatRoute({ context, view: 'r', resource: r, params: { ns: nsParam } })} data-testid={`kinds-link-${kindKey(r)}`}>{r.kind}</a>
                    : <span className="muted" title="The API server does not offer list for this resource">{r.kind}</span>}</td>
                  <td className="mono">{r.resource}</td>
                  <td className="mono">{(r.shortNames ?? []).join(', ')}</td>
                  <td className="mono">{r.group ? `${r.group}/${r.version}` : r.version}</td>
                  <td>{r.namespaced ? 'namespaced' : 'cluster'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>}
    </div>
  );
}
