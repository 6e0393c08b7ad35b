import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import type { NodeMouseHandler } from '@xyflow/react';
import type { TopologyScope } from '../../../shared/topology/graph';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import type { TopologyFlowNode } from './flowModel';
import { CONTROLLER_KINDS, topologyKind } from './topologyKinds';
import { toggled } from './useTopologyScope';

export interface TopologySelection { group: string; version: string; resource: string; namespace?: string; name: string; uid: string }

export function selectionOf(o: TopoObject): TopologySelection | undefined {
  const k = topologyKind(o.kind);
  if (!k) return undefined;
  const s: TopologySelection = { group: k.group, version: k.version, resource: k.resource, name: o.name, uid: o.uid };
  if (o.namespace) s.namespace = o.namespace;
  return s;
}

/**
 * Mouse on cards: a click selects an object (and opens its details) or folds/unfolds a pod group; a
 * double-click on a controller shows its subtree; a right-click opens the row menu a table offers.
 */
export function useNodeHandlers(input: {
  onSelect(s: TopologySelection): void;
  setSelectedId(id: string | undefined): void;
  setScope(s: TopologyScope): void;
  setExpandedGroups: Dispatch<SetStateAction<ReadonlySet<string>>>;
}) {
  const { onSelect, setSelectedId, setScope, setExpandedGroups } = input;
  const onNodeClick: NodeMouseHandler<TopologyFlowNode> = useCallback((_e, node) => {
    if (node.type === 'podGroup') {
      const d = node.data.node;
      if (d.type === 'podGroup') setExpandedGroups((s) => toggled(s, d.ownerUid));
      return;
    }
    if (node.type !== 'object') return;
    const d = node.data.node;
    if (d.type !== 'object') return;
    setSelectedId(d.id);
    const sel = selectionOf(d.object);
    if (sel) onSelect(sel);
  }, [onSelect, setSelectedId, setExpandedGroups]);

  // Right-click on an object's card: the same menu as a table row (its actions, port-forwards).
  const [cardMenu, setCardMenu] = useState<{ target: TopologySelection; x: number; y: number }>();
  const onNodeContextMenu: NodeMouseHandler<TopologyFlowNode> = useCallback((e, node) => {
    const d = node.type === 'object' ? node.data.node : undefined;
    const sel = d?.type === 'object' ? selectionOf(d.object) : undefined;
    if (!sel) return;
    e.preventDefault();
    setCardMenu({ target: sel, x: e.clientX, y: e.clientY });
  }, []);

  const onNodeDoubleClick: NodeMouseHandler<TopologyFlowNode> = useCallback((_e, node) => {
    if (node.type !== 'object') return;
    const d = node.data.node;
    if (d.type === 'object' && CONTROLLER_KINDS.has(d.kind)) setScope({ type: 'workload', uid: d.id });
  }, [setScope]);

  return { onNodeClick, onNodeContextMenu, onNodeDoubleClick, cardMenu, closeCardMenu: () => setCardMenu(undefined) };
}
