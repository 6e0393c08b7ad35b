// The Network view's paths (shared/network, fed by the core's own watches and projections) against a
// reference computed here, independently, from `kubectl get -o json` (EndpointSlices included): for the
// seeded demo namespace and for a fixture of this test's own with every broken-path case made for real.
// Nobody runs an ingress or Gateway controller in the test cluster: where a case needs one, THE TEST
// PLAYS THE CONTROLLER by writing status through the status subresource, and says so.
import { describe, expect, it } from 'vitest';
import { ADMIN, eventually, testKubeconfig, useTestNamespace } from '../../testing/testCluster';
import { kubectl } from '../../../test-cluster/kubectl.mjs';
import { subscribeResources } from '../watch/resourceSubscription';
import { LiveList } from '../../../shared/model/liveList';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import { computeNetworkPaths, type TrafficPath } from '../../../shared/network/networkPaths';
import type { Core } from '../core';

const KINDS: [group: string, version: string, resource: string, namespaced: boolean][] = [
  ['', 'v1', 'pods', true], ['', 'v1', 'services', true], ['discovery.k8s.io', 'v1', 'endpointslices', true],
  ['networking.k8s.io', 'v1', 'ingresses', true], ['networking.k8s.io', 'v1', 'ingressclasses', false],
  ['gateway.networking.k8s.io', 'v1', 'gatewayclasses', false], ['gateway.networking.k8s.io', 'v1', 'gateways', true],
  ['gateway.networking.k8s.io', 'v1', 'httproutes', true], ['gateway.networking.k8s.io', 'v1', 'grpcroutes', true],
];

/** What the app sees: the core's watches with the topology projection, as the renderer's live lists get them. */
async function appObjects(core: Core, ns: string): Promise<TopoObject[]> {
  const lists = KINDS.map(([group, version, resource, namespaced]) => {
    const list = new LiveList<TopoObject>();
    let state = list.state;
    const stop = subscribeResources(core.hub, { context: ADMIN, group, version, resource, namespace: namespaced ? ns : undefined, projection: 'topology' }, (e) => { state = list.apply(e); }, { batchMs: 10 });
    return { get: () => state, stop };
  });
  try {
    await eventually(() => lists.every((l) => l.get().synced), 30_000, 'every list synced');
    await new Promise((r) => setTimeout(r, 300));
    return lists.flatMap((l) => [...l.get().items.values()]);
  } finally {
    for (const l of lists) l.stop();
  }
}

const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, input });
const items = async (resource: string, ns?: string): Promise<any[]> => JSON.parse(await k(['get', resource, ...(ns ? ['-n', ns] : []), '-o', 'json'])).items;

// ── the reference, from raw kubectl JSON, written without shared/network or shared/topology ─────────

interface RefPath { id: string; addresses: string[]; service: string; servicePort?: number | string; weight?: number; pods: string[]; stops: string[] }

async function reference(ns: string): Promise<RefPath[]> {
  const [pods, services, slices, ingresses, classes, gwClasses, gateways, httpRoutes, grpcRoutes] = await Promise.all([
    items('pods', ns), items('services', ns), items('endpointslices.discovery.k8s.io', ns), items('ingresses.networking.k8s.io', ns),
    items('ingressclasses.networking.k8s.io'), items('gatewayclasses.gateway.networking.k8s.io'), items('gateways.gateway.networking.k8s.io', ns),
    items('httproutes.gateway.networking.k8s.io', ns), items('grpcroutes.gateway.networking.k8s.io', ns),
  ]);
  const out: RefPath[] = [];
  const svcNamed = (name: string) => services.find((s) => s.metadata.name === name);
  const backend = (name: string, port: number | string | undefined) => {
    const svc = svcNamed(name);
    if (!svc) return { service: name, pods: [] as string[], stops: ['backend-missing'] };
    const stops: string[] = [];
    if (port !== undefined && !svc.spec.ports.some((p: any) => (typeof port === 'number' ? p.port === port : p.name === port))) stops.push('service-port-missing');
    const sel: Record<string, string> | undefined = svc.spec.selector;
    const chosen = sel ? pods.filter((p) => Object.entries(sel).every(([key, v]) => p.metadata.labels?.[key] === v)) : [];
    if (sel) {
      if (chosen.length === 0) stops.push('selector-matches-nothing');
      for (const sp of svc.spec.ports) {
        const tp = sp.targetPort ?? sp.port;
        const proto = sp.protocol ?? 'TCP';
        const declared = (p: any, test: (cp: any) => boolean) => p.spec.containers.some((c: any) => (c.ports ?? []).some((cp: any) => (cp.protocol ?? 'TCP') === proto && test(cp)));
        if (chosen.length > 0 && typeof tp === 'string' && !chosen.some((p) => declared(p, (cp) => cp.name === tp))) stops.push('target-port-unexposed');
        else if (chosen.length > 0 && typeof tp === 'number' && !chosen.some((p) => declared(p, (cp) => cp.containerPort === tp))) stops.push('target-port-unexposed');
      }
      const readyPods = new Set(slices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name)
        .flatMap((s) => (s.endpoints ?? []).filter((e: any) => e.conditions?.ready !== false).map((e: any) => e.targetRef?.name)));
      if (chosen.length > 0 && !chosen.some((p) => readyPods.has(p.metadata.name))) stops.push('no-ready-endpoints');
    }
    return { service: name, pods: chosen.map((p) => p.metadata.name).sort(), stops };
  };
  const routed = new Set<string>();
  for (const ing of ingresses) {
    const cls = ing.spec.ingressClassName;
    const known = cls ? classes.find((c) => c.metadata.name === cls) : classes.find((c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true');
    const addresses = (ing.status?.loadBalancer?.ingress ?? []).map((a: any) => a.ip ?? a.hostname);
    const entry = !known ? ['ingress-class-missing'] : addresses.length === 0 ? ['ingress-no-controller'] : [];
    for (const rule of ing.spec.rules ?? []) for (const p of rule.http?.paths ?? []) {
      const port = p.backend.service.port?.number ?? p.backend.service.port?.name;
      routed.add(p.backend.service.name);
      const b = backend(p.backend.service.name, port);
      out.push({ id: `Ingress/${ing.metadata.name}/${rule.host ?? '*'}${p.path ?? '/'}`, addresses, service: b.service, servicePort: port, pods: b.pods, stops: [...entry, ...b.stops] });
    }
  }
  for (const route of [...httpRoutes.map((r) => ['HTTPRoute', r] as const), ...grpcRoutes.map((r) => ['GRPCRoute', r] as const)]) {
    const [kind, r] = route;
    for (const ref of r.spec.parentRefs ?? []) {
      const gw = gateways.find((g) => g.metadata.name === ref.name);
      const cond = (obj: any, type: string) => (obj?.status?.conditions ?? []).find((c: any) => c.type === type)?.status;
      const entry: string[] = [];
      if (!gw) entry.push('gateway-not-accepted');
      else if (cond(gw, 'Accepted') === 'False' || cond(gw, 'Programmed') === 'False') entry.push('gateway-not-accepted');
      else if (cond(gw, 'Accepted') !== 'True') entry.push(gwClasses.some((c) => c.metadata.name === gw.spec.gatewayClassName) ? 'gateway-no-controller' : 'gateway-no-controller');
      else if (cond(gw, 'Programmed') !== 'True') entry.push('gateway-not-accepted');
      const st = (r.status?.parents ?? []).find((p: any) => p.parentRef.name === ref.name && (p.parentRef.sectionName ?? '') === (ref.sectionName ?? ''));
      if (st && (st.conditions ?? []).some((c: any) => (c.type === 'Accepted' || c.type === 'ResolvedRefs') && c.status === 'False')) entry.push('route-not-accepted');
      const addresses = (gw?.status?.addresses ?? []).map((a: any) => a.value);
      (r.spec.rules ?? []).forEach((rule: any, ri: number) => {
        const total = (rule.backendRefs ?? []).reduce((n: number, b: any) => n + (b.weight ?? 1), 0);
        for (const b of rule.backendRefs ?? []) {
          routed.add(b.name);
          const hop = backend(b.name, b.port);
          out.push({ id: `Gateway/${ref.name}/${kind}/${r.metadata.name}/${ri}/${b.name}`, addresses, service: hop.service, servicePort: b.port, weight: Math.round(((b.weight ?? 1) / total) * 100), pods: hop.pods, stops: [...entry, ...hop.stops] });
        }
      });
    }
  }
  const nodePorts = (svc: any) => (svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer' ? svc.spec.ports.filter((p: any) => p.nodePort).map((p: any) => `NodePort ${p.nodePort}`) : []);
  const lb = (svc: any) => [...(svc.status?.loadBalancer?.ingress ?? []).map((a: any) => a.ip ?? a.hostname), ...(svc.spec.externalIPs ?? [])];
  for (const svc of services) {
    const addresses = [...lb(svc), ...nodePorts(svc)];
    if (routed.has(svc.metadata.name) && addresses.length === 0) continue;
    const b = backend(svc.metadata.name, undefined);
    out.push({ id: `Service/${svc.metadata.name}`, addresses, service: b.service, pods: b.pods, stops: b.stops });
  }
  return out.map((p) => ({ ...p, stops: [...p.stops].sort() })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

const summary = (paths: TrafficPath[]): RefPath[] => paths.map((p) => ({
  id: p.id, addresses: p.addresses, service: p.service.name, ...(p.servicePort !== undefined ? { servicePort: p.servicePort } : {}),
  ...(p.weight !== undefined ? { weight: p.weight } : {}), pods: p.service.pods.map((x) => x.name), stops: p.stops.map((s) => s.code).sort(),
})).sort((a, b) => (a.id < b.id ? -1 : 1));

const refShape = (r: RefPath[]) => r.map((p) => ({ ...p, ...(p.servicePort === undefined ? { servicePort: undefined } : {}) })).map((p) => JSON.parse(JSON.stringify(p)));

async function expectSame(core: Core, ns: string): Promise<TrafficPath[]> {
  // Both sides read a moving cluster: retry until they agree (or show the last difference).
  let last: { mine: RefPath[]; ref: RefPath[] } | undefined;
  const paths = await eventually(async () => {
    const [objects, ref] = await Promise.all([appObjects(core, ns), reference(ns)]);
    const computed = computeNetworkPaths(objects, ns);
    last = { mine: summary(computed), ref: refShape(ref) };
    return JSON.stringify(last.mine) === JSON.stringify(last.ref) ? computed : undefined;
  }, 60_000, 'the computed paths to equal the kubectl reference').catch(() => undefined);
  expect(last!.mine).toEqual(last!.ref);
  return paths!;
}

describe('Network paths against the real cluster', () => {
  const t = useTestNamespace('wh-net');

  it('equal the kubectl reference for the seeded demo namespace (Ingress, Gateway and routes, Services, pods)', async () => {
    const paths = await expectSame(t.core, 'demo');
    const split = paths.filter((p) => p.route?.name === 'web-split');
    expect(split.map((p) => [p.service.name, p.weight])).toEqual(expect.arrayContaining([['web', 90], ['api', 10], ['api', 100]]));
    // No Gateway controller runs here, and the UI says so with the class's controller name.
    expect(split[0].stops[0].reason).toBe('not accepted by any controller: GatewayClass wheelhouse names controller wheelhouse.dev/no-gateway-controller');
  });

  it('flags every broken-path case made for real, and clears the Gateway one when (the test playing) a controller accepts it', async () => {
    const ns = t.ns;
    const deploy = (name: string, replicas: number, port: { name: string; containerPort: number }) => ({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns },
      spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [port] }] } } },
    });
    const svc = (name: string, app: string, targetPort: number | string, type = 'ClusterIP') => ({
      apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { type, selector: { app }, ports: [{ name: 'http', port: 80, targetPort }] },
    });
    const ing = (name: string, cls: string, service: string) => ({
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: ns },
      spec: { ingressClassName: cls, rules: [{ host: `${name}.test`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: service, port: { number: 80 } } } }] } }] },
    });
    const g = 'gateway.networking.k8s.io/v1';
    const objects = [
      deploy('shop', 2, { name: 'web', containerPort: 8080 }),
      svc('shop', 'shop', 'web', 'NodePort'), // named targetPort, resolved per pod
      svc('orphan', 'nothing-has-this-label', 80), // selector matching nothing
      svc('badport', 'shop', 'grpc'), // a targetPort no container exposes
      ing('served', 'wheelhouse', 'shop'), ing('ghost', 'no-such-class', 'shop'), ing('unserved', 'wheelhouse', 'shop'), ing('dangling', 'wheelhouse', 'gone'),
      { apiVersion: g, kind: 'Gateway', metadata: { name: 'gw', namespace: ns }, spec: { gatewayClassName: 'wheelhouse', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] } },
      { apiVersion: g, kind: 'HTTPRoute', metadata: { name: 'split', namespace: ns }, spec: { parentRefs: [{ name: 'gw', sectionName: 'http' }], rules: [{ backendRefs: [{ name: 'shop', port: 80, weight: 3 }, { name: 'gone', port: 80, weight: 1 }] }] } },
    ];
    await k(['apply', '--server-side', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
    await k(['rollout', 'status', '-n', ns, 'deployment/shop', '--timeout=120s']);
    // THE TEST PLAYS THE INGRESS CONTROLLER for Ingress `served`: it publishes an address (TEST-NET-3).
    await k(['patch', 'ingress', 'served', '-n', ns, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } } })]);

    let paths = await expectSame(t.core, ns);
    const codes = (id: string) => paths.find((p) => p.id === id)?.stops.map((s) => s.code);
    expect(codes('Ingress/served/served.test/')).toEqual([]);
    expect(codes('Ingress/ghost/ghost.test/')).toEqual(['ingress-class-missing']);
    expect(codes('Ingress/unserved/unserved.test/')).toEqual(['ingress-no-controller']);
    expect(codes('Ingress/dangling/dangling.test/')).toEqual(['ingress-no-controller', 'backend-missing']);
    expect(codes('Service/orphan')).toEqual(['selector-matches-nothing']);
    expect(codes('Service/badport')).toEqual(['target-port-unexposed']);
    expect(codes('Gateway/gw/HTTPRoute/split/0/shop')).toEqual(['gateway-no-controller']);
    expect(codes('Gateway/gw/HTTPRoute/split/0/gone')).toEqual(['gateway-no-controller', 'backend-missing']);
    const shop = paths.find((p) => p.id === 'Service/shop')!;
    expect(shop.addresses[0]).toMatch(/^NodePort \d+$/);
    expect(shop.service.pods.map((p) => p.targetPorts.http)).toEqual([8080, 8080]);

    // THE TEST PLAYS A GATEWAY CONTROLLER: it accepts and programs the Gateway with an address, and
    // reports the route accepted with its references unresolved (Service `gone` does not exist).
    const now = new Date().toISOString();
    const cond = (type: string, status: string, reason: string, message = '') => ({ type, status, reason, message, lastTransitionTime: now, observedGeneration: 1 });
    await k(['patch', 'gateway', 'gw', '-n', ns, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: {
      addresses: [{ type: 'IPAddress', value: '198.51.100.20' }], conditions: [cond('Accepted', 'True', 'Accepted'), cond('Programmed', 'True', 'Programmed')] } })]);
    await k(['patch', 'httproute', 'split', '-n', ns, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { parents: [{
      parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', sectionName: 'http' }, controllerName: 'wheelhouse.dev/test-plays-controller',
      conditions: [cond('Accepted', 'True', 'Accepted'), cond('ResolvedRefs', 'False', 'BackendNotFound', 'Service gone not found')] }] } })]);
    paths = await expectSame(t.core, ns);
    const gw = paths.find((p) => p.id === 'Gateway/gw/HTTPRoute/split/0/shop')!;
    expect(gw.addresses).toEqual(['198.51.100.20']);
    expect(gw.weight).toBe(75);
    expect(gw.stops.map((s) => s.code)).toEqual(['route-not-accepted']);
    expect(gw.stops[0].reason).toContain('Service gone not found');

    // Scaling the Deployment to 0 leaves `shop` with no pods: traffic stops there, live.
    await k(['scale', '-n', ns, 'deployment/shop', '--replicas=0']);
    paths = await expectSame(t.core, ns);
    expect(paths.find((p) => p.id === 'Ingress/served/served.test/')!.stops.map((s) => s.code)).toEqual(['selector-matches-nothing']);
  });
});
