import type { EdgeKind, TopoEdge } from './edges';
import type { TopoObject } from './topologyObject';

/**
 * namespace: one namespace, plus the PersistentVolumes its claims bind.
 * all: every namespace; the graph groups nodes by namespace.
 * workload: an object's owner tree downwards, and what serves it: Services selecting its pods,
 *   Ingresses and Gateway API routes (with their Gateways) routing to those Services, HPAs scaling anything in the tree, the ConfigMaps,
 *   Secrets and claims its pods mount, and the volumes those claims bind.
 * focus: everything within `hops` edges of an object, in either direction.
 * objects: a given set of objects (a Helm release's manifest) and what they own, downwards
 *   (a Deployment's ReplicaSets and Pods): the objects someone else decided belong together.
 * A uid of a pod group (`podGroup:<ownerUid>`) stands for its owner.
 */
export type TopologyScope =
  | { type: 'namespace'; namespace: string }
  | { type: 'all' }
  | { type: 'workload'; uid: string }
  | { type: 'focus'; uid: string; hops: 1 | 2 }
  | { type: 'objects'; uids: readonly string[] };

export const POD_GROUP_PREFIX = 'podGroup:';
export const podGroupId = (ownerUid: string) => `${POD_GROUP_PREFIX}${ownerUid}`;
const resolveUid = (uid: string) => (uid.startsWith(POD_GROUP_PREFIX) ? uid.slice(POD_GROUP_PREFIX.length) : uid);

interface Adjacency {
  out: Map<string, TopoEdge[]>;
  in: Map<string, TopoEdge[]>;
}

function adjacency(edges: readonly TopoEdge[]): Adjacency {
  const out = new Map<string, TopoEdge[]>();
  const inn = new Map<string, TopoEdge[]>();
  for (const e of edges) {
    const o = out.get(e.source);
    if (o) o.push(e); else out.set(e.source, [e]);
    const i = inn.get(e.target);
    if (i) i.push(e); else inn.set(e.target, [e]);
  }
  return { out, in: inn };
}

const along = (list: TopoEdge[] | undefined, kind: EdgeKind, end: 'source' | 'target'): string[] =>
  (list ?? []).filter((e) => e.kind === kind).map((e) => e[end]);

/** The uids a scope takes from `objects` (EndpointSlices already set aside), given their edges. */
export function selectScope(objects: readonly TopoObject[], edges: readonly TopoEdge[], scope: TopologyScope): Set<string> {
  const byUid = new Map<string, TopoObject>();
  for (const o of objects) byUid.set(o.uid, o);
  switch (scope.type) {
    case 'all':
      return new Set(byUid.keys());
    case 'namespace': {
      const set = new Set<string>();
      for (const o of objects) if (o.namespace === scope.namespace) set.add(o.uid);
      for (const e of edges) if (e.kind === 'binds' && set.has(e.source)) set.add(e.target);
      // The (cluster-scoped) GatewayClass of the namespace's Gateways.
      for (const e of edges) if (e.kind === 'classifies' && set.has(e.target)) set.add(e.source);
      return set;
    }
    case 'workload':
      return workloadScope(byUid, adjacency(edges), resolveUid(scope.uid));
    case 'focus':
      return focusScope(byUid, adjacency(edges), resolveUid(scope.uid), scope.hops);
    case 'objects':
      return ownedTrees(byUid, adjacency(edges), scope.uids.map(resolveUid));
  }
}

function workloadScope(byUid: Map<string, TopoObject>, adj: Adjacency, root: string): Set<string> {
  const set = new Set<string>();
  if (!byUid.has(root)) return set;
  const tree: string[] = [root];
  set.add(root);
  for (let i = 0; i < tree.length; i++) {
    for (const child of along(adj.out.get(tree[i]), 'owns', 'target')) {
      if (!set.has(child)) { set.add(child); tree.push(child); }
    }
  }
  const services = new Set<string>();
  for (const uid of tree) {
    for (const hpa of along(adj.in.get(uid), 'scales', 'source')) set.add(hpa);
    if (byUid.get(uid)?.kind !== 'Pod') continue;
    for (const svc of along(adj.in.get(uid), 'selects', 'source')) services.add(svc);
    for (const mounted of along(adj.out.get(uid), 'mounts', 'target')) {
      set.add(mounted);
      for (const pv of along(adj.out.get(mounted), 'binds', 'target')) set.add(pv);
    }
  }
  for (const svc of services) {
    set.add(svc);
    for (const ing of along(adj.in.get(svc), 'routes', 'source')) {
      set.add(ing);
      // A Gateway API route's Gateways: the rest of the way in.
      for (const gw of along(adj.in.get(ing), 'routes', 'source')) set.add(gw);
    }
  }
  return set;
}

/** The roots that exist, and everything they own, transitively. */
function ownedTrees(byUid: Map<string, TopoObject>, adj: Adjacency, roots: readonly string[]): Set<string> {
  const set = new Set<string>();
  const queue = roots.filter((uid) => byUid.has(uid));
  for (const uid of queue) set.add(uid);
  for (let i = 0; i < queue.length; i++) {
    for (const child of along(adj.out.get(queue[i]), 'owns', 'target')) {
      if (!set.has(child)) { set.add(child); queue.push(child); }
    }
  }
  return set;
}

function focusScope(byUid: Map<string, TopoObject>, adj: Adjacency, root: string, hops: number): Set<string> {
  const set = new Set<string>();
  if (!byUid.has(root)) return set;
  set.add(root);
  let frontier = [root];
  for (let hop = 0; hop < hops; hop++) {
    const next: string[] = [];
    for (const uid of frontier) {
      for (const e of adj.out.get(uid) ?? []) if (!set.has(e.target)) { set.add(e.target); next.push(e.target); }
      for (const e of adj.in.get(uid) ?? []) if (!set.has(e.source)) { set.add(e.source); next.push(e.source); }
    }
    frontier = next;
  }
  return set;
}
