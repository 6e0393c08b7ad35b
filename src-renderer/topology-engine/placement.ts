import { layoutTopology, type LayoutOptions, type XY } from '../../shared/topology/layout';
import type { Topology, TopologyScope } from '../../shared/topology/graph';

export type { XY } from '../../shared/topology/layout';

/** Every card has this size, so the layout, the minimap and culling never wait for a measurement. */
export const CARD_WIDTH = 256;
export const CARD_HEIGHT = 100;

export const LAYOUT_OPTIONS = {
  nodeWidth: CARD_WIDTH, nodeHeight: CARD_HEIGHT, columnGap: 84, rowGap: 18, groupGap: 56, groupPadding: 24, groupHeader: 30, headroomRows: 2,
} satisfies LayoutOptions;

/**
 * Positions for a graph. Nodes that have a position in `previous` keep it exactly; only new nodes
 * are placed (next to their owner or neighbours, in free space). Without `previous`: a fresh layout.
 */
export function placeTopology(topology: Topology, previous?: ReadonlyMap<string, XY>): Map<string, XY> {
  const nodes = topology.nodes.map((n) => ({ id: n.id, kind: n.kind, name: n.name, group: n.group }));
  const edges = topology.edges.map((e) => ({ source: e.source, target: e.target, kind: e.kind }));
  const prev = previous && previous.size > 0 ? previous : undefined;
  return layoutTopology(nodes, edges, prev, LAYOUT_OPTIONS).positions;
}

/** One key per graph a user can look at; each keeps its own positions. */
export function scopeKey(context: string, scope: TopologyScope): string {
  switch (scope.type) {
    case 'namespace': return `${context}|ns|${scope.namespace}`;
    case 'all': return `${context}|all`;
    case 'workload': return `${context}|workload|${scope.uid}`;
    case 'focus': return `${context}|focus|${scope.uid}|${scope.hops}`;
    case 'objects': return `${context}|objects|${[...scope.uids].sort().join(',')}`;
  }
}

/**
 * Where nodes stand, per scope, for the life of the view. A layout writes what it placed (only the
 * nodes present, so a deleted node's spot is free again); a drag writes one node. The next layout of
 * the same scope starts from here, which is what keeps nodes still under the user's hand.
 */
export class PositionMemory {
  private readonly scopes = new Map<string, Map<string, XY>>();

  get(scope: string): ReadonlyMap<string, XY> | undefined {
    return this.scopes.get(scope);
  }

  /** Lays out `topology` from what `scope` remembers, and remembers the result. */
  place(scope: string, topology: Topology): Map<string, XY> {
    const positions = placeTopology(topology, this.scopes.get(scope));
    this.scopes.set(scope, positions);
    return positions;
  }

  move(scope: string, id: string, to: XY): void {
    let m = this.scopes.get(scope);
    if (!m) { m = new Map(); this.scopes.set(scope, m); }
    m.set(id, { x: to.x, y: to.y });
  }

  /** Forget a scope's positions: its next layout is fresh ("re-layout"). */
  forget(scope: string): void {
    this.scopes.delete(scope);
  }
}
