import { describe, expect, it } from 'vitest';
import { byUidOf, ownedBy, topo } from '../testing/topoObjects';
import { hiddenOldReplicaSets, isOldReplicaSet } from './oldReplicaSets';

describe('hiddenOldReplicaSets', () => {
  const web = topo('Deployment', 'web');
  const current = topo('ReplicaSet', 'web-3', { ownerReferences: [ownedBy(web)], replicas: { desired: 2 } as never });
  const old1 = topo('ReplicaSet', 'web-1', { ownerReferences: [ownedBy(web)], replicas: { desired: 0 } as never });
  const old2 = topo('ReplicaSet', 'web-2', { ownerReferences: [ownedBy(web)], replicas: { desired: 0 } as never });
  const all = [web, current, old1, old2];
  const byUid = byUidOf(all);
  const included = all.map((o) => o.uid);

  it('hides ReplicaSets at 0 and counts them per owner', () => {
    expect(isOldReplicaSet(old1) && !isOldReplicaSet(current)).toBe(true);
    const r = hiddenOldReplicaSets(included, byUid, new Map(), {});
    expect([...r.hidden].sort()).toEqual([old1.uid, old2.uid]);
    expect(r.perOwner.get(web.uid)).toBe(2);
  });

  it('keeps one that still holds pods, one expanded by its uid or its owner\'s, and all when not collapsing', () => {
    expect([...hiddenOldReplicaSets(included, byUid, new Map([[old1.uid, [topo('Pod', 'p')]]]), {}).hidden]).toEqual([old2.uid]);
    expect([...hiddenOldReplicaSets(included, byUid, new Map(), { expandedReplicaSets: [old2.uid] }).hidden]).toEqual([old1.uid]);
    expect(hiddenOldReplicaSets(included, byUid, new Map(), { expandedReplicaSets: [web.uid] }).hidden.size).toBe(0);
    const off = hiddenOldReplicaSets(included, byUid, new Map(), { collapseOldReplicaSets: false });
    expect(off.hidden.size + off.perOwner.size).toBe(0);
  });
});
