import { createContext, useContext } from 'react';
import type { TopoObject } from '../../../shared/topology/topologyObject';

/** A word on a topology card from the view around the graph (an application's sync state). */
export interface NodeBadge { label: string; className: string; title?: string }

/** Given by a view that embeds the topology: which badge, if any, each object's card carries. */
export const TopologyBadgeContext = createContext<((o: TopoObject) => NodeBadge | undefined) | null>(null);

export function NodeBadgeSlot({ o }: { o: TopoObject }) {
  const badge = useContext(TopologyBadgeContext)?.(o);
  return badge ? <span className={`card-badge ${badge.className}`} title={badge.title} data-testid="node-badge" data-badge={badge.label}>{badge.label}</span> : null;
}
