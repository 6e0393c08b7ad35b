import { useContractQuery } from '../../data/clientContext';
import { DiffView } from '../editor/DiffView';

/**
 * The release's manifest against the live objects, `kubectl diff` style (server-side dry run, server
 * noise stripped): what was changed behind Helm's back shows as OutOfSync with its diff.
 */
export function HelmDriftTab({ context, namespace, name, revision }: { context: string; namespace: string; name: string; revision: number }) {
  const q = useContractQuery('helm.drift', { context, namespace, name }, { staleTime: 0, gcTime: 0, refetchOnWindowFocus: false, queryKey: ['helm.drift', context, namespace, name, revision] });
  const objects = q.data?.objects ?? [];
  const out = objects.filter((o) => o.status !== 'Synced');
  return (
    <div className="helm-tab" data-testid="helm-drift">
      <div className="helm-tab-bar">
        <span>{q.isFetching ? 'Comparing with the cluster…' : q.data ? (out.length ? `${out.length} of ${objects.length} objects differ from revision ${q.data.revision}` : `All ${objects.length} objects match revision ${q.data.revision}`) : ''}</span>
        <button type="button" onClick={() => void q.refetch()} disabled={q.isFetching} data-testid="helm-drift-refresh">Compare again</button>
      </div>
      {q.error && <div className="error-banner" role="alert">{(q.error as Error).message}</div>}
      <table className="helm-table">
        <thead><tr><th>Kind</th><th>Name</th><th>Sync</th><th>Note</th></tr></thead>
        <tbody>
          {objects.map((o) => (
            <tr key={o.key} data-testid={`helm-drift-${o.kind}-${o.name}`}>
              <td>{o.kind}</td><td>{o.name}</td>
              <td><span className={`helm-sync helm-sync-${o.status.toLowerCase()}`} data-testid="helm-sync">{o.status}</span></td>
              <td className="muted">{o.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {out.filter((o) => o.status === 'OutOfSync' || o.status === 'Missing').map((o) => (
        <div key={o.key} className="helm-object-diff" data-testid={`helm-drift-diff-${o.kind}-${o.name}`}>
          <h3>{o.kind} {o.name} <span className={`helm-sync helm-sync-${o.status.toLowerCase()}`}>{o.status}</span></h3>
          <DiffView before={o.live} after={o.desired} beforeLabel="live" afterLabel={`revision ${q.data?.revision} (server dry run)`} />
        </div>
      ))}
    </div>
  );
}
