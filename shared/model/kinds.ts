/**
 * The one kinds table: where each built-in kind lives on the API server and what can be done to it.
 * Every other kind list in the app (the actions' resource paths, the topology's watched kinds, the
 * sidebar, the details tabs, the timeline's tracked kinds) derives from this table, so two rooms can
 * never disagree on whether, say, a ReplicaSet scales.
 *
 * Capabilities answer what kubectl's polymorphichelpers answer per kind (kubectl 1.35,
 * staging/src/k8s.io/kubectl/pkg/polymorphichelpers):
 * - scalable: `kubectl scale` finds a /scale subresource: Deployment, ReplicaSet, StatefulSet (and
 *   ReplicationController, see below). A ReplicaSet owned by a Deployment scales too, and its
 *   Deployment scales it straight back, which is why views offer it only on an unowned ReplicaSet:
 *   `isScaleTarget`.
 * - restartable: ObjectRestarter (rollout restart): Deployment, DaemonSet, StatefulSet.
 * - rolloutKind: HistoryViewerFor / RollbackerFor / StatusViewerFor: Deployment, DaemonSet, StatefulSet.
 * - pausable: ObjectPauser / ObjectResumer: Deployment only.
 * - hasLogs: LogsForObject (via AttachablePodForObject): Pod and the controllers that select pods.
 * - hasPods: controllers with a pod template whose pods they own (directly or, for CronJob, via Jobs).
 * - exposable: CanBeExposed (kubectl expose): Pod, Service, Deployment, ReplicaSet, ReplicationController.
 */
export interface KindInfo {
  kind: string;
  group: string;
  version: string;
  /** The plural resource name in URLs and RBAC. */
  resource: string;
  namespaced: boolean;
  /** kubectl's short names (`kubectl api-resources`). */
  shortNames: readonly string[];
  scalable?: true;
  restartable?: true;
  rolloutKind?: true;
  pausable?: true;
  hasLogs?: true;
  hasPods?: true;
  exposable?: true;
}

const k = (kind: string, group: string, version: string, resource: string, namespaced: boolean, shortNames: string[], caps: Partial<KindInfo> = {}): KindInfo =>
  ({ kind, group, version, resource, namespaced, shortNames, ...caps });

const ROLLOUT = { restartable: true, rolloutKind: true, hasLogs: true, hasPods: true } as const;

export const KINDS: readonly KindInfo[] = [
  k('Pod', '', 'v1', 'pods', true, ['po'], { hasLogs: true, exposable: true }),
  k('Deployment', 'apps', 'v1', 'deployments', true, ['deploy'], { ...ROLLOUT, scalable: true, pausable: true, exposable: true }),
  k('ReplicaSet', 'apps', 'v1', 'replicasets', true, ['rs'], { scalable: true, hasLogs: true, hasPods: true, exposable: true }),
  k('StatefulSet', 'apps', 'v1', 'statefulsets', true, ['sts'], { ...ROLLOUT, scalable: true }),
  k('DaemonSet', 'apps', 'v1', 'daemonsets', true, ['ds'], ROLLOUT),
  // kubectl also scales a ReplicationController and reads its logs; Wheelhouse does not act on this
  // legacy kind (the contract's kinds, checked against this table in kinds.test.ts).
  k('ReplicationController', '', 'v1', 'replicationcontrollers', true, ['rc'], { hasPods: true, exposable: true }),
  k('Job', 'batch', 'v1', 'jobs', true, [], { hasLogs: true, hasPods: true }),
  k('CronJob', 'batch', 'v1', 'cronjobs', true, ['cj'], { hasPods: true }),
  k('HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', true, ['hpa']),
  k('Service', '', 'v1', 'services', true, ['svc'], { exposable: true }),
  k('Ingress', 'networking.k8s.io', 'v1', 'ingresses', true, ['ing']),
  k('EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', true, []),
  k('NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', true, ['netpol']),
  k('ConfigMap', '', 'v1', 'configmaps', true, ['cm']),
  k('Secret', '', 'v1', 'secrets', true, []),
  k('PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', true, ['pvc']),
  k('PersistentVolume', '', 'v1', 'persistentvolumes', false, ['pv']),
  k('StorageClass', 'storage.k8s.io', 'v1', 'storageclasses', false, ['sc']),
  k('ServiceAccount', '', 'v1', 'serviceaccounts', true, ['sa']),
  k('Role', 'rbac.authorization.k8s.io', 'v1', 'roles', true, []),
  k('RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', true, []),
  k('ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', false, []),
  k('ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', false, []),
  k('Node', '', 'v1', 'nodes', false, ['no']),
  k('Namespace', '', 'v1', 'namespaces', false, ['ns']),
  k('Event', '', 'v1', 'events', true, ['ev']),
  k('CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', 'customresourcedefinitions', false, ['crd', 'crds']),
  k('ControllerRevision', 'apps', 'v1', 'controllerrevisions', true, []),
  k('IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', false, []),
  // Gateway API (CRDs, standard channel): present only where the cluster serves them (discovery).
  k('GatewayClass', 'gateway.networking.k8s.io', 'v1', 'gatewayclasses', false, ['gc']),
  k('Gateway', 'gateway.networking.k8s.io', 'v1', 'gateways', true, ['gtw']),
  k('HTTPRoute', 'gateway.networking.k8s.io', 'v1', 'httproutes', true, []),
  k('GRPCRoute', 'gateway.networking.k8s.io', 'v1', 'grpcroutes', true, []),
  k('TLSRoute', 'gateway.networking.k8s.io', 'v1', 'tlsroutes', true, []),
  k('TCPRoute', 'gateway.networking.k8s.io', 'v1', 'tcproutes', true, []),
];

const byKind = new Map(KINDS.map((i) => [i.kind, i]));

/** The table's row for a built-in kind; undefined for a kind it does not know (a CRD's). */
export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/** The row for a kind the caller knows is in the table (a programming error otherwise). */
export function builtInKind(kind: string): KindInfo {
  const info = byKind.get(kind);
  if (!info) throw new Error(`${kind} is not in shared/model/kinds.ts`);
  return info;
}

export type Capability = 'scalable' | 'restartable' | 'rolloutKind' | 'pausable' | 'hasLogs' | 'hasPods' | 'exposable';

/** The kinds with a capability, in table order. */
export function kindsWith(capability: Capability): ReadonlySet<string> {
  return new Set(KINDS.filter((i) => i[capability]).map((i) => i.kind));
}

export const hasCapability = (kind: string | undefined, capability: Capability): boolean => !!kind && !!byKind.get(kind)?.[capability];

export const SCALABLE_KINDS = kindsWith('scalable');
export const RESTARTABLE_KINDS = kindsWith('restartable');
export const ROLLOUT_KINDS = kindsWith('rolloutKind');
export const LOG_KINDS = kindsWith('hasLogs');
/** Controllers that own pods (workloads): what "workload" means in the details panel and topology. */
export const WORKLOAD_KINDS = kindsWith('hasPods');

/** The apiVersion of a group and version: "v1" for the core group, "apps/v1" otherwise. */
export const apiVersionOf = (r: { group: string; version: string }): string => (r.group ? `${r.group}/${r.version}` : r.version);

/** The resource path parts of a kind ({group, version, resource}), as the core's ResourcePath. */
export function resourceOf(kind: string): { group: string; version: string; resource: string } {
  const { group, version, resource } = builtInKind(kind);
  return { group, version, resource };
}

/**
 * Whether the app offers to scale this object: its kind scales (kubectl's answer) and no controller owns
 * it (a ReplicaSet owned by a Deployment is scaled back by the Deployment's controller at once).
 */
export function isScaleTarget(kind: string, ownerReferences: readonly { controller?: boolean }[] | undefined): boolean {
  return SCALABLE_KINDS.has(kind) && !(ownerReferences ?? []).some((r) => r.controller === true);
}
