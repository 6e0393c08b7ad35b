import { describe, expect, it } from 'vitest';
import { ownedBy, topo } from '../testing/topoObjects';
import { buildEdges } from './edges';
import { graphHealth } from './graphHealth';

describe('graphHealth', () => {
  it('rolls an owned child\'s worse health into its owner; others keep their own', () => {
    const rs = topo('ReplicaSet', 'web-1');
    const pod = topo('Pod', 'web-1-a', { ownerReferences: [ownedBy(rs)], health: { status: 'Degraded', message: 'CrashLoopBackOff' } });
    const cm = topo('ConfigMap', 'cfg');
    const objects = [rs, pod, cm];
    const healthOf = graphHealth(objects, buildEdges(objects));
    expect(healthOf(rs).status).toBe('Degraded');
    expect(healthOf(pod)).toEqual({ status: 'Degraded', message: 'CrashLoopBackOff' });
    expect(healthOf(cm)).toEqual({ status: 'Healthy' });
  });

  it('names the controller a Gateway\'s class asks for when no controller accepted it', () => {
    const cls = topo('GatewayClass', 'acme', { namespace: undefined, gatewayClass: { controllerName: 'example.com/gw' } as never });
    const gw = topo('Gateway', 'edge', {
      gateway: { className: 'acme' } as never, health: { status: 'Progressing', message: 'Not accepted by any controller' },
    });
    const healthOf = graphHealth([cls, gw], []);
    expect(healthOf(gw).status).toBe('Progressing');
    expect(healthOf(gw).message).toContain('example.com/gw');
  });
});
