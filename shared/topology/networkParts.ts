import type { KubeObject } from '../model/kubeObject';

/**
 * The parts of Services, Pods, EndpointSlices, Ingresses and IngressClasses the Network view needs
 * (shared/network), projected in the main process with the rest of the TopoObject.
 */
export interface ContainerPortInfo {
  container: string;
  name?: string;
  containerPort: number;
  protocol: string;
}

export interface ServicePortInfo {
  name?: string;
  port: number;
  /** As written: a number, a name (IANA_SVC_NAME) looked up in each pod's container ports, or absent (= port). */
  targetPort: number | string;
  nodePort?: number;
  protocol: string;
}

export interface EndpointInfo {
  /** targetRef.name when it is a Pod. */
  pod?: string;
  addresses: string[];
  /** conditions.ready: nil counts as ready (discovery.k8s.io/v1). */
  ready: boolean;
  nodeName?: string;
}

export interface IngressRuleInfo {
  host?: string;
  path?: string;
  pathType?: string;
  service?: string;
  /** backend.service.port.number or .name. */
  port?: number | string;
  /** The spec.defaultBackend. */
  isDefault?: true;
}

export interface IngressClassInfo {
  controller: string;
  isDefault: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const arr = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

export function podPorts(spec: any): ContainerPortInfo[] {
  const out: ContainerPortInfo[] = [];
  for (const c of arr(spec?.containers)) {
    for (const p of arr(c?.ports)) {
      const n = int(p?.containerPort);
      if (n === undefined) continue;
      out.push({ container: String(c?.name ?? ''), ...(str(p?.name) ? { name: p.name } : {}), containerPort: n, protocol: str(p?.protocol) ?? 'TCP' });
    }
  }
  return out;
}

export function servicePorts(spec: any): ServicePortInfo[] {
  return arr(spec?.ports).filter((p) => int(p?.port) !== undefined).map((p) => {
    const out: ServicePortInfo = { port: p.port, targetPort: int(p.targetPort) ?? str(p.targetPort) ?? p.port, protocol: str(p.protocol) ?? 'TCP' };
    if (str(p.name)) out.name = p.name;
    if (int(p.nodePort) !== undefined) out.nodePort = p.nodePort;
    return out;
  });
}

export function projectEndpoints(endpoints: any[]): EndpointInfo[] {
  return endpoints.map((e) => {
    const out: EndpointInfo = { addresses: arr(e?.addresses).filter((a) => typeof a === 'string'), ready: e?.conditions?.ready !== false };
    if (e?.targetRef?.kind === 'Pod' && str(e.targetRef.name)) out.pod = e.targetRef.name;
    if (str(e?.nodeName)) out.nodeName = e.nodeName;
    return out;
  });
}

const backendPort = (b: any): number | string | undefined => int(b?.service?.port?.number) ?? str(b?.service?.port?.name) ?? int(b?.servicePort) ?? str(b?.servicePort);

export function ingressRules(spec: any): IngressRuleInfo[] {
  const out: IngressRuleInfo[] = [];
  const def = spec?.defaultBackend ?? spec?.backend;
  for (const rule of arr(spec?.rules)) {
    for (const path of arr(rule?.http?.paths)) {
      const r: IngressRuleInfo = {};
      if (str(rule?.host)) r.host = rule.host;
      if (str(path?.path)) r.path = path.path;
      if (str(path?.pathType)) r.pathType = path.pathType;
      const svc = str(path?.backend?.service?.name) ?? str(path?.backend?.serviceName);
      if (svc) r.service = svc;
      const port = backendPort(path?.backend);
      if (port !== undefined) r.port = port;
      out.push(r);
    }
  }
  if (def) {
    const r: IngressRuleInfo = { isDefault: true };
    const svc = str(def?.service?.name) ?? str(def?.serviceName);
    if (svc) r.service = svc;
    const port = backendPort(def);
    if (port !== undefined) r.port = port;
    out.push(r);
  }
  return out;
}

export function ingressClassInfo(obj: KubeObject): IngressClassInfo {
  return {
    controller: str(obj.spec?.controller) ?? '',
    isDefault: obj.metadata?.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true',
  };
}
