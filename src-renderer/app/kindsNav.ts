import type { ApiResourceInfo } from '../../shared/contract/clusters';
import { builtInKind } from '../../shared/model/kinds';

/** The sidebar's built-in kinds, grouped like `kubectl api-resources` categories. Discovery adds CRDs. */
export interface NavKind { label: string; group: string; version: string; resource: string; namespaced: boolean; kind: string }

/** A built-in kind's sidebar entry: where it lives comes from the one kinds table. */
const nav = (label: string, kind: string): NavKind => {
  const { group, version, resource, namespaced } = builtInKind(kind);
  return { label, group, version, resource, namespaced, kind };
};

export const navGroups: { title: string; kinds: NavKind[] }[] = [
  { title: 'Workloads', kinds: [
    nav('Pods', 'Pod'),
    nav('Deployments', 'Deployment'),
    nav('ReplicaSets', 'ReplicaSet'),
    nav('StatefulSets', 'StatefulSet'),
    nav('DaemonSets', 'DaemonSet'),
    nav('Jobs', 'Job'),
    nav('CronJobs', 'CronJob'),
    nav('HPAs', 'HorizontalPodAutoscaler'),
  ] },
  { title: 'Network', kinds: [
    nav('Services', 'Service'),
    nav('Ingresses', 'Ingress'),
    nav('EndpointSlices', 'EndpointSlice'),
    nav('NetworkPolicies', 'NetworkPolicy'),
  ] },
  { title: 'Config', kinds: [
    nav('ConfigMaps', 'ConfigMap'),
    nav('Secrets', 'Secret'),
  ] },
  { title: 'Storage', kinds: [
    nav('PersistentVolumeClaims', 'PersistentVolumeClaim'),
    nav('PersistentVolumes', 'PersistentVolume'),
    nav('StorageClasses', 'StorageClass'),
  ] },
  { title: 'Access control', kinds: [
    nav('ServiceAccounts', 'ServiceAccount'),
    nav('Roles', 'Role'),
    nav('RoleBindings', 'RoleBinding'),
    nav('ClusterRoles', 'ClusterRole'),
    nav('ClusterRoleBindings', 'ClusterRoleBinding'),
  ] },
  { title: 'Cluster', kinds: [
    nav('Nodes', 'Node'),
    nav('Namespaces', 'Namespace'),
    nav('Events', 'Event'),
    nav('CRDs', 'CustomResourceDefinition'),
  ] },
];

/**
 * API groups kube-apiserver serves itself. Anything else comes from a CRD or an aggregated API server
 * and is listed under "Custom resources" (gateway.networking.k8s.io and snapshot.storage.k8s.io are
 * CRDs despite their names, hence a list rather than a `.k8s.io` suffix rule).
 */
export const BUILT_IN_GROUPS: ReadonlySet<string> = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'discovery.k8s.io', 'storage.k8s.io',
  'rbac.authorization.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io', 'admissionregistration.k8s.io',
  'authentication.k8s.io', 'authorization.k8s.io', 'certificates.k8s.io', 'coordination.k8s.io', 'events.k8s.io',
  'flowcontrol.apiserver.k8s.io', 'node.k8s.io', 'scheduling.k8s.io', 'resource.k8s.io', 'internal.apiserver.k8s.io',
  'storagemigration.k8s.io',
]);

export const kindKey = (k: { group: string; resource: string }) => `${k.group}/${k.resource}`;

/** "Widget"/"widgets" → "Widgets"; "Policy"/"policies" → "Policies"; otherwise the plural resource name. */
export function pluralLabel(kind: string, resource: string): string {
  const lower = kind.toLowerCase();
  if (resource.startsWith(lower)) return kind + resource.slice(lower.length);
  if (lower.endsWith('y') && resource === `${lower.slice(0, -1)}ies`) return `${kind.slice(0, -1)}ies`;
  return resource;
}

export interface NavSection { title: string; kinds: NavKind[]; subgroups?: { group: string; kinds: NavKind[] }[] }

/**
 * The sidebar from discovery: built-in sections keep their order (a built-in kind the server does not
 * serve is dropped; its version and scope follow the server), then "Custom resources" grouped by API
 * group, only kinds that can be listed and watched (a table needs both). Without discovery yet, the
 * built-ins as declared.
 */
export function buildNav(discovery: readonly ApiResourceInfo[] | undefined): NavSection[] {
  if (!discovery) return navGroups.map((g) => ({ title: g.title, kinds: g.kinds }));
  const byKey = new Map<string, ApiResourceInfo>();
  for (const r of discovery) byKey.set(kindKey(r), r);
  const sections: NavSection[] = [];
  for (const g of navGroups) {
    const kinds: NavKind[] = [];
    for (const k of g.kinds) {
      const served = byKey.get(kindKey(k));
      if (!served) continue;
      kinds.push({ ...k, version: served.version, namespaced: served.namespaced });
    }
    if (kinds.length) sections.push({ title: g.title, kinds });
  }
  const custom = new Map<string, NavKind[]>();
  for (const r of discovery) {
    if (BUILT_IN_GROUPS.has(r.group)) continue;
    if (!r.verbs.includes('list') || !r.verbs.includes('watch')) continue;
    const list = custom.get(r.group) ?? [];
    list.push({ label: pluralLabel(r.kind, r.resource), group: r.group, version: r.version, resource: r.resource, namespaced: r.namespaced, kind: r.kind });
    custom.set(r.group, list);
  }
  if (custom.size) {
    const subgroups = [...custom].sort(([a], [b]) => a.localeCompare(b))
      .map(([group, kinds]) => ({ group, kinds: kinds.sort((a, b) => a.label.localeCompare(b.label)) }));
    sections.push({ title: 'Custom resources', kinds: subgroups.flatMap((s) => s.kinds), subgroups });
  }
  return sections;
}

/** Every kind the app knows of (sidebar kinds first, then the rest of discovery), for kind → resource lookups. */
export function allKinds(discovery: readonly ApiResourceInfo[] | undefined): NavKind[] {
  const out = buildNav(discovery).flatMap((s) => s.kinds);
  const seen = new Set(out.map(kindKey));
  for (const r of discovery ?? []) {
    if (seen.has(kindKey(r))) continue;
    seen.add(kindKey(r));
    out.push({ label: pluralLabel(r.kind, r.resource), group: r.group, version: r.version, resource: r.resource, namespaced: r.namespaced, kind: r.kind });
  }
  return out;
}

/** The resource of an ownerReference or involvedObject (apiVersion + kind), if the cluster serves it. */
export function resolveKind(kinds: readonly NavKind[], apiVersion: string | undefined, kind: string): NavKind | undefined {
  const group = apiVersion?.includes('/') ? apiVersion.split('/')[0] : '';
  return kinds.find((k) => k.kind === kind && k.group === group) ?? kinds.find((k) => k.kind === kind);
}

// ---- CRD changes between discovery refreshes ---------------------------------------------------

/** Kubernetes' version priority: GA > beta > alpha > anything else; then higher major, higher minor. */
export function compareKubeVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return { rank: 0, major: 0, minor: 0, v };
    return { rank: m[2] === 'alpha' ? 1 : m[2] === 'beta' ? 2 : 3, major: Number(m[1]), minor: Number(m[3] ?? 0), v };
  };
  const x = parse(a), y = parse(b);
  if (x.rank !== y.rank) return y.rank - x.rank;
  if (x.rank === 0) return a.localeCompare(b);
  return y.major - x.major || y.minor - x.minor;
}

/** What discovery would say about a CRD's kind, or undefined if it is not (yet) served. */
export function crdToApiResource(crd: any): ApiResourceInfo | undefined {
  const spec = crd?.spec;
  const established = (crd?.status?.conditions ?? []).some((c: any) => c?.type === 'Established' && c?.status === 'True');
  if (!spec?.group || !spec?.names?.plural || !spec?.names?.kind || !established) return undefined;
  const served: string[] = (spec.versions ?? []).filter((v: any) => v?.served && typeof v.name === 'string').map((v: any) => v.name);
  if (!served.length) return undefined;
  const version = served.sort(compareKubeVersions)[0];
  const out: ApiResourceInfo = {
    group: spec.group, version, resource: spec.names.plural, kind: spec.names.kind, namespaced: spec.scope === 'Namespaced',
    verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
  };
  if (spec.names.shortNames) out.shortNames = spec.names.shortNames;
  if (spec.names.categories) out.categories = spec.names.categories;
  return out;
}

/**
 * Discovery corrected by what the CRDs say now: kinds of CRDs deleted since are removed, kinds of
 * CRDs added or changed since are taken from the CRD objects themselves (the core caches discovery
 * for minutes, so a refetch alone would not show a new CRD).
 */
export function applyCrdChanges(discovery: readonly ApiResourceInfo[], deletedCrds: ReadonlySet<string>, changed: ReadonlyMap<string, ApiResourceInfo | undefined>): ApiResourceInfo[] {
  const crdName = (r: { group: string; resource: string }) => `${r.resource}.${r.group}`;
  const out = discovery.filter((r) => !deletedCrds.has(crdName(r)) && !changed.has(crdName(r)));
  for (const [name, info] of changed) if (info && !deletedCrds.has(name)) out.push(info);
  return out;
}
