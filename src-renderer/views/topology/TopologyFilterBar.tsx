import type { Dispatch, SetStateAction } from 'react';
import type { HealthStatusCode } from '../../../shared/topology/health';
import { HEALTH_STATES, type countNodes, type GraphFilters } from './graphFilters';
import { KindIcon } from './KindIcon';
import { FILTERABLE_KINDS, kindLabel } from './topologyKinds';
import { toggled } from './useTopologyScope';

/**
 * The chips above the canvas: kinds and health states present (with counts), the system objects
 * switch where there are any, and "Clear filters". Kind and health chips hide cards in place; the
 * system switch changes the graph.
 */
export function TopologyFilterBar({ counts, filters, setFilters, hasSystem }: {
  counts: ReturnType<typeof countNodes>;
  filters: GraphFilters;
  setFilters: Dispatch<SetStateAction<GraphFilters>>;
  hasSystem: boolean;
}) {
  const kindsPresent = FILTERABLE_KINDS.filter((k) => counts.kinds.has(k));
  const toggleKind = (k: string) => setFilters((f) => ({ ...f, kinds: toggled(f.kinds, k) }));
  const toggleHealth = (h: HealthStatusCode) => setFilters((f) => ({ ...f, health: toggled(f.health, h) }));
  return (
    <div className="topo-filters" role="toolbar" aria-label="Filters">
      <span className="filter-label">Kinds</span>
      {kindsPresent.map((k) => (
        <button key={k} type="button" className={`chip${filters.kinds.has(k) ? ' on' : ''}`} aria-pressed={filters.kinds.has(k)} onClick={() => toggleKind(k)} data-testid={`filter-kind-${k}`}>
          <KindIcon kind={k} size={16} />{kindLabel(k)} <span className="chip-count">{counts.kinds.get(k)}</span>
        </button>
      ))}
      <span className="filter-label">Health</span>
      {HEALTH_STATES.filter((h) => counts.health[h] > 0 || filters.health.has(h)).map((h) => (
        <button key={h} type="button" className={`chip health-chip health-${h.toLowerCase()}${filters.health.has(h) ? ' on' : ''}`} aria-pressed={filters.health.has(h)}
          onClick={() => toggleHealth(h)} data-testid={`filter-health-${h}`}>
          <span className="health-dot" />{h} <span className="chip-count">{counts.health[h]}</span>
        </button>
      ))}
      {hasSystem && (
        <button type="button" className={`chip plain${filters.system ? ' on' : ''}`} aria-pressed={!!filters.system} onClick={() => setFilters((f) => ({ ...f, system: !f.system }))}
          title="kube-root-ca.crt: in every namespace, mounted by every pod" data-testid="filter-system">
          System objects
        </button>
      )}
      {(filters.kinds.size > 0 || filters.health.size > 0) && (
        <button type="button" className="chip clear" onClick={() => setFilters((f) => ({ ...f, kinds: new Set(), health: new Set() }))}>Clear filters</button>
      )}
    </div>
  );
}
