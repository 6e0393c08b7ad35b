// Pure readers of full Kubernetes objects for the details panel. Every field may be absent (any kind,
// any version, objects mid-creation), so each reader returns plain text or numbers, never throws.
import { labelSelectorString } from '../../../shared/model/labelSelector';

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export function conditionsOf(obj: any): Condition[] {
  const list = obj?.status?.conditions;
  if (!Array.isArray(list)) return [];
  return list.filter((c) => c && typeof c.type === 'string').map((c) => ({
    type: c.type, status: String(c.status ?? 'Unknown'),
    reason: c.reason || undefined, message: c.message || undefined,
    lastTransitionTime: c.lastTransitionTime || c.lastUpdateTime || c.lastProbeTime || undefined,
  }));
}

/** Whether a condition being True is good news (most are), so the table colours it right. */
export function conditionIsGood(c: Condition): boolean | undefined {
  if (c.status === 'Unknown') return undefined;
  const trueIsBad = /Pressure$|Unavailable$|^ReplicaFailure$|^Failed$|^Stalled$|^Degraded$/.test(c.type);
  return (c.status === 'True') !== trueIsBad;
}

export { ROLLOUT_KINDS, WORKLOAD_KINDS } from '../../../shared/model/kinds';

/** "8080/TCP (http)", as kubectl describe prints a container port. */
export function portText(p: any): string {
  const base = `${p?.containerPort ?? '?'}/${p?.protocol ?? 'TCP'}`;
  const host = p?.hostPort ? ` → host ${p.hostPort}` : '';
  return p?.name ? `${base} (${p.name})${host}` : `${base}${host}`;
}

/** A probe as `kubectl describe` prints it: "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3". */
export function probeText(p: any): string {
  if (!p) return '';
  let action = 'unknown';
  if (p.httpGet) {
    const h = p.httpGet;
    action = `http-get ${(h.scheme ?? 'HTTP').toLowerCase()}://${h.host ?? ''}:${h.port ?? ''}${h.path ?? ''}`;
  } else if (p.tcpSocket) action = `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''}`;
  else if (p.grpc) action = `grpc <pod>:${p.grpc.port}${p.grpc.service ? ` ${p.grpc.service}` : ''}`;
  else if (p.exec) action = `exec [${(p.exec.command ?? []).join(' ')}]`;
  return `${action} delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
}

/** A container state as one line: "Running since …", "Waiting: CrashLoopBackOff", "Terminated: Error (exit 1)". */
export function stateText(state: any): { text: string; detail?: string; tone: 'ok' | 'warn' | 'bad' | 'muted'; since?: string } | undefined {
  if (!state || typeof state !== 'object') return undefined;
  if (state.running) return { text: 'Running', tone: 'ok', since: state.running.startedAt };
  if (state.waiting) {
    const r = state.waiting.reason ?? 'Waiting';
    const bad = /BackOff|Err|Invalid|Failed/.test(r);
    return { text: `Waiting: ${r}`, detail: state.waiting.message, tone: bad ? 'bad' : 'warn' };
  }
  if (state.terminated) {
    const t = state.terminated;
    const code = t.exitCode ?? (t.signal ? `signal ${t.signal}` : '?');
    return { text: `Terminated: ${t.reason ?? 'Unknown'} (exit ${code})`, detail: t.message, tone: t.exitCode === 0 ? 'muted' : 'bad', since: t.finishedAt };
  }
  return undefined;
}

export interface ContainerView {
  name: string;
  kind: 'init' | 'container' | 'ephemeral';
  image: string;
  ports: string[];
  /** The same ports as numbers (for port-forward); only those with a valid containerPort. */
  portSpecs: { port: number; name?: string; protocol: string }[];
  probes: { kind: string; text: string }[];
  requests: Record<string, string>;
  limits: Record<string, string>;
  ready?: boolean;
  restarts: number;
  state?: ReturnType<typeof stateText>;
  lastState?: ReturnType<typeof stateText>;
  /** The image the kubelet actually runs, when it differs from the spec's (a tag resolved to a digest elsewhere). */
  imageID?: string;
}

/** A pod's containers (init, regular, ephemeral) with spec and status joined by name. */
export function podContainers(pod: any): ContainerView[] {
  const spec = pod?.spec ?? {};
  const status = pod?.status ?? {};
  const statusByName = (list: any) => new Map<string, any>((Array.isArray(list) ? list : []).map((s: any) => [s?.name, s]));
  const groups: [ContainerView['kind'], any[], Map<string, any>][] = [
    ['init', spec.initContainers ?? [], statusByName(status.initContainerStatuses)],
    ['container', spec.containers ?? [], statusByName(status.containerStatuses)],
    ['ephemeral', spec.ephemeralContainers ?? [], statusByName(status.ephemeralContainerStatuses)],
  ];
  const out: ContainerView[] = [];
  for (const [kind, containers, statuses] of groups) {
    for (const c of containers) {
      if (!c?.name) continue;
      const st = statuses.get(c.name);
      const probes = (['startupProbe', 'livenessProbe', 'readinessProbe'] as const)
        .filter((k) => c[k]).map((k) => ({ kind: k.replace('Probe', ''), text: probeText(c[k]) }));
      const view: ContainerView = {
        name: c.name, kind, image: String(c.image ?? ''),
        ports: (c.ports ?? []).map(portText), probes,
        portSpecs: (c.ports ?? []).filter((p: any) => Number.isInteger(p?.containerPort))
          .map((p: any) => ({ port: p.containerPort, protocol: String(p.protocol ?? 'TCP'), ...(p.name ? { name: String(p.name) } : {}) })),
        requests: stringMap(c.resources?.requests), limits: stringMap(c.resources?.limits),
        restarts: typeof st?.restartCount === 'number' ? st.restartCount : 0,
      };
      if (st) {
        view.ready = !!st.ready;
        view.state = stateText(st.state);
        view.lastState = stateText(st.lastState);
        if (st.imageID) view.imageID = String(st.imageID);
      }
      out.push(view);
    }
  }
  return out;
}

function stringMap(m: unknown): Record<string, string> {
  if (!m || typeof m !== 'object') return {};
  return Object.fromEntries(Object.entries(m as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/** Text of a Secret value (base64); undefined when the bytes are not UTF-8 text. */
export function decodeSecretValue(b64: string): string | undefined {
  try {
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A label selector object as `kubectl describe` prints it: "app=web,tier in (a,b)"; "<error>" as kubectl for an invalid one. */
export function selectorText(sel: any): string {
  if (!sel || typeof sel !== 'object') return '';
  try { return labelSelectorString(sel); } catch { return '<error>'; }
}

/** Key facts of a workload's spec and status, side by side (desired vs current), and its pod template's containers. */
export function workloadFacts(kind: string | undefined, obj: any): { spec: [string, string][]; status: [string, string][]; containers: { name: string; image: string }[] } {
  const spec: [string, string][] = [];
  const status: [string, string][] = [];
  const s = obj?.spec ?? {};
  const st = obj?.status ?? {};
  const push = (into: [string, string][], k: string, v: unknown) => { if (v !== undefined && v !== null && v !== '') into.push([k, String(v)]); };
  if (kind === 'Deployment') {
    push(spec, 'Strategy', s.strategy?.type === 'RollingUpdate'
      ? `RollingUpdate (max surge ${s.strategy.rollingUpdate?.maxSurge ?? '25%'}, max unavailable ${s.strategy.rollingUpdate?.maxUnavailable ?? '25%'})`
      : s.strategy?.type);
    push(spec, 'Min ready', s.minReadySeconds ? `${s.minReadySeconds}s` : undefined);
    push(spec, 'Revision history', s.revisionHistoryLimit);
    push(spec, 'Progress deadline', s.progressDeadlineSeconds ? `${s.progressDeadlineSeconds}s` : undefined);
    push(spec, 'Paused', s.paused ? 'yes' : undefined);
    push(status, 'Revision', obj?.metadata?.annotations?.['deployment.kubernetes.io/revision']);
    push(status, 'Unavailable', st.unavailableReplicas);
    push(status, 'Collisions', st.collisionCount);
  } else if (kind === 'ReplicaSet') {
    push(status, 'Revision', obj?.metadata?.annotations?.['deployment.kubernetes.io/revision']);
    push(status, 'Fully labeled', st.fullyLabeledReplicas);
  } else if (kind === 'StatefulSet') {
    push(spec, 'Service', s.serviceName);
    push(spec, 'Update strategy', s.updateStrategy?.type);
    push(spec, 'Pod management', s.podManagementPolicy);
    push(status, 'Current revision', st.currentRevision);
    push(status, 'Update revision', st.updateRevision);
  } else if (kind === 'DaemonSet') {
    push(spec, 'Update strategy', s.updateStrategy?.type);
    push(status, 'Misscheduled', st.numberMisscheduled);
    push(status, 'Unavailable', st.numberUnavailable);
  } else if (kind === 'Job') {
    push(spec, 'Completions', s.completions);
    push(spec, 'Parallelism', s.parallelism);
    push(spec, 'Backoff limit', s.backoffLimit);
    push(spec, 'Completion mode', s.completionMode);
    push(status, 'Active', st.active ?? 0);
    push(status, 'Succeeded', st.succeeded ?? 0);
    push(status, 'Failed', st.failed ?? 0);
    push(status, 'Started', st.startTime);
    push(status, 'Completed', st.completionTime);
  } else if (kind === 'CronJob') {
    push(spec, 'Schedule', s.schedule);
    push(spec, 'Time zone', s.timeZone);
    push(spec, 'Concurrency', s.concurrencyPolicy);
    push(spec, 'Suspended', s.suspend ? 'yes' : 'no');
    push(status, 'Active jobs', (st.active ?? []).length);
    push(status, 'Last schedule', st.lastScheduleTime);
    push(status, 'Last success', st.lastSuccessfulTime);
  }
  if (s.selector && kind !== 'CronJob') push(spec, 'Selector', selectorText(s.selector));
  const containers = (s.template?.spec?.containers ?? s.jobTemplate?.spec?.template?.spec?.containers ?? [])
    .filter((c: any) => c?.name).map((c: any) => ({ name: String(c.name), image: String(c.image ?? '') }));
  if (typeof obj?.metadata?.generation === 'number') {
    push(status, 'Observed generation', `${st.observedGeneration ?? '—'} of ${obj.metadata.generation}`);
  }
  return { spec, status, containers };
}

/** A value as one short line: scalars as they are, lists of scalars joined, anything nested left to the caller. */
export function scalarText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))) return v.join(', ');
  return undefined;
}

/** Facts a person checks first on a Node: addresses, versions, capacity vs allocatable, taints. */
export function nodeFacts(node: any): [string, string][] {
  const s = node?.status ?? {};
  const out: [string, string][] = [];
  const addr = (s.addresses ?? []).map((a: any) => `${a?.type}: ${a?.address}`).join('\n');
  if (addr) out.push(['Addresses', addr]);
  const info = s.nodeInfo ?? {};
  if (info.kubeletVersion) out.push(['Kubelet', String(info.kubeletVersion)]);
  if (info.osImage) out.push(['OS image', `${info.osImage}${info.architecture ? ` (${info.architecture})` : ''}`]);
  if (info.containerRuntimeVersion) out.push(['Runtime', String(info.containerRuntimeVersion)]);
  for (const r of ['cpu', 'memory', 'pods', 'ephemeral-storage']) {
    const cap = s.capacity?.[r];
    const alloc = s.allocatable?.[r];
    if (cap !== undefined || alloc !== undefined) out.push([r === 'ephemeral-storage' ? 'Storage' : r[0].toUpperCase() + r.slice(1), `${alloc ?? '?'} allocatable of ${cap ?? '?'}`]);
  }
  if (node?.spec?.unschedulable) out.push(['Schedulable', 'no (cordoned)']);
  const taints = (node?.spec?.taints ?? []).map((t: any) => `${t?.key}${t?.value ? `=${t.value}` : ''}:${t?.effect}`).join('\n');
  if (taints) out.push(['Taints', taints]);
  if (node?.spec?.podCIDR) out.push(['Pod CIDR', String(node.spec.podCIDR)]);
  return out;
}

/** A Service as kubectl describe summarises it. */
export function serviceFacts(svc: any): [string, string][] {
  const s = svc?.spec ?? {};
  const out: [string, string][] = [];
  if (s.type) out.push(['Type', String(s.type)]);
  const ips = (s.clusterIPs ?? (s.clusterIP ? [s.clusterIP] : [])).join(', ');
  if (ips) out.push(['Cluster IP', ips]);
  if (s.externalName) out.push(['External name', String(s.externalName)]);
  const lb = (svc?.status?.loadBalancer?.ingress ?? []).map((i: any) => i?.ip ?? i?.hostname).filter(Boolean).join(', ');
  if (lb) out.push(['Load balancer', lb]);
  const ports = (s.ports ?? []).map((p: any) => `${p?.name ? `${p.name} ` : ''}${p?.port}${p?.targetPort !== undefined ? `→${p.targetPort}` : ''}/${p?.protocol ?? 'TCP'}${p?.nodePort ? ` (node ${p.nodePort})` : ''}`).join('\n');
  if (ports) out.push(['Ports', ports]);
  const sel = Object.entries(s.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  out.push(['Selector', sel || '(none: endpoints are managed by hand)']);
  if (s.sessionAffinity && s.sessionAffinity !== 'None') out.push(['Session affinity', String(s.sessionAffinity)]);
  return out;
}

/** An Event object on its own (opened from the Events table). */
export function eventFacts(e: any): [string, string][] {
  const out: [string, string][] = [];
  const push = (k: string, v: unknown) => { if (v !== undefined && v !== null && v !== '') out.push([k, String(v)]); };
  push('Type', e?.type);
  push('Reason', e?.reason);
  const io = e?.involvedObject ?? e?.regarding;
  if (io) push('Object', `${io.kind ?? '?'}/${io.name ?? '?'}${io.namespace ? ` in ${io.namespace}` : ''}${io.fieldPath ? ` (${io.fieldPath})` : ''}`);
  push('Message', e?.message ?? e?.note);
  push('Count', e?.series?.count ?? e?.count);
  push('First seen', e?.firstTimestamp ?? e?.eventTime);
  push('Last seen', e?.series?.lastObservedTime ?? e?.lastTimestamp);
  push('Source', e?.source?.component ? [e.source.component, e.source.host].filter(Boolean).join(', ') : e?.reportingComponent);
  return out;
}
