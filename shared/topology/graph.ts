import { buildEdges, compareEdges, edgeId, type TopoEdge } from './edges';
import { HEALTH_ORDER, worstHealth, type HealthStatus, type HealthStatusCode } from './health';
import { rolledHealth } from './rollup';
import { podGroupId, selectScope, type TopologyScope } from './scope';
import { gatewayHealthNotes } from './gatewayHealthNote';
import { SERVICE_NAME_LABEL, type TopoObject } from './topologyObject';

export { podGroupId, type TopologyScope } from './scope';

export interface TopologyOptions {
  scope: TopologyScope;
  /** Only these kinds become nodes (e.g. ['Deployment', 'Pod']). Health still rolls up from hidden kinds. */
  kinds?: readonly string[];
  /** Only nodes whose (rolled-up) health is one of these. Pods are filtered one by one before folding. */
  health?: readonly HealthStatusCode[];
  /** More pods than this under one owner fold into one group node. Default 8. */
  podGroupThreshold?: number;
  /** Owner uids whose pods are never folded. */
  expandedGroups?: Iterable<string>;
  /** Hide ReplicaSets scaled to 0 (old revisions). Default true. */
  collapseOldReplicaSets?: boolean;
  /** ReplicaSet uids, or their owners' uids, whose old ReplicaSets stay visible. */
  expandedReplicaSets?: Iterable<string>;
}

export const DEFAULT_POD_GROUP_THRESHOLD = 8;

export interface EndpointSummary {
  ready: number;
  total: number;
}

interface NodeBase {
  id: string;
  kind: string;
  name: string;
  namespace?: string;
  /** The namespace, in the all-namespaces scope only: the renderer draws one box per group. */
  group?: string;
  /** Own health with the owned children's rolled in (worst wins). */
  health: HealthStatus;
}

export interface ObjectNode extends NodeBase {
  type: 'object';
  object: TopoObject;
  /** A ReplicaSet scaled to 0: an old revision. */
  dimmed?: boolean;
  /** Services: ready/total endpoints summed over their EndpointSlices. */
  endpoints?: EndpointSummary;
  /** Deployments: how many old ReplicaSets are collapsed away. */
  hiddenReplicaSets?: number;
}

export interface PodGroupNode extends NodeBase {
  type: 'podGroup';
  kind: 'PodGroup';
  ownerUid: string;
  ownerKind: string;
  count: number;
  byHealth: Record<HealthStatusCode, number>;
  podUids: string[];
}

export type TopoNode = ObjectNode | PodGroupNode;

export interface Topology {
  nodes: TopoNode[];
  edges: TopoEdge[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The controlling owner reference, else the first. */
const ownerOf = (o: TopoObject) => o.ownerReferences?.find((r) => r.controller) ?? o.ownerReferences?.[0];

/**
 * The graph a view draws: objects in scope as nodes (EndpointSlices folded into their Service),
 * filtered by kind and health, old ReplicaSets collapsed, crowds of pods folded into one node per
 * owner, and edges re-pointed at whatever now stands for their ends. O(n log n) in the objects.
 */
export function buildTopology(objects: readonly TopoObject[], options: TopologyOptions): Topology {
  const slices: TopoObject[] = [];
  const rest: TopoObject[] = [];
  for (const o of objects) (o.kind === 'EndpointSlice' ? slices : rest).push(o);
  const byUid = new Map<string, TopoObject>();
  for (const o of rest) byUid.set(o.uid, o);

  const allEdges = buildEdges(rest);
  const health = rolledHealth(rest, allEdges);
  for (const [uid, note] of gatewayHealthNotes(rest)) health.set(uid, note);
  const healthOf = (o: TopoObject) => health.get(o.uid) ?? o.health;

  let included = selectScope(rest, allEdges, options.scope);
  if (options.kinds) {
    const kinds = new Set(options.kinds);
    included = new Set([...included].filter((uid) => kinds.has(byUid.get(uid)!.kind)));
  }
  if (options.health) {
    const wanted = new Set(options.health);
    included = new Set([...included].filter((uid) => wanted.has(healthOf(byUid.get(uid)!).status)));
  }

  // Old ReplicaSets: dimmed always, hidden when collapsed unless expanded or still holding pods.
  const podsByOwner = new Map<string, TopoObject[]>();
  for (const uid of included) {
    const o = byUid.get(uid)!;
    const owner = o.kind === 'Pod' ? ownerOf(o) : undefined;
    if (!owner) continue;
    const list = podsByOwner.get(owner.uid);
    if (list) list.push(o); else podsByOwner.set(owner.uid, [o]);
  }
  const collapse = options.collapseOldReplicaSets ?? true;
  const expandedRs = new Set(options.expandedReplicaSets ?? []);
  const hidden = new Set<string>();
  const hiddenPerOwner = new Map<string, number>();
  const isOld = (o: TopoObject) => o.kind === 'ReplicaSet' && o.replicas?.desired === 0;
  if (collapse) {
    for (const uid of included) {
      const o = byUid.get(uid)!;
      if (!isOld(o) || podsByOwner.has(uid) || expandedRs.has(uid)) continue;
      const owner = ownerOf(o);
      if (owner && expandedRs.has(owner.uid)) continue;
      hidden.add(uid);
      if (owner) hiddenPerOwner.set(owner.uid, (hiddenPerOwner.get(owner.uid) ?? 0) + 1);
    }
  }

  // Pod groups.
  const threshold = options.podGroupThreshold ?? DEFAULT_POD_GROUP_THRESHOLD;
  const expandedGroups = new Set(options.expandedGroups ?? []);
  const pinned = options.scope.type === 'focus' ? options.scope.uid : undefined;
  const groupOfPod = new Map<string, string>();
  const groups: PodGroupNode[] = [];
  const grouped = options.scope.type === 'all';
  for (const [ownerUid, pods] of podsByOwner) {
    const foldable = pods.filter((p) => p.uid !== pinned);
    if (foldable.length <= threshold || expandedGroups.has(ownerUid)) continue;
    const byHealth = Object.fromEntries(HEALTH_ORDER.map((s) => [s, 0])) as Record<HealthStatusCode, number>;
    for (const p of foldable) byHealth[healthOf(p).status]++;
    const worst = worstHealth(foldable.map((p) => healthOf(p).status));
    const ref = ownerOf(foldable[0])!;
    const id = podGroupId(ownerUid);
    const first = foldable[0];
    const node: PodGroupNode = {
      type: 'podGroup', kind: 'PodGroup', id, name: byUid.get(ownerUid)?.name ?? ref.name, ownerUid, ownerKind: ref.kind,
      count: foldable.length, byHealth, podUids: foldable.map((p) => p.uid).sort(compare),
      health: worst === 'Healthy' ? { status: 'Healthy' } : { status: worst, message: `${byHealth[worst]} of ${foldable.length} pods ${worst}` },
    };
    if (first.namespace) node.namespace = first.namespace;
    if (grouped && first.namespace) node.group = first.namespace;
    groups.push(node);
    for (const p of foldable) groupOfPod.set(p.uid, id);
  }

  const endpoints = new Map<string, EndpointSummary>();
  for (const s of slices) {
    const svc = s.endpointSlice?.serviceName ?? s.labels?.[SERVICE_NAME_LABEL];
    if (!svc) continue;
    const key = `${s.namespace ?? ''}/${svc}`;
    const sum = endpoints.get(key) ?? { ready: 0, total: 0 };
    sum.ready += s.endpointSlice?.ready ?? 0;
    sum.total += s.endpointSlice?.total ?? 0;
    endpoints.set(key, sum);
  }

  const nodes: TopoNode[] = [...groups];
  for (const uid of included) {
    if (hidden.has(uid) || groupOfPod.has(uid)) continue;
    const o = byUid.get(uid)!;
    const node: ObjectNode = { type: 'object', id: uid, kind: o.kind, name: o.name, health: healthOf(o), object: o };
    if (o.namespace) node.namespace = o.namespace;
    if (grouped && o.namespace) node.group = o.namespace;
    if (isOld(o)) node.dimmed = true;
    if (o.kind === 'Service') {
      const ep = endpoints.get(`${o.namespace ?? ''}/${o.name}`);
      if (ep) node.endpoints = ep;
    }
    const hiddenRs = hiddenPerOwner.get(uid);
    if (hiddenRs) node.hiddenReplicaSets = hiddenRs;
    nodes.push(node);
  }
  nodes.sort((a, b) => compare(a.namespace ?? '', b.namespace ?? '') || compare(a.kind, b.kind) || compare(a.name, b.name) || compare(a.id, b.id));

  // Edges between visible nodes stay as they are; edges touching folded pods are re-pointed at the
  // group node, once per (kind, source, target).
  const visible = (uid: string) => included.has(uid) && !hidden.has(uid);
  const edges: TopoEdge[] = [];
  const repointed = new Map<string, Map<string, Set<string>>>();
  for (const e of allEdges) {
    const sourceGroup = groupOfPod.get(e.source);
    const targetGroup = groupOfPod.get(e.target);
    if (!sourceGroup && !targetGroup) {
      if (visible(e.source) && visible(e.target)) edges.push(e);
      continue;
    }
    const source = sourceGroup ?? (visible(e.source) ? e.source : undefined);
    const target = targetGroup ?? (visible(e.target) ? e.target : undefined);
    if (!source || !target || source === target) continue;
    let bySource = repointed.get(source);
    if (!bySource) repointed.set(source, (bySource = new Map()));
    let kinds = bySource.get(target);
    if (!kinds) bySource.set(target, (kinds = new Set()));
    if (kinds.has(e.kind)) continue;
    kinds.add(e.kind);
    edges.push({ id: edgeId(e.kind, source, target), kind: e.kind, source, target });
  }
  return { nodes, edges: edges.sort(compareEdges) };
}
