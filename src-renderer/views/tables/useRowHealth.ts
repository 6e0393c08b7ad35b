import { useMemo } from 'react';
import { useLiveList } from '../../data/clientContext';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import type { HealthStatus } from '../../../shared/topology/health';

/** Kinds shared/topology/health.ts has a rule for: their tables get a Health column. */
const HEALTH_KINDS = new Set(['apps/deployments', 'apps/statefulsets', 'apps/daemonsets', 'apps/replicasets', '/pods', '/persistentvolumeclaims', '/services',
  'batch/jobs', 'batch/cronjobs', 'networking.k8s.io/ingresses', 'autoscaling/horizontalpodautoscalers']);

export const hasHealth = (group: string, resource: string) => HEALTH_KINDS.has(`${group}/${resource}`);

/**
 * Each row's health, by uid, from the same topology projection (and the same rules) the topology view
 * draws, so a table row and its card always agree. Undefined for kinds without a health rule. Merged
 * (`clusters`): keyed like the merged table's rows (data/clusterUnion.ts).
 */
export function useRowHealth(p: { context: string; group: string; version: string; resource: string; namespace?: string; clusters?: readonly string[] }): ReadonlyMap<string, HealthStatus> | undefined {
  const on = hasHealth(p.group, p.resource);
  const list = useLiveList<TopoObject>(on ? { context: p.context, group: p.group, version: p.version, resource: p.resource, namespace: p.namespace, projection: 'topology' } : undefined, { clusters: p.clusters });
  return useMemo(() => {
    if (!on) return undefined;
    const out = new Map<string, HealthStatus>();
    for (const o of list.items.values()) out.set(o.uid, o.health);
    return out;
    // list.version moves on every change of the (mutated in place) items map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [on, list.version]);
}
