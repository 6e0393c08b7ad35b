import { compareStrings, type EndpointSummary, type HealthOf, type ObjectNode, type PodGroupNode, type TopoNode } from './graphModel';
import { isOldReplicaSet, type HiddenReplicaSets } from './oldReplicaSets';
import { serviceKey } from './endpointSummary';
import type { TopoObject } from './topologyObject';

/**
 * The graph's nodes: the pod groups, then a card for every included object that is neither a hidden
 * old ReplicaSet nor a folded pod, with what its card shows (dimmed, endpoints, hidden ReplicaSets).
 * Sorted by namespace, kind, name, so the same objects give the same graph whatever their order.
 */
export function graphNodes(input: {
  included: Iterable<string>;
  byUid: ReadonlyMap<string, TopoObject>;
  healthOf: HealthOf;
  oldReplicaSets: HiddenReplicaSets;
  groups: readonly PodGroupNode[];
  groupOfPod: ReadonlyMap<string, string>;
  endpoints: ReadonlyMap<string, EndpointSummary>;
  /** The all-namespaces scope: each node belongs to its namespace's box. */
  grouped: boolean;
}): TopoNode[] {
  const { byUid, healthOf, oldReplicaSets, groupOfPod, endpoints, grouped } = input;
  const nodes: TopoNode[] = [...input.groups];
  for (const uid of input.included) {
    if (oldReplicaSets.hidden.has(uid) || groupOfPod.has(uid)) continue;
    const o = byUid.get(uid)!;
    const node: ObjectNode = { type: 'object', id: uid, kind: o.kind, name: o.name, health: healthOf(o), object: o };
    if (o.namespace) node.namespace = o.namespace;
    if (grouped && o.namespace) node.group = o.namespace;
    if (isOldReplicaSet(o)) node.dimmed = true;
    if (o.kind === 'Service') {
      const ep = endpoints.get(serviceKey(o.namespace, o.name));
      if (ep) node.endpoints = ep;
    }
    const hiddenRs = oldReplicaSets.perOwner.get(uid);
    if (hiddenRs) node.hiddenReplicaSets = hiddenRs;
    nodes.push(node);
  }
  return nodes.sort((a, b) => compareStrings(a.namespace ?? '', b.namespace ?? '') || compareStrings(a.kind, b.kind) || compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
}
