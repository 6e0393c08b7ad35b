import type { TopoObject, TopoOwnerRef } from './topologyObject';

/** The controlling owner reference, else the first (what the graph draws an `owns` edge from). */
export const ownerOf = (o: Pick<TopoObject, 'ownerReferences'>): TopoOwnerRef | undefined =>
  o.ownerReferences?.find((r) => r.controller) ?? o.ownerReferences?.[0];

/**
 * The graph's pods under each owner uid, among `included` (the scope's objects): what old-ReplicaSet
 * collapsing (a ReplicaSet with pods is never hidden) and pod folding both start from.
 */
export function podsByOwner(included: Iterable<string>, byUid: ReadonlyMap<string, TopoObject>): Map<string, TopoObject[]> {
  const out = new Map<string, TopoObject[]>();
  for (const uid of included) {
    const o = byUid.get(uid)!;
    const owner = o.kind === 'Pod' ? ownerOf(o) : undefined;
    if (!owner) continue;
    const list = out.get(owner.uid);
    if (list) list.push(o); else out.set(owner.uid, [o]);
  }
  return out;
}
