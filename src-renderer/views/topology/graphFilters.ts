import type { HealthStatusCode } from '../../../shared/topology/health';
import type { TopoNode } from '../../../shared/topology/graph';
import type { XY } from '../../topology-engine/placement';

export const HEALTH_STATES: readonly HealthStatusCode[] = ['Healthy', 'Progressing', 'Degraded', 'Suspended', 'Missing', 'Unknown'];

export interface GraphFilters {
  /** Kinds shown; empty: all. A pod group counts as Pod. */
  kinds: ReadonlySet<string>;
  /** Health states shown; empty: all. */
  health: ReadonlySet<HealthStatusCode>;
  /**
   * Draw objects every namespace has (kube-root-ca.crt), which every pod mounts. Off by default: they
   * add an edge per pod and say nothing. Unlike the other filters this one changes the graph (the
   * engine leaves them out, topology-engine/systemObjects.ts), so turning it off and on never leaves a
   * gap in the layout.
   */
  system?: boolean;
}

export const NO_FILTERS: GraphFilters = { kinds: new Set(), health: new Set() };

export const filterKind = (n: TopoNode) => (n.type === 'podGroup' ? 'Pod' : n.kind);

export function passesFilters(n: TopoNode, f: GraphFilters): boolean {
  if (f.kinds.size > 0 && !f.kinds.has(filterKind(n))) return false;
  if (f.health.size > 0) {
    if (n.type === 'podGroup') return Object.entries(n.byHealth).some(([s, c]) => c > 0 && f.health.has(s as HealthStatusCode));
    if (!f.health.has(n.health.status)) return false;
  }
  return true;
}

/** How many nodes of each health state and each kind, for the filter chips. Pod groups count their pods. */
export function countNodes(nodes: readonly TopoNode[]): { health: Record<HealthStatusCode, number>; kinds: Map<string, number> } {
  const health = Object.fromEntries(HEALTH_STATES.map((s) => [s, 0])) as Record<HealthStatusCode, number>;
  const kinds = new Map<string, number>();
  for (const n of nodes) {
    const k = filterKind(n);
    if (n.type === 'podGroup') {
      for (const [s, c] of Object.entries(n.byHealth)) health[s as HealthStatusCode] += c;
      kinds.set(k, (kinds.get(k) ?? 0) + n.count);
    } else {
      health[n.health.status]++;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
  }
  return { health, kinds };
}

/**
 * Nodes matching a search, in reading order (top to bottom, then left to right) so Enter walks the
 * screen. Every whitespace-separated term must occur in the kind, name, namespace or a label
 * (`key=value`), case-insensitively. A pod group matches on its owner's name and the word "pods".
 */
export function searchNodes(nodes: readonly TopoNode[], query: string, positionOf: (id: string) => XY | undefined): string[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const hits: { id: string; p: XY }[] = [];
  for (const n of nodes) {
    const parts = [n.kind, n.name, n.namespace ?? ''];
    if (n.type === 'object') for (const [k, v] of Object.entries(n.object.labels ?? {})) parts.push(`${k}=${v}`);
    else parts.push('pods', 'pod');
    const hay = parts.join('\u0000').toLowerCase();
    if (!terms.every((t) => hay.includes(t))) continue;
    hits.push({ id: n.id, p: positionOf(n.id) ?? { x: Infinity, y: Infinity } });
  }
  hits.sort((a, b) => a.p.y - b.p.y || a.p.x - b.p.x || (a.id < b.id ? -1 : 1));
  return hits.map((h) => h.id);
}
