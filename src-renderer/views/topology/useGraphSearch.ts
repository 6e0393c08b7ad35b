import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { TopoNode } from '../../../shared/topology/graph';
import type { XY } from '../../topology-engine/placement';
import { searchNodes } from './graphFilters';

/**
 * The graph's search box: matches in reading order, the current one centred; Enter walks forward,
 * Shift+Enter back, Escape clears.
 */
export function useGraphSearch(nodes: readonly TopoNode[], positionOf: (id: string) => XY | undefined, centreOn: (id: string) => void) {
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const matches = useMemo(() => (query.trim() ? searchNodes(nodes, query, positionOf) : undefined), [nodes, query, positionOf]);
  const currentMatch = matches && matches.length > 0 ? matches[Math.min(matchIndex, matches.length - 1)] : undefined;
  const matchSet = useMemo(() => (matches ? new Set(matches) : undefined), [matches]);

  useEffect(() => { setMatchIndex(0); }, [query]);
  useEffect(() => { if (currentMatch) centreOn(currentMatch); }, [currentMatch, centreOn]);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && matches && matches.length > 0) {
      e.preventDefault();
      const n = matches.length;
      const next = (Math.min(matchIndex, n - 1) + (e.shiftKey ? n - 1 : 1)) % n;
      setMatchIndex(next);
      if (matches[next] === currentMatch) centreOn(matches[next]);
    } else if (e.key === 'Escape') {
      setQuery('');
    }
  };
  return { query, setQuery, matches, matchIndex, currentMatch, matchSet, onSearchKey };
}
