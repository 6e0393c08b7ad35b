import { useMemo, useState } from 'react';
import type { TopologyScope } from '../../../shared/topology/graph';
import { scopeKey } from '../../topology-engine/placement';

/** Set `id` in or out of a set (unfolded pod groups, shown old ReplicaSets, filter chips). */
export const toggled = <T,>(set: ReadonlySet<T>, id: T): ReadonlySet<T> => {
  const next = new Set(set);
  if (next.has(id)) next.delete(id); else next.add(id);
  return next;
};

/**
 * What the graph shows (the namespace, a workload's subtree, a neighbourhood, a given set of objects)
 * and which card is selected. A new context or namespace starts again from its own base scope.
 */
export function useTopologyScope(context: string, namespace: string | undefined, givenUids: readonly string[] | undefined) {
  // Several namespaces (`a,b`) are drawn like all: one box per namespace (the lists hold only theirs).
  const baseScope = useMemo<TopologyScope>(() => (givenUids ? { type: 'objects', uids: givenUids }
    : namespace && !namespace.includes(',') ? { type: 'namespace', namespace } : { type: 'all' }), [namespace, givenUids]);
  const [scope, setScope] = useState<TopologyScope>(baseScope);
  const [selectedId, setSelectedId] = useState<string>();

  const baseKey = `${scopeKey(context, baseScope)}|${namespace ?? '*'}`;
  const [scopeFor, setScopeFor] = useState(baseKey);
  if (scopeFor !== baseKey) {
    setScopeFor(baseKey);
    setScope(baseScope);
    setSelectedId(undefined);
  }
  return { baseScope, scope, setScope, key: scopeKey(context, scope), selectedId, setSelectedId };
}
