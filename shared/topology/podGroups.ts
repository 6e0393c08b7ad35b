import { HEALTH_ORDER, worstHealth, type HealthStatusCode } from './health';
import { compareStrings, DEFAULT_POD_GROUP_THRESHOLD, type HealthOf, type PodGroupNode, type TopologyOptions } from './graphModel';
import { ownerOf } from './owners';
import { podGroupId } from './scope';
import type { TopoObject } from './topologyObject';

export interface PodGroups {
  groups: PodGroupNode[];
  /** Pod uid → the id of the group node that stands for it. */
  groupOfPod: Map<string, string>;
}

/**
 * Crowds of pods fold into one node per owner: more than the threshold under one owner, unless the
 * user unfolded that owner. The focused pod is never folded (the view is about it). In the
 * all-namespaces scope a group belongs to its namespace's box.
 */
export function foldPods(
  podsByOwner: ReadonlyMap<string, readonly TopoObject[]>,
  byUid: ReadonlyMap<string, TopoObject>,
  healthOf: HealthOf,
  options: Pick<TopologyOptions, 'scope' | 'podGroupThreshold' | 'expandedGroups'>,
): PodGroups {
  const threshold = options.podGroupThreshold ?? DEFAULT_POD_GROUP_THRESHOLD;
  const expanded = new Set(options.expandedGroups ?? []);
  const pinned = options.scope.type === 'focus' ? options.scope.uid : undefined;
  const grouped = options.scope.type === 'all';
  const groupOfPod = new Map<string, string>();
  const groups: PodGroupNode[] = [];
  for (const [ownerUid, pods] of podsByOwner) {
    const foldable = pods.filter((p) => p.uid !== pinned);
    if (foldable.length <= threshold || expanded.has(ownerUid)) continue;
    const byHealth = Object.fromEntries(HEALTH_ORDER.map((s) => [s, 0])) as Record<HealthStatusCode, number>;
    for (const p of foldable) byHealth[healthOf(p).status]++;
    const worst = worstHealth(foldable.map((p) => healthOf(p).status));
    const ref = ownerOf(foldable[0])!;
    const id = podGroupId(ownerUid);
    const first = foldable[0];
    const node: PodGroupNode = {
      type: 'podGroup', kind: 'PodGroup', id, name: byUid.get(ownerUid)?.name ?? ref.name, ownerUid, ownerKind: ref.kind,
      count: foldable.length, byHealth, podUids: foldable.map((p) => p.uid).sort(compareStrings),
      health: worst === 'Healthy' ? { status: 'Healthy' } : { status: worst, message: `${byHealth[worst]} of ${foldable.length} pods ${worst}` },
    };
    if (first.namespace) node.namespace = first.namespace;
    if (grouped && first.namespace) node.group = first.namespace;
    groups.push(node);
    for (const p of foldable) groupOfPod.set(p.uid, id);
  }
  return { groups, groupOfPod };
}
