import { describe, expect, it } from 'vitest';
import { buildEdges } from './edges';
import { projectTopoObject } from './topologyObject';
import { selectScope } from './scope';
import { gatewayHealthNotes } from './gatewayHealthNote';

const g = 'gateway.networking.k8s.io/v1';
const o = (apiVersion: string, kind: string, name: string, rest: Record<string, unknown>, ns: string | null = 'demo') =>
  projectTopoObject({ apiVersion, kind, metadata: { name, namespace: ns ?? undefined, uid: `${kind}/${name}` }, ...rest } as any);

describe('Gateway API edges and health', () => {
  const objects = [
    o(g, 'GatewayClass', 'gc', { spec: { controllerName: 'x.dev/gw' } }, null),
    o(g, 'Gateway', 'gw', { spec: { gatewayClassName: 'gc', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] } }),
    o(g, 'HTTPRoute', 'r', {
      spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'web', port: 80, weight: 90 }, { name: 'api', port: 80, weight: 10 }] }] },
      status: { parents: [{ parentRef: { name: 'gw' }, controllerName: 'x.dev/gw', conditions: [{ type: 'Accepted', status: 'True' }, { type: 'ResolvedRefs', status: 'False', message: 'Service api not found' }] }] },
    }),
    o('v1', 'Service', 'web', { spec: { selector: { app: 'web' } } }),
  ];
  it('draws class → Gateway → route → Service, and no edge to a missing Service', () => {
    expect(buildEdges(objects).map((e) => e.id)).toEqual([
      'classifies:GatewayClass/gc->Gateway/gw',
      'routes:Gateway/gw->HTTPRoute/r',
      'routes:HTTPRoute/r->Service/web',
    ]);
  });
  it('judges health from the conditions a controller wrote, and says when none did', () => {
    const [gc, gw, route] = objects;
    expect(gc.health).toEqual({ status: 'Progressing', message: 'Not accepted by any controller: no controller named x.dev/gw reported on this class' });
    expect(gw.health.status).toBe('Progressing');
    expect(route.health).toEqual({ status: 'Degraded', message: 'References not resolved on Gateway gw: Service api not found' });
    expect(route.route!.rules[0].backends.map((b) => b.weight)).toEqual([90, 10]);
    const accepted = o(g, 'Gateway', 'ok', { spec: { gatewayClassName: 'gc' }, status: { conditions: [{ type: 'Accepted', status: 'True' }, { type: 'Programmed', status: 'True' }] } });
    expect(accepted.health).toEqual({ status: 'Healthy' });
    const refused = o(g, 'Gateway', 'no', { spec: { gatewayClassName: 'gc' }, status: { conditions: [{ type: 'Accepted', status: 'False', message: 'bad listener' }] } });
    expect(refused.health).toEqual({ status: 'Degraded', message: 'Not accepted: bad listener' });
  });
  it('a namespace scope takes the class of its Gateways; a workload scope the routes and Gateways in front of its Service', () => {
    const withPod = [...objects, projectTopoObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'demo', uid: 'Pod/web-1', labels: { app: 'web' } } } as any)];
    const edges = buildEdges(withPod);
    expect([...selectScope(withPod, edges, { type: 'namespace', namespace: 'demo' })].sort()).toEqual(['Gateway/gw', 'GatewayClass/gc', 'HTTPRoute/r', 'Pod/web-1', 'Service/web']);
    expect([...selectScope(withPod, edges, { type: 'workload', uid: 'Pod/web-1' })].sort()).toEqual(['Gateway/gw', 'HTTPRoute/r', 'Pod/web-1', 'Service/web']);
  });
  it('names the class and its controller on a Gateway no controller accepted', () => {
    expect(gatewayHealthNotes(objects).get('Gateway/gw')).toEqual({ status: 'Progressing', message: 'Not accepted by any controller: GatewayClass gc names controller x.dev/gw' });
    expect(gatewayHealthNotes(objects.filter((x) => x.kind !== 'GatewayClass')).get('Gateway/gw')?.message).toBe('Not accepted by any controller: no GatewayClass named gc');
  });
});
