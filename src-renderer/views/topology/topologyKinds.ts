/**
 * The kinds the topology graph watches, how each is addressed (for the one shared watch per kind and
 * for the details panel), and how each is labelled on a card. One list, so adding a kind is one line.
 */
export interface TopologyKind {
  kind: string;
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
  /** Short tag drawn in the kind icon, as kubectl's short names. */
  short: string;
  /** Family: decides the icon colour. */
  family: 'workload' | 'pod' | 'network' | 'config' | 'storage' | 'scaling';
}

export const TOPOLOGY_KINDS: readonly TopologyKind[] = [
  { kind: 'Pod', group: '', version: 'v1', resource: 'pods', namespaced: true, short: 'pod', family: 'pod' },
  { kind: 'Service', group: '', version: 'v1', resource: 'services', namespaced: true, short: 'svc', family: 'network' },
  { kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespaced: true, short: 'eps', family: 'network' },
  { kind: 'ReplicaSet', group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true, short: 'rs', family: 'workload' },
  { kind: 'Deployment', group: 'apps', version: 'v1', resource: 'deployments', namespaced: true, short: 'deploy', family: 'workload' },
  { kind: 'StatefulSet', group: 'apps', version: 'v1', resource: 'statefulsets', namespaced: true, short: 'sts', family: 'workload' },
  { kind: 'DaemonSet', group: 'apps', version: 'v1', resource: 'daemonsets', namespaced: true, short: 'ds', family: 'workload' },
  { kind: 'Job', group: 'batch', version: 'v1', resource: 'jobs', namespaced: true, short: 'job', family: 'workload' },
  { kind: 'CronJob', group: 'batch', version: 'v1', resource: 'cronjobs', namespaced: true, short: 'cj', family: 'workload' },
  { kind: 'Ingress', group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', namespaced: true, short: 'ing', family: 'network' },
  { kind: 'HorizontalPodAutoscaler', group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespaced: true, short: 'hpa', family: 'scaling' },
  { kind: 'ConfigMap', group: '', version: 'v1', resource: 'configmaps', namespaced: true, short: 'cm', family: 'config' },
  { kind: 'Secret', group: '', version: 'v1', resource: 'secrets', namespaced: true, short: 'secret', family: 'config' },
  { kind: 'PersistentVolumeClaim', group: '', version: 'v1', resource: 'persistentvolumeclaims', namespaced: true, short: 'pvc', family: 'storage' },
  { kind: 'PersistentVolume', group: '', version: 'v1', resource: 'persistentvolumes', namespaced: false, short: 'pv', family: 'storage' },
];

const byKind = new Map(TOPOLOGY_KINDS.map((k) => [k.kind, k]));

export const topologyKind = (kind: string): TopologyKind | undefined => byKind.get(kind);

/** The apiVersion a watched kind's objects carry (LIST items may omit it). */
export const apiVersionOf = (k: Pick<TopologyKind, 'group' | 'version'>) => (k.group ? `${k.group}/${k.version}` : k.version);

/** Kinds a user can filter by: those that become nodes (EndpointSlices fold into their Service). */
export const FILTERABLE_KINDS: readonly string[] = [
  'Ingress', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'HorizontalPodAutoscaler',
  'ReplicaSet', 'Job', 'Pod', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'PersistentVolume',
];

/** Controllers: double-click focuses their subtree. */
export const CONTROLLER_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob']);

/** Human labels for the filter chips and cards. */
export const KIND_LABEL: Record<string, string> = {
  HorizontalPodAutoscaler: 'HPA',
  PersistentVolumeClaim: 'PVC',
  PersistentVolume: 'PV',
  PodGroup: 'Pods',
};

export const kindLabel = (kind: string) => KIND_LABEL[kind] ?? kind;
