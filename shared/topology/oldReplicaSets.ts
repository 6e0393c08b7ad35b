import type { TopologyOptions } from './graphModel';
import { ownerOf } from './owners';
import type { TopoObject } from './topologyObject';

/** A ReplicaSet scaled to 0: an old revision of its Deployment, drawn dimmed. */
export const isOldReplicaSet = (o: TopoObject) => o.kind === 'ReplicaSet' && o.replicas?.desired === 0;

export interface HiddenReplicaSets {
  /** Old ReplicaSets left out of the graph. */
  hidden: Set<string>;
  /** Per owner (Deployment) uid: how many of its old ReplicaSets are hidden, for its card. */
  perOwner: Map<string, number>;
}

/**
 * Old ReplicaSets collapse away unless collapsing is off, they still hold pods (scaling down), or the
 * user expanded them (by the ReplicaSet's uid or its owner's).
 */
export function hiddenOldReplicaSets(
  included: Iterable<string>,
  byUid: ReadonlyMap<string, TopoObject>,
  podsByOwner: ReadonlyMap<string, readonly TopoObject[]>,
  options: Pick<TopologyOptions, 'collapseOldReplicaSets' | 'expandedReplicaSets'>,
): HiddenReplicaSets {
  const hidden = new Set<string>();
  const perOwner = new Map<string, number>();
  if (!(options.collapseOldReplicaSets ?? true)) return { hidden, perOwner };
  const expanded = new Set(options.expandedReplicaSets ?? []);
  for (const uid of included) {
    const o = byUid.get(uid)!;
    if (!isOldReplicaSet(o) || podsByOwner.has(uid) || expanded.has(uid)) continue;
    const owner = ownerOf(o);
    if (owner && expanded.has(owner.uid)) continue;
    hidden.add(uid);
    if (owner) perOwner.set(owner.uid, (perOwner.get(owner.uid) ?? 0) + 1);
  }
  return { hidden, perOwner };
}
