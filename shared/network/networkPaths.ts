import type { TopoObject } from '../topology/topologyObject';
import type { ServicePortInfo } from '../topology/networkParts';
import { matchesLabelSelector } from '../model/labelSelector';
import { GATEWAY_GROUP, noControllerText, ROUTE_KINDS } from '../topology/gatewayApi';
import { apiGroup } from '../model/kubeObject';
import { declaresPort, resolveTargetPort } from './targetPort';

/**
 * Where traffic goes in a namespace, left to right: external addresses → Ingress / Gateway (+ routes)
 * → Service → Pods, from the slim TopoObjects the topology already watches. Each path says where
 * traffic would stop and why. Pure: the Network view draws it, the integration test checks it against
 * kubectl's objects.
 */
export type StopCode =
  | 'ingress-class-missing' | 'ingress-no-controller' | 'gateway-no-controller' | 'gateway-not-accepted'
  | 'route-not-accepted' | 'backend-missing' | 'service-port-missing' | 'selector-matches-nothing'
  | 'target-port-unexposed' | 'no-ready-endpoints';

export interface Stop { code: StopCode; reason: string }

export interface PodHop {
  name: string;
  uid: string;
  /** The resolved pod port per Service port (name or number as key), undefined where the pod lacks a named port. */
  targetPorts: Record<string, number | undefined>;
  /** In the Service's EndpointSlices, and ready there. */
  endpoint: 'ready' | 'not-ready' | 'absent';
  podReady: boolean;
  node?: string;
}

export interface ServiceHop {
  name: string;
  uid?: string;
  type?: string;
  ports: ServicePortInfo[];
  pods: PodHop[];
  ready: number;
  notReady: number;
}

export interface TrafficPath {
  /** Stable id: entry kind/name plus the via text. */
  id: string;
  /** Where the path starts: `Ingress/web`, `Gateway/web-gateway`, or `Service/web` (no Ingress or Gateway in front). */
  entry: { kind: string; name: string; uid?: string };
  /** External addresses traffic arrives at (IP, hostname, or `NodePort <n>`). */
  addresses: string[];
  /** A Gateway's spec.addresses that no controller assigned (nothing arrives there yet). */
  requested?: string[];
  /** Route in front of the Service, for Gateway paths: `HTTPRoute/web-split`. */
  route?: { kind: string; name: string; uid?: string };
  /** host/path, listener, match and weight in words. */
  via: string;
  /** backendRefs[].weight as a share of its rule (percent), for Gateway routes. */
  weight?: number;
  /** The Service port the entry names (number or name). */
  servicePort?: number | string;
  service: ServiceHop;
  stops: Stop[];
}

const keyOf = (o: { namespace?: string; kind: string; name: string; apiVersion?: string }) => `${apiGroup(o.apiVersion)}/${o.kind}/${o.namespace ?? ''}/${o.name}`;

function serviceHop(svc: TopoObject | undefined, name: string, pods: readonly TopoObject[], slices: readonly TopoObject[]): { hop: ServiceHop; stops: Stop[] } {
  const stops: Stop[] = [];
  if (!svc) return { hop: { name, ports: [], pods: [], ready: 0, notReady: 0 }, stops: [{ code: 'backend-missing', reason: `Service ${name} does not exist` }] };
  const ports = svc.service?.portSpecs ?? [];
  const endpoints = new Map<string, boolean>();
  for (const s of slices) {
    if (s.endpointSlice?.serviceName !== svc.name) continue;
    for (const e of s.endpointSlice.endpoints ?? []) if (e.pod) endpoints.set(e.pod, (endpoints.get(e.pod) ?? false) || e.ready);
  }
  const matched = svc.selector ? pods.filter((p) => matchesLabelSelector(svc.selector!, p.labels)) : [];
  const hops: PodHop[] = matched.map((p): PodHop => {
    const targetPorts: Record<string, number | undefined> = {};
    for (const sp of ports) targetPorts[sp.name ?? String(sp.port)] = resolveTargetPort(sp, p.pod?.ports);
    const e = endpoints.get(p.name);
    return { name: p.name, uid: p.uid, targetPorts, endpoint: e === undefined ? 'absent' : e ? 'ready' : 'not-ready', podReady: p.pod?.podReady === true, ...(p.pod?.nodeName ? { node: p.pod.nodeName } : {}) };
  }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const hop: ServiceHop = { name: svc.name, uid: svc.uid, type: svc.service?.type, ports, pods: hops, ready: hops.filter((h) => h.endpoint === 'ready').length, notReady: hops.filter((h) => h.endpoint !== 'ready').length };
  if (svc.selector) {
    if (matched.length === 0) stops.push({ code: 'selector-matches-nothing', reason: `Service ${svc.name}'s selector matches no pods` });
    for (const sp of ports) {
      const label = sp.name ?? String(sp.port);
      if (matched.length > 0 && matched.every((p) => hopPort(hops, p.name, label) === undefined)) {
        stops.push({ code: 'target-port-unexposed', reason: `targetPort ${sp.targetPort} of port ${label}: no container of the selected pods exposes a port named ${sp.targetPort}` });
      } else if (matched.length > 0 && typeof sp.targetPort === 'number' && !matched.some((p) => declaresPort(p.pod?.ports, sp.targetPort as number, sp.protocol))) {
        stops.push({ code: 'target-port-unexposed', reason: `targetPort ${sp.targetPort} of port ${label}: no container of the selected pods declares port ${sp.targetPort}/${sp.protocol}` });
      }
    }
    if (matched.length > 0 && hop.ready === 0) stops.push({ code: 'no-ready-endpoints', reason: `Service ${svc.name} has no ready endpoints (${matched.length} pod${matched.length === 1 ? '' : 's'} selected, none ready)` });
  }
  return { hop, stops };
}

const hopPort = (hops: PodHop[], pod: string, label: string) => hops.find((h) => h.name === pod)?.targetPorts[label];

function externalAddresses(svc: TopoObject | undefined): string[] {
  if (!svc?.service) return [];
  const out = [...(svc.service.addresses ?? [])];
  if (svc.service.type === 'NodePort' || svc.service.type === 'LoadBalancer') {
    for (const p of svc.service.portSpecs ?? []) if (p.nodePort) out.push(`NodePort ${p.nodePort}`);
  }
  return out;
}

function servicePortStop(svc: TopoObject | undefined, port: number | string | undefined): Stop | undefined {
  if (!svc || port === undefined) return undefined;
  const ok = (svc.service?.portSpecs ?? []).some((p) => (typeof port === 'number' ? p.port === port : p.name === port));
  return ok ? undefined : { code: 'service-port-missing', reason: `Service ${svc.name} has no port ${port}` };
}

/**
 * Every path in `namespace`. `objects` holds what the topology watches (cluster-scoped classes included).
 * `ingressClassesReadable: false` (the user may not list IngressClasses): a class is never called missing.
 */
export function computeNetworkPaths(objects: readonly TopoObject[], namespace: string, opts: { ingressClassesReadable?: boolean } = {}): TrafficPath[] {
  const inNs = objects.filter((o) => o.namespace === namespace);
  const byKey = new Map(objects.map((o) => [keyOf(o), o]));
  const svcOf = (name: string, ns = namespace) => byKey.get(`/Service/${ns}/${name}`);
  const pods = inNs.filter((o) => o.kind === 'Pod');
  const slices = inNs.filter((o) => o.kind === 'EndpointSlice');
  const ingressClasses = objects.filter((o) => o.kind === 'IngressClass');
  const reached = new Set<string>();
  const paths: TrafficPath[] = [];

  for (const ing of inNs.filter((o) => o.kind === 'Ingress')) {
    const info = ing.ingress!;
    const className = info.className ?? info.classAnnotation;
    const cls = className ? ingressClasses.find((c) => c.name === className) : ingressClasses.find((c) => c.ingressClass?.isDefault);
    const entryStops: Stop[] = [];
    if (!cls && !info.classAnnotation && opts.ingressClassesReadable !== false) {
      entryStops.push({ code: 'ingress-class-missing', reason: className ? `No IngressClass named ${className}: no controller serves this Ingress` : 'No ingressClassName and no default IngressClass: no controller serves this Ingress' });
    } else if (!(info.addresses?.length)) {
      entryStops.push({ code: 'ingress-no-controller', reason: `No controller has published an address for this Ingress${cls ? ` (IngressClass ${cls.name} names controller ${cls.ingressClass?.controller ?? '?'})` : ''}` });
    }
    for (const rule of info.rules ?? []) {
      if (!rule.service) continue;
      const svc = svcOf(rule.service);
      reached.add(rule.service);
      const { hop, stops } = serviceHop(svc, rule.service, pods, slices);
      const portStop = servicePortStop(svc, rule.port);
      const via = rule.isDefault ? 'default backend' : `${rule.host ?? '*'}${rule.path ?? '/'}`;
      paths.push({
        id: `Ingress/${ing.name}/${via}`, entry: { kind: 'Ingress', name: ing.name, uid: ing.uid }, addresses: info.addresses ?? [], via,
        ...(rule.port !== undefined ? { servicePort: rule.port } : {}), service: hop,
        stops: [...entryStops, ...(portStop ? [portStop] : []), ...stops],
      });
    }
  }

  for (const route of inNs.filter((o) => ROUTE_KINDS.has(o.kind) && o.route)) {
    const info = route.route!;
    for (const parent of info.parents.filter((p) => p.kind === 'Gateway')) {
      const gw = byKey.get(`${GATEWAY_GROUP}/Gateway/${parent.namespace ?? namespace}/${parent.name}`);
      const entryStops: Stop[] = [];
      // A Gateway in another namespace is not in this namespace's lists: unknown, so not flagged.
      const elsewhere = !!parent.namespace && parent.namespace !== namespace;
      if (!gw) {
        if (!elsewhere) entryStops.push({ code: 'gateway-not-accepted', reason: `Gateway ${parent.name} does not exist` });
      } else if (gw.health.status !== 'Healthy') {
        const cls = byKey.get(`${GATEWAY_GROUP}/GatewayClass//${gw.gateway?.className ?? ''}`);
        const noController = gw.health.status === 'Progressing' && gw.health.message?.startsWith('Not accepted by any controller');
        entryStops.push(noController
          ? { code: 'gateway-no-controller', reason: noControllerText(gw.gateway?.className ?? '', cls?.gatewayClass?.controllerName) }
          : { code: 'gateway-not-accepted', reason: `Gateway ${gw.name}: ${gw.health.message ?? gw.health.status}` });
      }
      if (parent.accepted === false || parent.resolvedRefs === false) {
        entryStops.push({ code: 'route-not-accepted', reason: `${route.kind} ${route.name} on Gateway ${parent.name}: ${parent.message ?? (parent.accepted === false ? 'not accepted' : 'references not resolved')}` });
      }
      const listener = gw?.gateway?.listeners.find((l) => l.name === parent.sectionName);
      const addresses = gw?.gateway?.addresses ?? [];
      info.rules.forEach((rule, ri) => {
        const total = rule.backends.reduce((n, b) => n + b.weight, 0);
        for (const b of rule.backends.filter((x) => x.kind === 'Service')) {
          const ns = b.namespace ?? namespace;
          const svc = svcOf(b.name, ns);
          if (ns === namespace) reached.add(b.name);
          const { hop, stops } = serviceHop(svc, b.name, ns === namespace ? pods : objects.filter((o) => o.kind === 'Pod' && o.namespace === ns), ns === namespace ? slices : objects.filter((o) => o.kind === 'EndpointSlice' && o.namespace === ns));
          const portStop = servicePortStop(svc, b.port);
          const host = info.hostnames.length ? info.hostnames.join(', ') : listener?.hostname ?? '*';
          const via = `${listener ? `${listener.name} ${listener.protocol}:${listener.port} ` : ''}${host} ${rule.matches.join(' | ') || 'all'}`;
          const weight = total > 0 ? Math.round((b.weight / total) * 100) : 0;
          paths.push({
            id: `Gateway/${parent.name}/${route.kind}/${route.name}/${ri}/${b.name}`, entry: { kind: 'Gateway', name: parent.name, uid: gw?.uid },
            addresses, ...(addresses.length === 0 && gw?.gateway?.requestedAddresses.length ? { requested: gw.gateway.requestedAddresses } : {}),
            route: { kind: route.kind, name: route.name, uid: route.uid }, via, weight,
            ...(b.port !== undefined ? { servicePort: b.port } : {}), service: hop,
            stops: [...entryStops, ...(portStop ? [portStop] : []), ...stops],
          });
        }
      });
    }
  }

  // Services nothing routes to: traffic arrives at their own addresses (NodePort, LoadBalancer) or in-cluster.
  for (const svc of inNs.filter((o) => o.kind === 'Service' && !reached.has(o.name))) {
    const { hop, stops } = serviceHop(svc, svc.name, pods, slices);
    const addresses = externalAddresses(svc);
    paths.push({ id: `Service/${svc.name}`, entry: { kind: 'Service', name: svc.name, uid: svc.uid }, addresses, via: addresses.length ? svc.service?.type ?? 'ClusterIP' : 'in-cluster', service: hop, stops });
  }
  // A routed Service's own NodePort / LoadBalancer addresses are entries too.
  for (const p of paths) if (p.entry.kind !== 'Service' && p.service.uid) {
    const own = externalAddresses(svcOf(p.service.name));
    if (own.length && !paths.some((q) => q.id === `Service/${p.service.name}`)) {
      paths.push({ ...p, id: `Service/${p.service.name}`, entry: { kind: 'Service', name: p.service.name, uid: p.service.uid }, addresses: own, route: undefined, via: svcOf(p.service.name)?.service?.type ?? '', weight: undefined, servicePort: undefined, stops: p.stops.filter((s) => !['ingress-class-missing', 'ingress-no-controller', 'gateway-no-controller', 'gateway-not-accepted', 'route-not-accepted', 'service-port-missing'].includes(s.code)) });
    }
  }
  return paths.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The paths through one object (a Service, Ingress, Gateway or route). */
export function pathsThrough(paths: readonly TrafficPath[], target: { kind: string; name: string }): TrafficPath[] {
  return paths.filter((p) =>
    (p.entry.kind === target.kind && p.entry.name === target.name) ||
    (p.route?.kind === target.kind && p.route.name === target.name) ||
    (target.kind === 'Service' && p.service.name === target.name));
}
