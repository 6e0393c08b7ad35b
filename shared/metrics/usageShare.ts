// Usage as a share of what a pod asked for (requests, limits) or what a node offers (allocatable),
// for the bars beside the CPU and Memory columns. Sums follow kubectl describe's pod totals: every
// regular container, init containers ignored (they are not running when usage is measured).
import { milliValue, value } from '../model/quantity';

export type UsageResource = 'cpu' | 'memory';

interface ContainerResources { resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }

/** A pod's summed requests and limits of a resource (CPU millicores, memory bytes); undefined when a container leaves it unset. */
export function podResourceTotals(containers: readonly ContainerResources[] | undefined, resource: UsageResource): { request?: number; limit?: number } {
  const read = resource === 'cpu' ? milliValue : value;
  const sum = (kind: 'requests' | 'limits') => {
    let total = 0;
    for (const c of containers ?? []) {
      const q = c.resources?.[kind]?.[resource];
      if (q === undefined) return undefined;
      try { total += read(q); } catch { return undefined; }
    }
    return containers?.length ? total : undefined;
  };
  return { request: sum('requests'), limit: sum('limits') };
}

/** usage / of, or undefined when there is nothing to compare with. */
export function share(usage: number, of: number | undefined): number | undefined {
  return of !== undefined && of > 0 ? usage / of : undefined;
}

/** "42% of request", "130% of limit": the words a bar's tooltip says. */
export function shareLabel(s: number | undefined, of: string): string {
  return s === undefined ? `no ${of} set` : `${Math.round(s * 100)}% of ${of}`;
}

/** What a pod asked for, as the slim projections carry it (CPU millicores, memory bytes). */
export interface PodResources { cpuRequest?: number; cpuLimit?: number; memoryRequest?: number; memoryLimit?: number }
/** What a node offers pods (status.allocatable). */
export interface NodeAllocatable { cpuMilli?: number; memoryBytes?: number }

export function podResources(containers: readonly ContainerResources[] | undefined): PodResources | undefined {
  const cpu = podResourceTotals(containers, 'cpu');
  const memory = podResourceTotals(containers, 'memory');
  const out: PodResources = {};
  if (cpu.request !== undefined) out.cpuRequest = cpu.request;
  if (cpu.limit !== undefined) out.cpuLimit = cpu.limit;
  if (memory.request !== undefined) out.memoryRequest = memory.request;
  if (memory.limit !== undefined) out.memoryLimit = memory.limit;
  return Object.keys(out).length ? out : undefined;
}

export function nodeAllocatable(allocatable: Record<string, string> | undefined): NodeAllocatable | undefined {
  if (!allocatable) return undefined;
  const read = (q: string | undefined, f: (s: string) => number) => { try { return q === undefined ? undefined : f(q); } catch { return undefined; } };
  return { cpuMilli: read(allocatable.cpu, milliValue), memoryBytes: read(allocatable.memory, value) };
}
