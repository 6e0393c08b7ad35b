// The renderer's view of the metrics topics: the latest pod or node usage by name (or why there is
// none), kept while a table or section shows it. Sampling happens in the core; this only listens.
import { useMemo } from 'react';
import { useTopicValue } from '../../data/clientContext';
import type { MetricsUnavailable, NamespaceUsage, NodeUsage, PodUsage } from '../../../shared/contract/metrics';

export interface UsageIndex<T> { byName: ReadonlyMap<string, T>; unavailable?: MetricsUnavailable; at?: string; loading: boolean }

export function usePodUsage(context: string, namespace: string | undefined, enabled = true): UsageIndex<PodUsage> {
  const ev = useTopicValue('metrics.pods', enabled && namespace ? { context, namespace } : undefined);
  return useMemo(() => index(ev?.type === 'pods' ? ev.pods : undefined, ev?.type === 'unavailable' ? ev.unavailable : undefined, ev?.at), [ev]);
}

export function useNodeUsage(context: string, enabled = true): UsageIndex<NodeUsage> {
  const ev = useTopicValue('metrics.nodes', enabled ? { context } : undefined);
  return useMemo(() => index(ev?.type === 'nodes' ? ev.nodes : undefined, ev?.type === 'unavailable' ? ev.unavailable : undefined, ev?.at), [ev]);
}

export function useNamespaceUsage(context: string, enabled = true): UsageIndex<NamespaceUsage> {
  const ev = useTopicValue('metrics.namespaces', enabled ? { context } : undefined);
  return useMemo(() => index(ev?.type === 'namespaces' ? ev.namespaces : undefined, ev?.type === 'unavailable' ? ev.unavailable : undefined, ev?.at), [ev]);
}

function index<T extends { name: string }>(items: T[] | undefined, unavailable: MetricsUnavailable | undefined, at: string | undefined): UsageIndex<T> {
  return { byName: new Map((items ?? []).map((i) => [i.name, i])), unavailable, at, loading: !items && !unavailable };
}
