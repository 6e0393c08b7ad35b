import { useLiveList } from '../../data/clientContext';
import { builtInKind } from '../../../shared/model/kinds';

/** The kinds a namespace delete lists (what people keep in namespaces), counted from the shared watches. */
const COUNTED_KINDS = [
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod', 'Job', 'CronJob', 'Service', 'Ingress',
  'HorizontalPodAutoscaler', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'ServiceAccount', 'Role', 'RoleBinding',
].map(builtInKind);

/** What deleting a namespace deletes: a count per kind, from the watched lists (meta projection). */
export function NamespaceContents({ context, namespace }: { context: string; namespace: string }) {
  const lists = COUNTED_KINDS.map((k) =>
    // A constant list of kinds: the hooks run in the same order on every render.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useLiveList<unknown>({ context, group: k.group, version: k.version, resource: k.resource, namespace, projection: 'meta' }));
  const rows = COUNTED_KINDS.map((k, i) => {
    const l = lists[i];
    const denied = l.freshness?.state === 'forbidden' || l.freshness?.state === 'unauthorized';
    return { kind: k.kind, count: l.synced ? l.items.size : undefined, denied, error: l.error };
  });
  const shown = rows.filter((r) => r.denied || r.error || r.count === undefined || r.count > 0);
  const loading = rows.some((r) => r.count === undefined && !r.denied && !r.error);
  return (
    <div className="act-ns-contents" data-testid="ns-contents">
      <div>Deleting the namespace deletes everything in it{loading ? ' (counting…)' : ''}:</div>
      {shown.length === 0 && !loading ? <div className="muted">None of the kinds listed here.</div> : (
        <table>
          <tbody>
            {shown.map((r) => (
              <tr key={r.kind} data-testid={`ns-count-${r.kind}`}>
                <td>{r.kind}</td>
                <td className="num">{r.denied ? 'not allowed to list' : r.error ? 'unknown' : r.count ?? '…'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
