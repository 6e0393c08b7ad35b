// Current CPU and memory on topology cards, when the user turns it on (it costs a metrics read of the
// namespace every 15 s): pods their own, workloads the sum of their pods. The cards read it through a
// context so that a new sample re-renders only the cards that show usage.
import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react';
import type { TopologyList } from './useTopologyLists';
import { usageByObject, type ObjectUsage } from '../../../shared/metrics/objectUsage';
import { formatCpu, formatMemory } from '../../../shared/metrics/topFormat';
import { usePodUsage } from '../metrics/useUsage';
import { WORKLOAD_KINDS } from '../../../shared/model/kinds';

export interface TopologyUsage { byUid: ReadonlyMap<string, ObjectUsage>; note?: string }

export const TopologyUsageContext = createContext<TopologyUsage | null>(null);

/**
 * The usage of every pod and workload of `namespace` while `enabled`; undefined when off. Computed
 * again for a new metrics sample or a new graph (`graphVersion`: builds are paced under churn), not
 * for every change of the lists.
 */
export function useTopologyUsage(context: string, namespace: string | undefined, lists: readonly TopologyList[], graphVersion: number, enabled: boolean): TopologyUsage | undefined {
  const pods = usePodUsage(context, namespace, enabled);
  const listsRef = useRef(lists);
  listsRef.current = lists;
  return useMemo(() => {
    if (!enabled || !namespace) return undefined;
    const objects = listsRef.current.flatMap((l) => (l.kind.kind === 'Pod' || WORKLOAD_KINDS.has(l.kind.kind) ? [...l.state.items.values()] : []));
    return { byUid: usageByObject(objects, namespace, pods.byName), note: pods.unavailable?.message };
    // graphVersion stands for the lists' contents (the ref holds them), moving at most once per build.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, namespace, graphVersion, pods]);
}

/**
 * On a card: a line `CPU 240m · memory 70Mi` (or, as a `chip` in a replicated card's foot, `240m · 70Mi`);
 * `fallback` when usage is not shown at all.
 */
export function UsageLine({ uid, kind, chip, fallback }: { uid: string; kind: string; chip?: boolean; fallback?: ReactNode }) {
  const usage = useContext(TopologyUsageContext);
  // Only pods and what runs pods use CPU and memory.
  if (!usage || !(kind === 'Pod' || WORKLOAD_KINDS.has(kind))) return <>{fallback}</>;
  const u = usage.byUid.get(uid);
  const Tag = chip ? 'span' : 'div';
  const cls = chip ? 'card-usage-chip' : 'card-line card-usage';
  if (!u) return <Tag className={`${cls} muted`} data-testid="card-usage" title={usage.note ?? 'No metrics sample for this object yet'}>{chip ? 'n/a' : 'CPU/memory n/a'}</Tag>;
  const text = chip ? `${formatCpu(u.milli)} · ${formatMemory(u.bytes)}` : `CPU ${formatCpu(u.milli)} · memory ${formatMemory(u.bytes)}`;
  const of = kind === 'Pod' ? 'kubectl top pod' : `the sum of its ${u.pods} pod${u.pods === 1 ? '' : 's'} (kubectl top pod -l)`;
  return <Tag className={cls} data-testid="card-usage" data-milli={u.milli} title={`CPU ${formatCpu(u.milli)}, memory ${formatMemory(u.bytes)}: ${of}`}>{text}</Tag>;
}
