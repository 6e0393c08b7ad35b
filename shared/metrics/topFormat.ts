// What `kubectl top pod` / `kubectl top node` print (k8s.io/kubectl pkg/metricsutil/metrics_printer.go):
// CPU as MilliValue + "m", memory as Value / 2^20 (integer division) + "Mi", and a node's share of its
// allocatable as int64(usage / allocatable × 100) + "%" (CPU compared in millicores, memory in bytes).

/** A pod's CPU as kubectl prints it, from the exact sum of its containers' nanocores (rounded up). */
export const podMilliCpu = (containerNanos: readonly number[]) => Math.ceil(containerNanos.reduce((a, b) => a + b, 0) / 1e6);

export const formatCpu = (milli: number) => `${milli}m`;
export const formatMemory = (bytes: number) => `${Math.floor(bytes / 1048576)}Mi`;

/** kubectl's node percentage (truncated toward zero); undefined when nothing is allocatable. */
export function nodePercent(usage: number, allocatable: number): number | undefined {
  if (!(allocatable > 0)) return undefined;
  return Math.trunc((usage / allocatable) * 100);
}

export const formatPercent = (p: number | undefined) => (p === undefined ? '<unknown>' : `${p}%`);
