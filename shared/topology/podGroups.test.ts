import { describe, expect, it } from 'vitest';
import { byUidOf, ownedBy, topo } from '../testing/topoObjects';
import type { HealthOf } from './graphModel';
import { foldPods } from './podGroups';
import { podGroupId } from './scope';

describe('foldPods', () => {
  const rs = topo('ReplicaSet', 'web-1');
  const pods = ['a', 'b', 'c'].map((n) => topo('Pod', n, { ownerReferences: [ownedBy(rs)] }));
  const sick = pods[1].uid;
  const healthOf: HealthOf = (o) => (o.uid === sick ? { status: 'Degraded', message: 'CrashLoopBackOff' } : o.health);
  const byUid = byUidOf([rs, ...pods]);
  const byOwner = new Map([[rs.uid, pods]]);
  const namespace = { type: 'namespace', namespace: 'demo' } as const;

  it('folds more pods than the threshold into one node, counting their health', () => {
    const { groups, groupOfPod } = foldPods(byOwner, byUid, healthOf, { scope: namespace, podGroupThreshold: 2 });
    expect(groups).toEqual([{
      type: 'podGroup', kind: 'PodGroup', id: podGroupId(rs.uid), name: 'web-1', ownerUid: rs.uid, ownerKind: 'ReplicaSet', namespace: 'demo',
      count: 3, podUids: pods.map((p) => p.uid).sort(),
      byHealth: { Healthy: 2, Suspended: 0, Progressing: 0, Missing: 0, Degraded: 1, Unknown: 0 },
      health: { status: 'Degraded', message: '1 of 3 pods Degraded' },
    }]);
    expect(groupOfPod.get(pods[0].uid)).toBe(podGroupId(rs.uid));
  });

  it('leaves pods alone at or under the threshold (default 8), when unfolded, and never folds the focused pod', () => {
    expect(foldPods(byOwner, byUid, healthOf, { scope: namespace }).groups).toEqual([]);
    expect(foldPods(byOwner, byUid, healthOf, { scope: namespace, podGroupThreshold: 2, expandedGroups: [rs.uid] }).groups).toEqual([]);
    const focused = foldPods(byOwner, byUid, healthOf, { scope: { type: 'focus', uid: pods[0].uid, hops: 1 }, podGroupThreshold: 1 });
    expect(focused.groups[0].count).toBe(2);
    expect(focused.groupOfPod.has(pods[0].uid)).toBe(false);
  });

  it('puts a group in its namespace\'s box in the all-namespaces scope only', () => {
    expect(foldPods(byOwner, byUid, healthOf, { scope: { type: 'all' }, podGroupThreshold: 2 }).groups[0].group).toBe('demo');
    expect(foldPods(byOwner, byUid, healthOf, { scope: namespace, podGroupThreshold: 2 }).groups[0].group).toBeUndefined();
  });
});
