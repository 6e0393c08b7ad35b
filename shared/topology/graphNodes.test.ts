import { describe, expect, it } from 'vitest';
import { byUidOf, ownedBy, topo } from '../testing/topoObjects';
import { serviceKey } from './endpointSummary';
import type { HealthOf, PodGroupNode } from './graphModel';
import { graphNodes } from './graphNodes';

describe('graphNodes', () => {
  const web = topo('Deployment', 'web');
  const old = topo('ReplicaSet', 'web-1', { ownerReferences: [ownedBy(web)], replicas: { desired: 0 } as never });
  const kept = topo('ReplicaSet', 'web-0', { ownerReferences: [ownedBy(web)], replicas: { desired: 0 } as never });
  const svc = topo('Service', 'web');
  const folded = topo('Pod', 'web-1-a');
  const other = topo('ConfigMap', 'cfg', { namespace: 'abc' });
  const all = [web, old, kept, svc, folded, other];
  const group = { type: 'podGroup', kind: 'PodGroup', id: 'podGroup:x', name: 'web-1', namespace: 'demo', health: { status: 'Healthy' } } as PodGroupNode;
  const healthOf: HealthOf = (o) => (o === web ? { status: 'Degraded' } : o.health);
  const input = (grouped: boolean) => ({
    included: all.map((o) => o.uid), byUid: byUidOf(all), healthOf, grouped, groups: [group],
    oldReplicaSets: { hidden: new Set([old.uid]), perOwner: new Map([[web.uid, 1]]) },
    groupOfPod: new Map([[folded.uid, group.id]]),
    endpoints: new Map([[serviceKey('demo', 'web'), { ready: 1, total: 2 }]]),
  });

  it('draws the groups and every object that is neither hidden nor folded, sorted by namespace, kind, name', () => {
    const nodes = graphNodes(input(false));
    expect(nodes.map((n) => `${n.namespace}/${n.kind}/${n.name}`)).toEqual(['abc/ConfigMap/cfg', 'demo/Deployment/web', 'demo/PodGroup/web-1', 'demo/ReplicaSet/web-0', 'demo/Service/web']);
    expect(nodes.every((n) => n.group === undefined)).toBe(true);
  });

  it('gives each card what it shows: rolled health, dimmed old revisions, endpoints, hidden ReplicaSets; boxes in the all scope', () => {
    const nodes = graphNodes(input(true));
    const byName = new Map(nodes.map((n) => [`${n.kind}/${n.name}`, n]));
    expect(byName.get('Deployment/web')).toMatchObject({ type: 'object', health: { status: 'Degraded' }, hiddenReplicaSets: 1, group: 'demo', object: web });
    expect(byName.get('ReplicaSet/web-0')).toMatchObject({ dimmed: true });
    expect(byName.get('Service/web')).toMatchObject({ endpoints: { ready: 1, total: 2 } });
    expect(byName.get('ConfigMap/cfg')?.group).toBe('abc');
  });
});
