// CPU and Memory cells for the Pods and Nodes tables: kubectl top's numbers, the share of requests or
// limits (pods) or allocatable (nodes) for the bar, and the sort value; or, when there is no figure,
// the reason in words (never a blank cell).
import type { NamespaceUsage, NodeUsage, PodUsage, MetricsUnavailable } from '../../../shared/contract/metrics';
import { formatCpu, formatMemory, formatPercent, nodePercent, podMilliCpu } from '../../../shared/metrics/topFormat';
import { share, shareLabel } from '../../../shared/metrics/usageShare';

/** A table cell that carries its own text and sort value (tableSort and ResourceTable read both). */
export interface UsageCell { usage: true; text: string; sort?: number; share?: number; title: string }

export const isUsageCell = (v: unknown): v is UsageCell => !!v && typeof v === 'object' && (v as UsageCell).usage === true;

const missing = (why: string): UsageCell => ({ usage: true, text: 'n/a', title: why });

export function podCells(p: PodUsage | undefined, unavailable: MetricsUnavailable | undefined, loading: boolean): [UsageCell, UsageCell] {
  if (!p) {
    const why = unavailable?.message ?? (loading ? 'Reading the metrics API…' : 'metrics-server has no sample for this pod yet (a new pod appears within one or two 15 s windows)');
    const cell = loading && !unavailable ? { usage: true as const, text: '…', title: why } : missing(why);
    return [cell, cell];
  }
  const milli = podMilliCpu(p.containers.map((c) => c.cpuNanos));
  const bytes = p.containers.reduce((a, c) => a + c.memoryBytes, 0);
  const r = p.resources ?? {};
  const cpuShare = share(milli, r.cpuRequest ?? r.cpuLimit);
  const memShare = share(bytes, r.memoryLimit ?? r.memoryRequest);
  return [
    { usage: true, text: formatCpu(milli), sort: milli, share: cpuShare, title: `${formatCpu(milli)}: ${shareLabel(share(milli, r.cpuRequest), 'request')}, ${shareLabel(share(milli, r.cpuLimit), 'limit')} (window ending ${p.timestamp})` },
    { usage: true, text: formatMemory(bytes), sort: bytes, share: memShare, title: `${formatMemory(bytes)}: ${shareLabel(share(bytes, r.memoryRequest), 'request')}, ${shareLabel(share(bytes, r.memoryLimit), 'limit')} (window ending ${p.timestamp})` },
  ];
}

export function nodeCells(n: NodeUsage | undefined, unavailable: MetricsUnavailable | undefined, loading: boolean): [UsageCell, UsageCell] {
  if (!n) {
    const why = unavailable?.message ?? (loading ? 'Reading the metrics API…' : 'metrics-server has no sample for this node yet');
    const cell = loading && !unavailable ? { usage: true as const, text: '…', title: why } : missing(why);
    return [cell, cell];
  }
  const milli = Math.ceil(n.cpuNanos / 1e6);
  const a = n.allocatable ?? {};
  const cpuPct = a.cpuMilli !== undefined ? nodePercent(milli, a.cpuMilli) : undefined;
  const memPct = a.memoryBytes !== undefined ? nodePercent(n.memoryBytes, a.memoryBytes) : undefined;
  return [
    { usage: true, text: `${formatCpu(milli)} ${formatPercent(cpuPct)}`, sort: milli, share: share(milli, a.cpuMilli), title: `${formatCpu(milli)}, ${formatPercent(cpuPct)} of allocatable (window ending ${n.timestamp})` },
    { usage: true, text: `${formatMemory(n.memoryBytes)} ${formatPercent(memPct)}`, sort: n.memoryBytes, share: share(n.memoryBytes, a.memoryBytes), title: `${formatMemory(n.memoryBytes)}, ${formatPercent(memPct)} of allocatable (window ending ${n.timestamp})` },
  ];
}

/** A namespace's pods together; a namespace without pods in the metrics list uses nothing (0, not n/a). */
export function namespaceCells(n: NamespaceUsage | undefined, unavailable: MetricsUnavailable | undefined, loading: boolean): [UsageCell, UsageCell] {
  if (unavailable || loading) {
    const why = unavailable?.message ?? 'Reading the metrics API…';
    const cell = loading && !unavailable ? { usage: true as const, text: '…', title: why } : missing(why);
    return [cell, cell];
  }
  const milli = Math.ceil((n?.cpuNanos ?? 0) / 1e6);
  const bytes = n?.memoryBytes ?? 0;
  const of = n ? `the sum of its ${n.pods} pod${n.pods === 1 ? '' : 's'} (window ending ${n.timestamp})` : 'no pod of this namespace has metrics';
  return [
    { usage: true, text: formatCpu(milli), sort: milli, title: `${formatCpu(milli)}: ${of}` },
    { usage: true, text: formatMemory(bytes), sort: bytes, title: `${formatMemory(bytes)}: ${of}` },
  ];
}
