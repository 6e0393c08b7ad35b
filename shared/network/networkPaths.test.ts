import { describe, expect, it } from 'vitest';
import { projectTopoObject } from '../topology/topologyObject';
import { computeNetworkPaths } from './networkPaths';

let uid = 0;
const obj = (apiVersion: string, kind: string, name: string, rest: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
  projectTopoObject({ apiVersion, kind, metadata: { name, namespace: kind.endsWith('Class') ? undefined : 'ns', uid: `u${++uid}`, ...meta }, ...rest } as any);

const pod = (name: string, app: string, ready = true, ports = [{ name: 'http', containerPort: 8080 }]) => obj('v1', 'Pod', name,
  { spec: { nodeName: 'n1', containers: [{ name: 'c', ports }] }, status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } }, { labels: { app } });
const svc = (name: string, app: string, targetPort: number | string, extra: Record<string, unknown> = {}) =>
  obj('v1', 'Service', name, { spec: { selector: { app }, ports: [{ name: 'http', port: 80, targetPort, protocol: 'TCP' }], ...extra } });
const slice = (service: string, eps: [string, boolean][]) => obj('discovery.k8s.io/v1', 'EndpointSlice', `${service}-x`,
  { endpoints: eps.map(([p, ready]) => ({ addresses: ['10.0.0.1'], conditions: { ready }, targetRef: { kind: 'Pod', name: p } })) }, { labels: { 'kubernetes.io/service-name': service } });

describe('computeNetworkPaths', () => {
  it('resolves a named targetPort per pod and reads readiness from EndpointSlices', () => {
    const objects = [pod('a-1', 'a'), pod('a-2', 'a', false), svc('a', 'a', 'http'), slice('a', [['a-1', true], ['a-2', false]])];
    const [p] = computeNetworkPaths(objects, 'ns');
    expect(p.entry).toMatchObject({ kind: 'Service', name: 'a' });
    expect(p.service.pods.map((h) => [h.name, h.targetPorts.http, h.endpoint])).toEqual([['a-1', 8080, 'ready'], ['a-2', 8080, 'not-ready']]);
    expect(p.stops).toEqual([]);
  });

  it('flags a selector matching nothing, a targetPort no container exposes, and no ready endpoints', () => {
    const objects = [pod('b-1', 'b', false), svc('nothing', 'zzz', 80), svc('b', 'b', 'web'), slice('b', [['b-1', false]])];
    const paths = computeNetworkPaths(objects, 'ns');
    expect(paths.find((p) => p.service.name === 'nothing')!.stops.map((s) => s.code)).toEqual(['selector-matches-nothing']);
    expect(paths.find((p) => p.service.name === 'b')!.stops.map((s) => s.code)).toEqual(['target-port-unexposed', 'no-ready-endpoints']);
  });

  it('follows an Ingress to its Services and flags a missing class, a missing backend and no controller', () => {
    const ing = (name: string, cls: string | undefined, backend: string, status?: unknown) => obj('networking.k8s.io/v1', 'Ingress', name, {
      spec: { ...(cls ? { ingressClassName: cls } : {}), rules: [{ host: 'h.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { number: 80 } } } }] } }] },
      ...(status ? { status } : {}),
    });
    const objects = [pod('a-1', 'a'), svc('a', 'a', 8080), slice('a', [['a-1', true]]),
      obj('networking.k8s.io/v1', 'IngressClass', 'real', { spec: { controller: 'x.dev/ctl' } }),
      ing('ok', 'real', 'a', { loadBalancer: { ingress: [{ ip: '203.0.113.7' }] } }),
      ing('noclass', 'ghost', 'a'), ing('noctl', 'real', 'a'), ing('nobackend', 'real', 'gone', { loadBalancer: { ingress: [{ hostname: 'lb.test' }] } })];
    const by = (n: string) => computeNetworkPaths(objects, 'ns').find((p) => p.entry.name === n)!;
    expect(by('ok')).toMatchObject({ addresses: ['203.0.113.7'], via: 'h.test/', servicePort: 80, stops: [] });
    expect(by('noclass').stops.map((s) => s.code)).toEqual(['ingress-class-missing']);
    expect(by('noctl').stops[0].reason).toContain('IngressClass real names controller x.dev/ctl');
    expect(by('nobackend').stops.map((s) => s.code)).toEqual(['backend-missing']);
    // A user who may not list IngressClasses is not told the class is missing.
    const unreadable = computeNetworkPaths(objects.filter((o) => o.kind !== 'IngressClass'), 'ns', { ingressClassesReadable: false });
    expect(unreadable.find((p) => p.entry.name === 'noclass')!.stops.map((s) => s.code)).toEqual(['ingress-no-controller']);
  });

  it('follows Gateway → HTTPRoute → Services with weights and says when no controller accepted the Gateway', () => {
    const g = 'gateway.networking.k8s.io/v1';
    const objects = [pod('a-1', 'a'), svc('a', 'a', 8080), slice('a', [['a-1', true]]), pod('b-1', 'b'), svc('b', 'b', 8080), slice('b', [['b-1', true]]),
      obj(g, 'GatewayClass', 'gc', { spec: { controllerName: 'x.dev/gw' } }),
      obj(g, 'Gateway', 'gw', { spec: { gatewayClassName: 'gc', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] } }),
      obj(g, 'HTTPRoute', 'r', { spec: { parentRefs: [{ name: 'gw', sectionName: 'http' }], hostnames: ['s.test'], rules: [{ backendRefs: [{ name: 'a', port: 80, weight: 3 }, { name: 'b', port: 80, weight: 1 }] }] } })];
    const paths = computeNetworkPaths(objects, 'ns').filter((p) => p.entry.kind === 'Gateway');
    expect(paths.map((p) => [p.service.name, p.weight])).toEqual([['a', 75], ['b', 25]]);
    expect(paths[0].stops).toEqual([{ code: 'gateway-no-controller', reason: 'not accepted by any controller: GatewayClass gc names controller x.dev/gw' }]);
    expect(paths[0].via).toBe('http HTTP:80 s.test all');
  });
});
