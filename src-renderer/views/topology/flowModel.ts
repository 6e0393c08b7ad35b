import type { Edge, Node, NodeHandle, Position } from '@xyflow/react';
import type { EdgeKind, TopoEdge } from '../../../shared/topology/edges';
import type { ObjectNode, PodGroupNode, Topology, TopoNode } from '../../../shared/topology/graph';
import { groupBoxes } from '../../../shared/topology/layout';
import { CARD_HEIGHT, CARD_WIDTH, LAYOUT_OPTIONS, type XY } from '../../topology-engine/placement';

/**
 * The pure step from shared/topology's graph to React Flow's nodes and edges. Unchanged nodes and
 * edges keep their previous object, so React Flow and the memoized cards skip them: a live update
 * that touches three pods re-renders three cards, not the graph.
 */
export interface CardData extends Record<string, unknown> {
  node: TopoNode;
  /** Search: this node matches; `current` is the match the view is centred on; `faded` a non-match while searching. */
  match?: boolean;
  current?: boolean;
  faded?: boolean;
  /** Deployments: old ReplicaSets hidden (count) or shown (expanded). */
  oldReplicaSets?: { count: number; expanded: boolean };
  /** Owners whose pods the user unfolded, so the card offers to fold them again. */
  podsUnfolded?: boolean;
  /** An HPA scales this object: manual scaling would be undone. */
  autoscaled?: boolean;
  /** ConfigMaps, Secrets, claims: how many pods (pod groups count their pods) mount them. */
  usedBy?: number;
}

export interface NamespaceData extends Record<string, unknown> {
  namespace: string;
  count: number;
}

export type ObjectFlowNode = Node<CardData, 'object'>;
export type PodGroupFlowNode = Node<CardData, 'podGroup'>;
export type NamespaceFlowNode = Node<NamespaceData, 'namespace'>;
export type TopologyFlowNode = ObjectFlowNode | PodGroupFlowNode | NamespaceFlowNode;

export interface EdgeData extends Record<string, unknown> {
  kind: EdgeKind;
}
export type TopologyFlowEdge = Edge<EdgeData>;

export const NAMESPACE_NODE_PREFIX = 'namespace:';

/**
 * Where a card's handles are (the same places TopologyCards draws them). Given with every node, with
 * its size, so React Flow needs no DOM measurement before it can route edges: without them it renders
 * every node once, off screen or not, to measure it (thousands of cards at once in a big cluster),
 * and again whenever a node object is replaced.
 */
// Position's values, typed without importing React Flow's runtime into this pure module.
const [LEFT, RIGHT, TOP, BOTTOM] = ['left', 'right', 'top', 'bottom'] as Position[];

export const CARD_HANDLES: NodeHandle[] = [
  { id: 't-left', type: 'target', position: LEFT, x: 0, y: CARD_HEIGHT / 2, width: 1, height: 1 },
  { id: 's-left', type: 'source', position: LEFT, x: 0, y: CARD_HEIGHT / 2, width: 1, height: 1 },
  { id: 's-right', type: 'source', position: RIGHT, x: CARD_WIDTH, y: CARD_HEIGHT / 2, width: 1, height: 1 },
  { id: 't-right', type: 'target', position: RIGHT, x: CARD_WIDTH, y: CARD_HEIGHT / 2, width: 1, height: 1 },
  { id: 't-top', type: 'target', position: TOP, x: CARD_WIDTH / 2, y: 0, width: 1, height: 1 },
  { id: 's-top', type: 'source', position: TOP, x: CARD_WIDTH / 2, y: 0, width: 1, height: 1 },
  { id: 't-bottom', type: 'target', position: BOTTOM, x: CARD_WIDTH / 2, y: CARD_HEIGHT, width: 1, height: 1 },
  { id: 's-bottom', type: 'source', position: BOTTOM, x: CARD_WIDTH / 2, y: CARD_HEIGHT, width: 1, height: 1 },
];
const CARD_MEASURED = { width: CARD_WIDTH, height: CARD_HEIGHT };

const MOUNTABLE: ReadonlySet<string> = new Set(['ConfigMap', 'Secret', 'PersistentVolumeClaim']);

export interface FlowNodesInput {
  topology: Topology;
  positionOf(id: string): XY | undefined;
  /** Filters: false hides the node (it keeps its place, so showing it again moves nothing). */
  visible(node: TopoNode): boolean;
  selectedId?: string;
  matches?: ReadonlySet<string>;
  currentMatch?: string;
  expandedGroups?: ReadonlySet<string>;
  expandedReplicaSets?: ReadonlySet<string>;
}

const ownerUid = (n: ObjectNode) => (n.object.ownerReferences?.find((r) => r.controller) ?? n.object.ownerReferences?.[0])?.uid;

/** Same card content: the projection object is replaced on every change, so identity says "unchanged". */
export function sameTopoNode(a: TopoNode, b: TopoNode): boolean {
  if (a === b) return true;
  if (a.type !== b.type || a.id !== b.id || a.name !== b.name || a.group !== b.group) return false;
  if (a.health.status !== b.health.status || a.health.message !== b.health.message) return false;
  if (a.type === 'object' && b.type === 'object') {
    return a.object === b.object && a.dimmed === b.dimmed && a.hiddenReplicaSets === b.hiddenReplicaSets
      && a.endpoints?.ready === b.endpoints?.ready && a.endpoints?.total === b.endpoints?.total;
  }
  const pa = a as PodGroupNode;
  const pb = b as PodGroupNode;
  return pa.count === pb.count && pa.ownerKind === pb.ownerKind && Object.keys(pa.byHealth).every((k) => pa.byHealth[k as keyof PodGroupNode['byHealth']] === pb.byHealth[k as keyof PodGroupNode['byHealth']]);
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (k === 'node') { if (!sameTopoNode(x as TopoNode, y as TopoNode)) return false; continue; }
    if (k === 'oldReplicaSets') {
      const p = x as CardData['oldReplicaSets'];
      const q = y as CardData['oldReplicaSets'];
      if (p?.count !== q?.count || p?.expanded !== q?.expanded) return false;
      continue;
    }
    return false;
  }
  return true;
}

function reuse<T extends TopologyFlowNode>(next: T, prev: TopologyFlowNode | undefined): T {
  if (!prev || prev.type !== next.type || prev.hidden !== next.hidden || prev.selected !== next.selected) return next;
  if (prev.position.x !== next.position.x || prev.position.y !== next.position.y) return next;
  if (prev.width !== next.width || prev.height !== next.height) return next;
  return sameData(prev.data, next.data) ? (prev as T) : next;
}

/** React Flow nodes for a graph: one card per node, plus a box per namespace in the all-namespaces scope. */
export function toFlowNodes(input: FlowNodesInput, prev: ReadonlyMap<string, TopologyFlowNode> = new Map()): TopologyFlowNode[] {
  const { topology, positionOf, visible, selectedId, matches, currentMatch } = input;
  const searching = matches !== undefined;
  const expandedGroups = input.expandedGroups ?? new Set<string>();
  const expandedRs = input.expandedReplicaSets ?? new Set<string>();

  // Old ReplicaSets on show, per owning Deployment.
  const shownOld = new Map<string, number>();
  for (const n of topology.nodes) {
    if (n.type !== 'object' || !n.dimmed) continue;
    const o = ownerUid(n);
    if (o) shownOld.set(o, (shownOld.get(o) ?? 0) + 1);
  }

  const autoscaled = new Set(topology.edges.filter((e) => e.kind === 'scales').map((e) => e.target));
  const podCount = new Map<string, number>();
  for (const n of topology.nodes) if (n.type === 'podGroup') podCount.set(n.id, n.count);
  const usedBy = new Map<string, number>();
  for (const e of topology.edges) if (e.kind === 'mounts') usedBy.set(e.target, (usedBy.get(e.target) ?? 0) + (podCount.get(e.source) ?? 1));

  const out: TopologyFlowNode[] = [];
  const shownPerGroup = new Map<string, number>();
  for (const n of topology.nodes) {
    const p = positionOf(n.id);
    if (!p) continue;
    const hidden = !visible(n);
    if (!hidden && n.group) shownPerGroup.set(n.group, (shownPerGroup.get(n.group) ?? 0) + 1);
    const data: CardData = { node: n };
    if (searching) {
      if (matches.has(n.id)) data.match = true; else data.faded = true;
      if (currentMatch === n.id) data.current = true;
    }
    if (n.type === 'object') {
      if (n.kind === 'Deployment') {
        const hiddenOld = n.hiddenReplicaSets ?? 0;
        const shown = shownOld.get(n.id) ?? 0;
        if (hiddenOld > 0) data.oldReplicaSets = { count: hiddenOld, expanded: false };
        else if (shown > 0 && expandedRs.has(n.id)) data.oldReplicaSets = { count: shown, expanded: true };
      }
      if (expandedGroups.has(n.id)) data.podsUnfolded = true;
      if (autoscaled.has(n.id)) data.autoscaled = true;
      if (MOUNTABLE.has(n.kind)) data.usedBy = usedBy.get(n.id) ?? 0;
    }
    const node = {
      id: n.id,
      type: n.type,
      position: { x: p.x, y: p.y },
      data,
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      measured: CARD_MEASURED,
      handles: CARD_HANDLES,
      hidden,
      selected: n.id === selectedId,
    } as ObjectFlowNode | PodGroupFlowNode;
    out.push(reuse(node, prev.get(n.id)));
  }

  // Namespace boxes go first so they draw behind the cards.
  const boxes = groupBoxes(topology.nodes.filter((n) => visible(n)), positionOf, LAYOUT_OPTIONS);
  const groups: NamespaceFlowNode[] = [];
  for (const [ns, b] of [...boxes].sort((a, c) => (a[0] < c[0] ? -1 : 1))) {
    const node: NamespaceFlowNode = {
      id: NAMESPACE_NODE_PREFIX + ns,
      type: 'namespace',
      position: { x: b.x, y: b.y },
      data: { namespace: ns, count: shownPerGroup.get(ns) ?? 0 },
      width: b.width,
      height: b.height,
      measured: { width: b.width, height: b.height },
      handles: [],
      draggable: false,
      selectable: false,
      focusable: false,
      zIndex: -1,
      hidden: false,
      selected: false,
    } as NamespaceFlowNode;
    groups.push(reuse(node, prev.get(node.id)));
  }
  return [...groups, ...out];
}

/**
 * Which side of the cards an edge joins. Left to right is the rule; two nodes in one column (an HPA
 * below its Deployment) are joined top/bottom so the edge does not loop round the cards.
 */
export function edgeHandles(source: XY | undefined, target: XY | undefined): { sourceHandle: string; targetHandle: string } {
  if (source && target && Math.abs(source.x - target.x) < CARD_WIDTH / 2) {
    return source.y > target.y ? { sourceHandle: 's-top', targetHandle: 't-bottom' } : { sourceHandle: 's-bottom', targetHandle: 't-top' };
  }
  if (source && target && target.x < source.x) return { sourceHandle: 's-left', targetHandle: 't-right' };
  return { sourceHandle: 's-right', targetHandle: 't-left' };
}

export interface FlowEdgesInput {
  edges: readonly TopoEdge[];
  positionOf(id: string): XY | undefined;
  /** Ids of nodes that are hidden by filters: their edges hide too. */
  isHidden(id: string): boolean;
  /** Edges touching this node are drawn emphasised. */
  selectedId?: string;
}

export function toFlowEdges(input: FlowEdgesInput, prev: ReadonlyMap<string, TopologyFlowEdge> = new Map()): TopologyFlowEdge[] {
  const out: TopologyFlowEdge[] = [];
  for (const e of input.edges) {
    const s = input.positionOf(e.source);
    const t = input.positionOf(e.target);
    if (!s || !t) continue;
    const { sourceHandle, targetHandle } = edgeHandles(s, t);
    const active = input.selectedId !== undefined && (e.source === input.selectedId || e.target === input.selectedId);
    const hidden = input.isHidden(e.source) || input.isHidden(e.target);
    const className = `topo-edge edge-${e.kind}${active ? ' edge-active' : ''}`;
    const old = prev.get(e.id);
    if (old && old.sourceHandle === sourceHandle && old.targetHandle === targetHandle && old.className === className && old.hidden === hidden) {
      out.push(old);
      continue;
    }
    out.push({
      id: e.id, source: e.source, target: e.target, sourceHandle, targetHandle, className, hidden,
      data: { kind: e.kind }, selectable: false, focusable: false, zIndex: active ? 1 : 0,
      // Edges take no clicks: no invisible 20 px hit path beside each one.
      interactionWidth: 0,
    });
  }
  return out;
}

/**
 * `prev` itself when `next` holds the very same elements in the same order: React Flow then sees no
 * change at all (a new array, even of old nodes, costs it a pass over every node and edge).
 */
export function unlessChanged<T>(prev: readonly T[] | undefined, next: T[]): T[] {
  if (!prev || prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (prev[i] !== next[i]) return next;
  return prev as T[];
}
