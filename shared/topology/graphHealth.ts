import type { TopoEdge } from './edges';
import type { HealthOf } from './graphModel';
import { gatewayHealthNotes } from './gatewayHealthNote';
import { rolledHealth } from './rollup';
import type { TopoObject } from './topologyObject';

/**
 * Each object's health as the graph shows it: its owned children's rolled in (rollup.ts), and a
 * Gateway no controller accepted told which class names which controller (gatewayHealthNote.ts).
 */
export function graphHealth(objects: readonly TopoObject[], edges: readonly TopoEdge[]): HealthOf {
  const health = rolledHealth(objects, edges);
  for (const [uid, note] of gatewayHealthNotes(objects)) health.set(uid, note);
  return (o) => health.get(o.uid) ?? o.health;
}
