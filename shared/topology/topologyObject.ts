import type { KubeObject } from '../model/kubeObject';
import { readLabelSelector, type LabelSelector, type LabelSelectorRequirement } from '../model/labelSelector';
import { replicaCounts, type ReplicaCounts } from '../model/replicaCounts';
import { nodeAllocatable, podResources, type NodeAllocatable, type PodResources } from '../metrics/usageShare';
import { computeHealth, type HealthStatus } from './health';
import { projectGateway, projectGatewayClass, projectRoute, type GatewayClassInfo, type GatewayInfo, type RouteInfo } from './gatewayApi';
import { podPorts, projectEndpoints, servicePorts, ingressRules, ingressClassInfo, type ContainerPortInfo, type EndpointInfo, type ServicePortInfo, type IngressRuleInfo, type IngressClassInfo } from './networkParts';

/**
 * The slim shape the main process computes from a full object and sends to the renderer: exactly
 * what edges, health and node cards need. Full objects never cross; details fetch them on demand.
 * Kind-specific parts are optional sub-objects so a card reads `o.pod?.phase`, never a guess.
 */
export interface TopoOwnerRef {
  uid: string;
  kind: string;
  name: string;
  controller?: boolean;
}

export type { LabelSelector, LabelSelectorRequirement };

export type { ReplicaCounts };

export interface PodInfo {
  phase?: string;
  /** What kubectl's STATUS column would say: CrashLoopBackOff, Init:0/1, Terminating, Evicted, Running... */
  reason?: string;
  ready: number;
  total: number;
  restartCount: number;
  nodeName?: string;
  /** Names (same namespace) referenced by volumes, projected volumes, env valueFrom and envFrom; sorted, unique. */
  configMaps: string[];
  secrets: string[];
  pvcs: string[];
  /** Summed container requests and limits (shared/metrics), for usage shares. */
  resources?: PodResources;
  /** Container ports (name, number, protocol), for resolving a Service's named targetPort. */
  ports?: ContainerPortInfo[];
  /** The Ready condition is True. */
  podReady?: boolean;
}

export interface ServiceInfo {
  type: string;
  clusterIP?: string;
  ports: string[];
  /** spec.ports in full, for the Network view. */
  portSpecs?: ServicePortInfo[];
  /** status.loadBalancer.ingress IPs / hostnames and spec.externalIPs. */
  addresses?: string[];
}

export interface IngressInfo {
  /** Service names from rules and the default backend; sorted, unique. */
  backends: string[];
  hosts: string[];
  className?: string;
  /** Every rule path and the default backend, in order. */
  rules?: IngressRuleInfo[];
  /** status.loadBalancer.ingress IPs / hostnames. */
  addresses?: string[];
  /** The kubernetes.io/ingress.class annotation, the class before ingressClassName existed. */
  classAnnotation?: string;
}

export interface HpaInfo {
  target: { kind: string; name: string; apiVersion?: string };
  minReplicas?: number;
  maxReplicas?: number;
  currentReplicas?: number;
  desiredReplicas?: number;
}

export interface JobInfo {
  completions?: number;
  parallelism?: number;
  succeeded: number;
  failed: number;
  active: number;
  /** Complete or Failed condition true: the Job will not start more pods. */
  finished: boolean;
}

export interface CronJobInfo {
  schedule?: string;
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
  active: number;
}

export interface PvcInfo {
  phase?: string;
  volumeName?: string;
  storageClass?: string;
  capacity?: string;
}

export interface PvInfo {
  phase?: string;
  storageClass?: string;
  capacity?: string;
  claim?: { namespace?: string; name: string };
}

export interface EndpointSliceInfo {
  /** The owning Service (label kubernetes.io/service-name). */
  serviceName?: string;
  ready: number;
  total: number;
  endpoints?: EndpointInfo[];
  ports?: { name?: string; port?: number; protocol: string }[];
}

export interface TopoObject {
  uid: string;
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  creationTimestamp?: string;
  /** deletionTimestamp is set. */
  deleting?: boolean;
  ownerReferences?: TopoOwnerRef[];
  health: HealthStatus;
  /** Workloads' spec.selector; a Service's spec.selector as matchLabels (absent: selects nothing). */
  selector?: LabelSelector;
  replicas?: ReplicaCounts;
  /** deployment.kubernetes.io/revision, for Deployments and ReplicaSets. */
  revision?: string;
  /** Images of the (template's) app containers, in order, unique. */
  images?: string[];
  /** Deployment spec.paused. */
  paused?: boolean;
  /** Job / CronJob spec.suspend. */
  suspended?: boolean;
  pod?: PodInfo;
  service?: ServiceInfo;
  ingress?: IngressInfo;
  hpa?: HpaInfo;
  job?: JobInfo;
  cronJob?: CronJobInfo;
  pvc?: PvcInfo;
  pv?: PvInfo;
  endpointSlice?: EndpointSliceInfo;
  gatewayClass?: GatewayClassInfo;
  gateway?: GatewayInfo;
  route?: RouteInfo;
  ingressClass?: IngressClassInfo;
  /** A Node's allocatable CPU and memory, for usage shares. */
  allocatable?: NodeAllocatable;
}

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const optNum = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const arr = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * Project a full object. LIST responses omit `kind` and `apiVersion` on their items: pass them in
 * `type` when the caller knows what it listed.
 */
export function projectTopoObject(obj: KubeObject, type?: { kind: string; apiVersion: string }): TopoObject {
  const full: KubeObject = obj.kind && obj.apiVersion ? obj : { ...obj, kind: obj.kind ?? type?.kind, apiVersion: obj.apiVersion ?? type?.apiVersion };
  const m = full.metadata ?? {};
  const kind = full.kind ?? '';
  const out: TopoObject = {
    uid: m.uid ?? '',
    kind,
    apiVersion: full.apiVersion ?? '',
    name: m.name ?? '',
    health: computeHealth(full),
  };
  if (m.namespace) out.namespace = m.namespace;
  if (m.labels && Object.keys(m.labels).length > 0) out.labels = m.labels;
  if (m.creationTimestamp) out.creationTimestamp = m.creationTimestamp;
  if (m.deletionTimestamp) out.deleting = true;
  const owners = arr(m.ownerReferences).filter((r) => r && typeof r.uid === 'string');
  if (owners.length > 0) {
    out.ownerReferences = owners.map((r) => {
      const ref: TopoOwnerRef = { uid: r.uid, kind: String(r.kind ?? ''), name: String(r.name ?? '') };
      if (r.controller === true) ref.controller = true;
      return ref;
    });
  }
  projectKind[kind]?.(full, out);
  return out;
}

// Structured (matchLabels/matchExpressions) or a ReplicationController's plain map: the one reader.
const labelSelector = readLabelSelector;

const containerImages = (podSpec: any): string[] | undefined => {
  const images = arr(podSpec?.containers).map((c) => str(c?.image)).filter((i): i is string => !!i);
  return images.length > 0 ? [...new Set(images)] : undefined;
};

function workload(obj: KubeObject, out: TopoObject): void {
  const sel = labelSelector(obj.spec?.selector);
  if (sel) out.selector = sel;
  out.replicas = replicaCounts(out.kind, obj.spec, obj.status)!;
  const images = containerImages(obj.spec?.template?.spec);
  if (images) out.images = images;
  if (out.kind === 'Deployment' || out.kind === 'ReplicaSet') {
    const rev = obj.metadata?.annotations?.[REVISION_ANNOTATION];
    if (rev) out.revision = rev;
  }
  if (out.kind === 'Deployment' && obj.spec?.paused === true) out.paused = true;
}

/** Every ConfigMap, Secret and PVC a pod spec names, by where Kubernetes lets it name them. */
export function podReferences(spec: any): { configMaps: string[]; secrets: string[]; pvcs: string[] } {
  const configMaps: string[] = [];
  const secrets: string[] = [];
  const pvcs: string[] = [];
  const push = (list: string[], name: unknown) => { if (typeof name === 'string' && name) list.push(name); };
  for (const v of arr(spec?.volumes)) {
    push(configMaps, v?.configMap?.name);
    push(secrets, v?.secret?.secretName);
    push(pvcs, v?.persistentVolumeClaim?.claimName);
    // The service-account volume (kube-api-access-*) that admission injects into every pod projects
    // kube-root-ca.crt: an edge from every pod to it says nothing, so it is left out.
    const isServiceAccountVolume = arr(v?.projected?.sources).some((src: any) => src?.serviceAccountToken);
    for (const src of arr(v?.projected?.sources)) {
      if (!(isServiceAccountVolume && src?.configMap?.name === 'kube-root-ca.crt')) push(configMaps, src?.configMap?.name);
      push(secrets, src?.secret?.name);
    }
  }
  for (const c of [...arr(spec?.initContainers), ...arr(spec?.containers), ...arr(spec?.ephemeralContainers)]) {
    for (const e of arr(c?.env)) {
      push(configMaps, e?.valueFrom?.configMapKeyRef?.name);
      push(secrets, e?.valueFrom?.secretKeyRef?.name);
    }
    for (const e of arr(c?.envFrom)) {
      push(configMaps, e?.configMapRef?.name);
      push(secrets, e?.secretRef?.name);
    }
  }
  return { configMaps: sortedUnique(configMaps), secrets: sortedUnique(secrets), pvcs: sortedUnique(pvcs) };
}

/** kubectl's STATUS column, shortened: the most telling reason a pod is in the state it is. */
function podReason(obj: KubeObject): string | undefined {
  const st = obj.status ?? {};
  if (obj.metadata?.deletionTimestamp) return 'Terminating';
  if (str(st.reason)) return st.reason;
  const inits = arr(st.initContainerStatuses);
  // An init container is done when it exited 0, or (a sidecar) when it has started.
  const pending = inits.findIndex((c) => c?.state?.terminated?.exitCode !== 0 && c?.started !== true);
  if (pending >= 0) {
    const c = inits[pending];
    const r = str(c?.state?.terminated?.reason) ?? str(c?.state?.waiting?.reason);
    return r && r !== 'PodInitializing' ? `Init:${r}` : `Init:${pending}/${inits.length}`;
  }
  for (const c of arr(st.containerStatuses)) {
    const waiting = str(c?.state?.waiting?.reason);
    if (waiting) return waiting;
  }
  if (st.phase !== 'Succeeded') {
    for (const c of arr(st.containerStatuses)) {
      const terminated = str(c?.state?.terminated?.reason);
      if (terminated) return terminated;
    }
  }
  return str(st.phase);
}

function pod(obj: KubeObject, out: TopoObject): void {
  const spec = obj.spec ?? {};
  const st = obj.status ?? {};
  const statuses = arr(st.containerStatuses);
  const total = Math.max(arr(spec.containers).length, statuses.length);
  const restartCount = [...statuses, ...arr(st.initContainerStatuses)].reduce((n, c) => n + num(c?.restartCount), 0);
  const info: PodInfo = {
    ready: statuses.filter((c) => c?.ready === true).length,
    total,
    restartCount,
    ...podReferences(spec),
  };
  if (str(st.phase)) info.phase = st.phase;
  const reason = podReason(obj);
  if (reason) info.reason = reason;
  if (str(spec.nodeName)) info.nodeName = spec.nodeName;
  const ports = podPorts(spec);
  if (ports.length > 0) info.ports = ports;
  if (arr(st.conditions).some((c) => c?.type === 'Ready' && c?.status === 'True')) info.podReady = true;
  const resources = podResources(arr(spec.containers));
  if (resources) info.resources = resources;
  out.pod = info;
  const images = containerImages(spec);
  if (images) out.images = images;
}

function service(obj: KubeObject, out: TopoObject): void {
  const spec = obj.spec ?? {};
  const sel = spec.selector;
  // A Service without a selector has hand-made endpoints: it selects no pods.
  if (sel && typeof sel === 'object' && Object.keys(sel).length > 0) out.selector = { matchLabels: { ...sel } };
  const info: ServiceInfo = {
    type: str(spec.type) ?? 'ClusterIP',
    ports: arr(spec.ports).map((p) => `${p?.port}${p?.nodePort ? `:${p.nodePort}` : ''}/${p?.protocol ?? 'TCP'}`),
  };
  if (str(spec.clusterIP)) info.clusterIP = spec.clusterIP;
  info.portSpecs = servicePorts(spec);
  const addresses = [...arr(obj.status?.loadBalancer?.ingress).map((i) => str(i?.ip) ?? str(i?.hostname)), ...arr(spec.externalIPs).map(str)].filter((a): a is string => !!a);
  if (addresses.length > 0) info.addresses = addresses;
  out.service = info;
}

/** Service names an Ingress routes to: networking.k8s.io/v1 `service.name`, extensions/v1beta1 `serviceName`. */
function backendService(backend: any): string | undefined {
  return str(backend?.service?.name) ?? str(backend?.serviceName);
}

function ingress(obj: KubeObject, out: TopoObject): void {
  const spec = obj.spec ?? {};
  const backends: string[] = [];
  const hosts: string[] = [];
  const def = backendService(spec.defaultBackend ?? spec.backend);
  if (def) backends.push(def);
  for (const rule of arr(spec.rules)) {
    if (str(rule?.host)) hosts.push(rule.host);
    for (const path of arr(rule?.http?.paths)) {
      const name = backendService(path?.backend);
      if (name) backends.push(name);
    }
  }
  const info: IngressInfo = { backends: sortedUnique(backends), hosts: sortedUnique(hosts) };
  if (str(spec.ingressClassName)) info.className = spec.ingressClassName;
  const annotated = str(obj.metadata?.annotations?.['kubernetes.io/ingress.class']);
  if (annotated) info.classAnnotation = annotated;
  info.rules = ingressRules(spec);
  const addresses = arr(obj.status?.loadBalancer?.ingress).map((i) => str(i?.ip) ?? str(i?.hostname)).filter((a): a is string => !!a);
  if (addresses.length > 0) info.addresses = addresses;
  out.ingress = info;
}

function hpa(obj: KubeObject, out: TopoObject): void {
  const spec = obj.spec ?? {};
  const st = obj.status ?? {};
  const ref = spec.scaleTargetRef ?? {};
  const info: HpaInfo = { target: { kind: String(ref.kind ?? ''), name: String(ref.name ?? '') } };
  if (str(ref.apiVersion)) info.target.apiVersion = ref.apiVersion;
  const set = (k: 'minReplicas' | 'maxReplicas' | 'currentReplicas' | 'desiredReplicas', v: unknown) => {
    const n = optNum(v);
    if (n !== undefined) info[k] = n;
  };
  set('minReplicas', spec.minReplicas ?? 1);
  set('maxReplicas', spec.maxReplicas);
  set('currentReplicas', st.currentReplicas);
  set('desiredReplicas', st.desiredReplicas);
  out.hpa = info;
}

function job(obj: KubeObject, out: TopoObject): void {
  const spec = obj.spec ?? {};
  const st = obj.status ?? {};
  const finished = arr(st.conditions).some((c) => (c?.type === 'Complete' || c?.type === 'Failed') && c?.status === 'True');
  const info: JobInfo = { succeeded: num(st.succeeded), failed: num(st.failed), active: num(st.active), finished };
  const completions = optNum(spec.completions);
  if (completions !== undefined) info.completions = completions;
  const parallelism = optNum(spec.parallelism);
  if (parallelism !== undefined) info.parallelism = parallelism;
  out.job = info;
  if (spec.suspend === true) out.suspended = true;
  const sel = labelSelector(spec.selector);
  if (sel) out.selector = sel;
  const images = containerImages(spec.template?.spec);
  if (images) out.images = images;
}

function cronJob(obj: KubeObject, out: TopoObject): void {
  const spec = obj.spec ?? {};
  const st = obj.status ?? {};
  const info: CronJobInfo = { active: arr(st.active).length };
  if (str(spec.schedule)) info.schedule = spec.schedule;
  if (str(st.lastScheduleTime)) info.lastScheduleTime = st.lastScheduleTime;
  if (str(st.lastSuccessfulTime)) info.lastSuccessfulTime = st.lastSuccessfulTime;
  out.cronJob = info;
  if (spec.suspend === true) out.suspended = true;
  const images = containerImages(spec.jobTemplate?.spec?.template?.spec);
  if (images) out.images = images;
}

function pvc(obj: KubeObject, out: TopoObject): void {
  const info: PvcInfo = {};
  if (str(obj.status?.phase)) info.phase = obj.status.phase;
  if (str(obj.spec?.volumeName)) info.volumeName = obj.spec.volumeName;
  if (str(obj.spec?.storageClassName)) info.storageClass = obj.spec.storageClassName;
  const capacity = str(obj.status?.capacity?.storage) ?? str(obj.spec?.resources?.requests?.storage);
  if (capacity) info.capacity = capacity;
  out.pvc = info;
}

function pv(obj: KubeObject, out: TopoObject): void {
  const info: PvInfo = {};
  if (str(obj.status?.phase)) info.phase = obj.status.phase;
  if (str(obj.spec?.storageClassName)) info.storageClass = obj.spec.storageClassName;
  if (str(obj.spec?.capacity?.storage)) info.capacity = obj.spec.capacity.storage;
  const claim = obj.spec?.claimRef;
  if (str(claim?.name)) info.claim = str(claim.namespace) ? { namespace: claim.namespace, name: claim.name } : { name: claim.name };
  out.pv = info;
}

function endpointSlice(obj: KubeObject, out: TopoObject): void {
  const endpoints = arr((obj as any).endpoints);
  // conditions.ready nil means ready (discovery.k8s.io/v1 semantics).
  const ready = endpoints.filter((e) => e?.conditions?.ready !== false).length;
  const info: EndpointSliceInfo = { ready, total: endpoints.length };
  const svc = obj.metadata?.labels?.[SERVICE_NAME_LABEL];
  if (svc) info.serviceName = svc;
  info.endpoints = projectEndpoints(endpoints);
  info.ports = arr((obj as any).ports).map((p) => ({ ...(str(p?.name) ? { name: p.name } : {}), ...(optNum(p?.port) !== undefined ? { port: p.port } : {}), protocol: str(p?.protocol) ?? 'TCP' }));
  out.endpointSlice = info;
}

const projectKind: Record<string, (obj: KubeObject, out: TopoObject) => void> = {
  Deployment: workload,
  ReplicaSet: workload,
  StatefulSet: workload,
  DaemonSet: workload,
  ReplicationController: workload,
  Pod: pod,
  Service: service,
  Ingress: ingress,
  HorizontalPodAutoscaler: hpa,
  Job: job,
  CronJob: cronJob,
  PersistentVolumeClaim: pvc,
  PersistentVolume: pv,
  EndpointSlice: endpointSlice,
  IngressClass: (obj, out) => { out.ingressClass = ingressClassInfo(obj); },
  GatewayClass: (obj, out) => { out.gatewayClass = projectGatewayClass(obj); },
  Gateway: (obj, out) => { out.gateway = projectGateway(obj); },
  HTTPRoute: (obj, out) => { out.route = projectRoute(obj); },
  GRPCRoute: (obj, out) => { out.route = projectRoute(obj); },
  TLSRoute: (obj, out) => { out.route = projectRoute(obj); },
  TCPRoute: (obj, out) => { out.route = projectRoute(obj); },
  Node: (obj, out) => { const a = nodeAllocatable(obj.status?.allocatable); if (a) out.allocatable = a; },
};
