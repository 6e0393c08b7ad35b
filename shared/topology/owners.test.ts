import { describe, expect, it } from 'vitest';
import { byUidOf, ownedBy, topo } from '../testing/topoObjects';
import { ownerOf, podsByOwner } from './owners';

describe('owners', () => {
  const rs = topo('ReplicaSet', 'web-1');
  const job = topo('Job', 'batch');

  it('ownerOf: the controlling reference, else the first', () => {
    expect(ownerOf(topo('Pod', 'a', { ownerReferences: [ownedBy(job, false), ownedBy(rs)] }))?.uid).toBe(rs.uid);
    expect(ownerOf(topo('Pod', 'b', { ownerReferences: [ownedBy(job, false)] }))?.uid).toBe(job.uid);
    expect(ownerOf(topo('Pod', 'c'))).toBeUndefined();
  });

  it('podsByOwner: only included pods, by their owner', () => {
    const a = topo('Pod', 'a', { ownerReferences: [ownedBy(rs)] });
    const b = topo('Pod', 'b', { ownerReferences: [ownedBy(rs)] });
    const out = topo('Pod', 'out', { ownerReferences: [ownedBy(rs)] });
    const owned = topo('ReplicaSet', 'owned', { ownerReferences: [ownedBy(job)] });
    const byUid = byUidOf([rs, a, b, out, owned]);
    const groups = podsByOwner([rs.uid, a.uid, b.uid, owned.uid], byUid);
    expect([...groups.keys()]).toEqual([rs.uid]);
    expect(groups.get(rs.uid)!.map((p) => p.name)).toEqual(['a', 'b']);
  });
});
