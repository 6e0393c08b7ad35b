import type { KubeObject } from '../model/kubeObject';

/**
 * Gateway API (gateway.networking.k8s.io, standard channel) for the topology and the Network view:
 * the slim parts of GatewayClass, Gateway and the route kinds, and their health from the conditions
 * a Gateway controller writes. Nobody but a controller writes those conditions: a CRD-defaulted
 * `Accepted: Unknown / Pending` (or none) means no controller has looked at the object.
 */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const ROUTE_KINDS: ReadonlySet<string> = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute']);

export interface GatewayClassInfo {
  controllerName: string;
}

export interface GatewayListener {
  name: string;
  protocol: string;
  port: number;
  hostname?: string;
  /** status.listeners[].attachedRoutes, when a controller reported it. */
  attachedRoutes?: number;
}

export interface GatewayInfo {
  className: string;
  listeners: GatewayListener[];
  /** status.addresses: what a controller assigned. */
  addresses: string[];
  /** spec.addresses: what the Gateway asks for (no traffic arrives there until a controller assigns it). */
  requestedAddresses: string[];
}

/** One parentRef of a route and what that parent's controller reported for it (status.parents). */
export interface RouteParent {
  kind: string;
  namespace?: string;
  name: string;
  sectionName?: string;
  port?: number;
  /** Accepted condition: true / false, undefined when no controller reported on this parent. */
  accepted?: boolean;
  resolvedRefs?: boolean;
  /** The message of the first failing condition. */
  message?: string;
}

export interface RouteBackend {
  kind: string;
  namespace?: string;
  name: string;
  port?: number;
  /** backendRefs[].weight, default 1. */
  weight: number;
}

export interface RouteRule {
  /** Each match in words: `PathPrefix /api`, `GET Exact /x`, `orders.v1.Orders/Get`. */
  matches: string[];
  backends: RouteBackend[];
}

export interface RouteInfo {
  hostnames: string[];
  parents: RouteParent[];
  rules: RouteRule[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const arr = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);

export function projectGatewayClass(obj: KubeObject): GatewayClassInfo {
  return { controllerName: str(obj.spec?.controllerName) ?? '' };
}

export function projectGateway(obj: KubeObject): GatewayInfo {
  const statusListeners = new Map(arr(obj.status?.listeners).map((l) => [l?.name, l]));
  return {
    className: str(obj.spec?.gatewayClassName) ?? '',
    listeners: arr(obj.spec?.listeners).map((l) => {
      const out: GatewayListener = { name: String(l?.name ?? ''), protocol: String(l?.protocol ?? ''), port: int(l?.port) ?? 0 };
      if (str(l?.hostname)) out.hostname = l.hostname;
      const attached = int(statusListeners.get(l?.name)?.attachedRoutes);
      if (attached !== undefined) out.attachedRoutes = attached;
      return out;
    }),
    addresses: arr(obj.status?.addresses).map((a) => str(a?.value)).filter((v): v is string => !!v),
    requestedAddresses: arr(obj.spec?.addresses).map((a) => str(a?.value)).filter((v): v is string => !!v),
  };
}

const sameParent = (ref: any, status: any, routeNs: string | undefined) =>
  (status?.name ?? '') === (ref?.name ?? '') && (status?.namespace ?? routeNs) === (ref?.namespace ?? routeNs) &&
  (status?.kind ?? 'Gateway') === (ref?.kind ?? 'Gateway') && (status?.sectionName ?? '') === (ref?.sectionName ?? '') &&
  (status?.port ?? 0) === (ref?.port ?? 0);

function matchText(kind: string, m: any): string {
  if (kind === 'GRPCRoute') {
    const svc = str(m?.method?.service) ?? '*';
    return str(m?.method?.method) ? `${svc}/${m.method.method}` : svc;
  }
  const parts: string[] = [];
  if (str(m?.method)) parts.push(m.method);
  const path = m?.path;
  parts.push(`${str(path?.type) ?? 'PathPrefix'} ${str(path?.value) ?? '/'}`);
  for (const hd of arr(m?.headers)) parts.push(`header ${hd?.name}=${hd?.value}`);
  return parts.join(' ');
}

export function projectRoute(obj: KubeObject): RouteInfo {
  const ns = obj.metadata?.namespace;
  const kind = obj.kind ?? '';
  const statusParents = arr(obj.status?.parents);
  const parents = arr(obj.spec?.parentRefs).filter((p) => str(p?.name)).map((ref) => {
    const out: RouteParent = { kind: str(ref.kind) ?? 'Gateway', name: ref.name };
    if (str(ref.namespace)) out.namespace = ref.namespace;
    if (str(ref.sectionName)) out.sectionName = ref.sectionName;
    if (int(ref.port) !== undefined) out.port = ref.port;
    const st = statusParents.find((s) => sameParent(ref, s?.parentRef, ns));
    const conds = arr(st?.conditions);
    const cond = (type: string) => conds.find((c) => c?.type === type);
    const truth = (c: any) => (c?.status === 'True' ? true : c?.status === 'False' ? false : undefined);
    const accepted = truth(cond('Accepted'));
    const resolved = truth(cond('ResolvedRefs'));
    if (accepted !== undefined) out.accepted = accepted;
    if (resolved !== undefined) out.resolvedRefs = resolved;
    const failing = [cond('Accepted'), cond('ResolvedRefs')].find((c) => c?.status === 'False');
    if (str(failing?.message)) out.message = failing.message;
    return out;
  });
  const rules = arr(obj.spec?.rules).map((r) => ({
    matches: arr(r?.matches).map((m) => matchText(kind, m)),
    backends: arr(r?.backendRefs).filter((b) => str(b?.name)).map((b) => {
      const out: RouteBackend = { kind: str(b.kind) ?? 'Service', name: b.name, weight: int(b.weight) ?? 1 };
      if (str(b.namespace)) out.namespace = b.namespace;
      if (int(b.port) !== undefined) out.port = b.port;
      return out;
    }),
  }));
  return { hostnames: arr(obj.spec?.hostnames).filter((h) => typeof h === 'string'), parents, rules };
}

type Health = { status: 'Healthy' | 'Progressing' | 'Degraded'; message?: string };

const condOf = (obj: KubeObject, type: string): any => arr(obj.status?.conditions).find((c) => c?.type === type);
/** A condition a controller wrote (not the CRD's default `Unknown / Pending`). */
const reported = (c: any): boolean => c?.status === 'True' || c?.status === 'False';

export function gatewayClassHealth(obj: KubeObject): Health {
  const accepted = condOf(obj, 'Accepted');
  if (accepted?.status === 'False') return { status: 'Degraded', message: `Not accepted: ${accepted.message ?? accepted.reason ?? ''}`.trim() };
  if (accepted?.status === 'True') return { status: 'Healthy' };
  return { status: 'Progressing', message: `Not accepted by any controller: no controller named ${obj.spec?.controllerName ?? '(none)'} reported on this class` };
}

export function gatewayHealth(obj: KubeObject): Health {
  const accepted = condOf(obj, 'Accepted');
  const programmed = condOf(obj, 'Programmed');
  if (accepted?.status === 'False') return { status: 'Degraded', message: `Not accepted: ${accepted.message ?? accepted.reason ?? ''}`.trim() };
  if (programmed?.status === 'False') return { status: 'Degraded', message: `Not programmed: ${programmed.message ?? programmed.reason ?? ''}`.trim() };
  if (!reported(accepted)) return { status: 'Progressing', message: `Not accepted by any controller: GatewayClass ${obj.spec?.gatewayClassName ?? ''} has no controller reporting` };
  if (programmed?.status !== 'True') return { status: 'Progressing', message: 'Accepted, waiting to be programmed' };
  return { status: 'Healthy' };
}

export function routeHealth(obj: KubeObject): Health {
  const info = projectRoute(obj);
  if (info.parents.length === 0) return { status: 'Degraded', message: 'No parentRefs: the route is attached to no Gateway' };
  for (const p of info.parents) {
    if (p.accepted === false) return { status: 'Degraded', message: `Not accepted by ${p.kind} ${p.name}${p.message ? `: ${p.message}` : ''}` };
    if (p.resolvedRefs === false) return { status: 'Degraded', message: `References not resolved on ${p.kind} ${p.name}${p.message ? `: ${p.message}` : ''}` };
  }
  const waiting = info.parents.find((p) => p.accepted === undefined);
  if (waiting) return { status: 'Progressing', message: `Not accepted by any controller: ${waiting.kind} ${waiting.name} has not reported on this route` };
  return { status: 'Healthy' };
}

/**
 * Where the GatewayClass names a controller: the sentence the UI shows on a Gateway (or route) that no
 * controller accepted, e.g. "not accepted by any controller: GatewayClass wheelhouse names controller x".
 */
export function noControllerText(className: string, controllerName: string | undefined): string {
  return controllerName
    ? `not accepted by any controller: GatewayClass ${className} names controller ${controllerName}`
    : `not accepted by any controller: no GatewayClass named ${className}`;
}
