import { groupOf } from './objectIdentity';

/**
 * The order objects are applied in, like Helm's install order and kubectl's habit of "namespaces
 * first": Namespaces, then CustomResourceDefinitions (their custom resources cannot be applied before
 * the CRD is Established), then cluster-wide setup (RBAC, storage, priority), then the rest in source
 * order, with custom resources last. Stable: equal ranks keep their relative order.
 */
const RANK: Record<string, number> = {
  Namespace: 0,
  CustomResourceDefinition: 1,
  ResourceQuota: 2, LimitRange: 2, PriorityClass: 2, StorageClass: 2,
  ServiceAccount: 3, ClusterRole: 3, ClusterRoleBinding: 3, Role: 3, RoleBinding: 3,
  Secret: 4, ConfigMap: 4, PersistentVolume: 4, PersistentVolumeClaim: 4,
};
const BUILTIN_GROUPS = new Set(['', 'apps', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io',
  'autoscaling', 'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'admissionregistration.k8s.io',
  'node.k8s.io', 'certificates.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io', 'apiregistration.k8s.io', 'resource.k8s.io']);

export function syncRank(o: { apiVersion: string; kind: string }): number {
  if (o.kind in RANK) return RANK[o.kind];
  return BUILTIN_GROUPS.has(groupOf(o.apiVersion)) ? 5 : 6;
}

export function sortForSync<T>(items: T[], object: (t: T) => { apiVersion: string; kind: string }): T[] {
  return items.map((t, i) => ({ t, i, r: syncRank(object(t)) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.t);
}
