import { useCallback, useMemo, useRef, useState } from 'react';
import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import type { Topology, TopoNode } from '../../../shared/topology/graph';
import type { XY } from '../../topology-engine/placement';
import { toFlowEdges, toFlowNodes, unlessChanged, type TopologyFlowEdge, type TopologyFlowNode } from './flowModel';
import { passesFilters, type GraphFilters } from './graphFilters';

/**
 * React Flow's nodes and edges for the graph: derived from the topology, positions, filters, search and
 * selection (unchanged elements keep their objects, flowModel.ts), and owned by React Flow while the
 * user drags (a drag moves the node at once; its end tells the engine, so later layouts keep it).
 */
export function useFlowElements(input: {
  topology: Topology;
  positionOf(id: string): XY | undefined;
  move(id: string, to: XY, commit?: boolean): void;
  filters: GraphFilters;
  selectedId?: string;
  matches?: ReadonlySet<string>;
  currentMatch?: string;
  expandedGroups: ReadonlySet<string>;
  expandedReplicaSets: ReadonlySet<string>;
}) {
  const { topology, positionOf, move, filters, selectedId, matches, currentMatch, expandedGroups, expandedReplicaSets } = input;
  const [dragEpoch, setDragEpoch] = useState(0);

  const visible = useCallback((n: TopoNode) => passesFilters(n, filters), [filters]);
  const hiddenIds = useMemo(() => new Set(topology.nodes.filter((n) => !visible(n)).map((n) => n.id)), [topology, visible]);

  const prevNodes = useRef<TopologyFlowNode[]>([]);
  const derivedNodes = useMemo(() => {
    void dragEpoch;
    const next = unlessChanged(prevNodes.current, toFlowNodes({
      topology, positionOf, visible, selectedId, matches, currentMatch, expandedGroups, expandedReplicaSets,
    }, new Map(prevNodes.current.map((n) => [n.id, n]))));
    prevNodes.current = next;
    return next;
  }, [topology, positionOf, visible, selectedId, matches, currentMatch, expandedGroups, expandedReplicaSets, dragEpoch]);

  const prevEdges = useRef<TopologyFlowEdge[]>([]);
  const edges = useMemo(() => {
    void dragEpoch;
    const next = unlessChanged(prevEdges.current, toFlowEdges({ edges: topology.edges, positionOf, isHidden: (id) => hiddenIds.has(id), selectedId },
      new Map(prevEdges.current.map((e) => [e.id, e]))));
    prevEdges.current = next;
    return next;
  }, [topology, positionOf, hiddenIds, selectedId, dragEpoch]);

  // React Flow owns the nodes while a drag is under way; every derived change replaces them.
  const [nodes, setNodes] = useState<TopologyFlowNode[]>(derivedNodes);
  const [nodesFrom, setNodesFrom] = useState(derivedNodes);
  if (nodesFrom !== derivedNodes) {
    setNodesFrom(derivedNodes);
    setNodes(derivedNodes);
  }
  const onNodesChange = useCallback((changes: NodeChange<TopologyFlowNode>[]) => {
    const kept = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    if (kept.length === 0) return;
    for (const c of kept) if (c.type === 'position' && c.position && !c.id.startsWith('namespace:')) move(c.id, c.position);
    setNodes((ns) => applyNodeChanges(kept, ns));
  }, [move]);
  const onNodeDragStop = useCallback((_e: unknown, _node: TopologyFlowNode, dragged: TopologyFlowNode[]) => {
    for (const n of dragged) if (n.type !== 'namespace') move(n.id, n.position, true);
    setDragEpoch((e) => e + 1);
  }, [move]);

  return { derivedNodes, nodes, edges, hiddenIds, onNodesChange, onNodeDragStop };
}
