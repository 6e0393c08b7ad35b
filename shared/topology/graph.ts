import { buildEdges } from './edges';
import { endpointsByService } from './endpointSummary';
import { graphHealth } from './graphHealth';
import type { Topology, TopologyOptions } from './graphModel';
import { graphNodes } from './graphNodes';
import { hiddenOldReplicaSets } from './oldReplicaSets';
import { podsByOwner } from './owners';
import { foldPods } from './podGroups';
import { repointEdges } from './repointEdges';
import { selectScope } from './scope';
import type { TopoObject } from './topologyObject';

export { podGroupId, type TopologyScope } from './scope';
export {
  DEFAULT_POD_GROUP_THRESHOLD, type EndpointSummary, type ObjectNode, type PodGroupNode, type Topology, type TopologyOptions, type TopoNode,
} from './graphModel';

/**
 * The graph a view draws, as a pipeline of named stages (one file each, each with its test):
 *
 *   objects ─▶ edges (edges.ts) ─▶ health (graphHealth.ts) ─▶ scope (scope.ts)
 *           ─▶ old ReplicaSets (oldReplicaSets.ts) ─▶ pod groups (podGroups.ts)
 *           ─▶ endpoints (endpointSummary.ts) ─▶ nodes (graphNodes.ts) ─▶ edges re-pointed (repointEdges.ts)
 *
 * EndpointSlices are not nodes: they fold into their Service's card. O(n log n) in the objects.
 */
export function buildTopology(objects: readonly TopoObject[], options: TopologyOptions): Topology {
  const slices: TopoObject[] = [];
  const rest: TopoObject[] = [];
  for (const o of objects) (o.kind === 'EndpointSlice' ? slices : rest).push(o);
  const byUid = new Map<string, TopoObject>();
  for (const o of rest) byUid.set(o.uid, o);

  const allEdges = buildEdges(rest);
  const healthOf = graphHealth(rest, allEdges);
  const included = selectScope(rest, allEdges, options.scope);
  const pods = podsByOwner(included, byUid);
  const oldReplicaSets = hiddenOldReplicaSets(included, byUid, pods, options);
  const { groups, groupOfPod } = foldPods(pods, byUid, healthOf, options);
  const nodes = graphNodes({
    included, byUid, healthOf, oldReplicaSets, groups, groupOfPod, endpoints: endpointsByService(slices), grouped: options.scope.type === 'all',
  });
  const visible = (uid: string) => included.has(uid) && !oldReplicaSets.hidden.has(uid);
  return { nodes, edges: repointEdges(allEdges, groupOfPod, visible) };
}
