import { builtInKind, WORKLOAD_KINDS } from '../../../shared/model/kinds';

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
  /** A CRD's kind (Gateway API): watched only when discovery says the cluster serves it. */
  optional?: true;
}

/** The icon tag and colour family of each watched kind; where it lives comes from shared/model/kinds.ts. */
const TOPOLOGY_PRESENTATION: [kind: string, short: string, family: TopologyKind['family']][] = [
  ['Pod', 'pod', 'pod'],
  ['Service', 'svc', 'network'],
  ['EndpointSlice', 'eps', 'network'],
  ['ReplicaSet', 'rs', 'workload'],
  ['Deployment', 'deploy', 'workload'],
  ['StatefulSet', 'sts', 'workload'],
  ['DaemonSet', 'ds', 'workload'],
  ['Job', 'job', 'workload'],
  ['CronJob', 'cj', 'workload'],
  ['Ingress', 'ing', 'network'],
  ['HorizontalPodAutoscaler', 'hpa', 'scaling'],
  ['ConfigMap', 'cm', 'config'],
  ['Secret', 'secret', 'config'],
  ['PersistentVolumeClaim', 'pvc', 'storage'],
  ['PersistentVolume', 'pv', 'storage'],
  ['GatewayClass', 'gc', 'network'],
  ['Gateway', 'gtw', 'network'],
  ['HTTPRoute', 'http', 'network'],
  ['GRPCRoute', 'grpc', 'network'],
  ['TLSRoute', 'tls', 'network'],
  ['TCPRoute', 'tcp', 'network'],
];

/** Kinds from CRDs: subscribed only when served (see useTopologyObjects). */
const OPTIONAL_KINDS: ReadonlySet<string> = new Set(['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute']);

export const TOPOLOGY_KINDS: readonly TopologyKind[] = TOPOLOGY_PRESENTATION.map(([kind, short, family]) => {
  const { group, version, resource, namespaced } = builtInKind(kind);
  return { kind, group, version, resource, namespaced, short, family, ...(OPTIONAL_KINDS.has(kind) ? { optional: true as const } : {}) };
});

const byKind = new Map(TOPOLOGY_KINDS.map((k) => [k.kind, k]));

export const topologyKind = (kind: string): TopologyKind | undefined => byKind.get(kind);


/** Kinds a user can filter by: those that become nodes (EndpointSlices fold into their Service). */
export const FILTERABLE_KINDS: readonly string[] = [
  'GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute',
  'Ingress', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'HorizontalPodAutoscaler',
  'ReplicaSet', 'Job', 'Pod', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'PersistentVolume',
];

/** Controllers (the kinds that own pods): double-click focuses their subtree. */
export const CONTROLLER_KINDS: ReadonlySet<string> = WORKLOAD_KINDS;

/** Human labels for the filter chips and cards. */
export const KIND_LABEL: Record<string, string> = {
  HorizontalPodAutoscaler: 'HPA',
  PersistentVolumeClaim: 'PVC',
  PersistentVolume: 'PV',
  PodGroup: 'Pods',
};

export const kindLabel = (kind: string) => KIND_LABEL[kind] ?? kind;
