// A namespace's usage: its pods' metrics summed, nanocores and bytes exactly (what the Namespaces
// table shows; kubectl has no such view, its oracle is the sum of `kubectl top pod -n <ns>`).
import type { NamespaceUsage, PodUsage } from '../contract/metrics';

export function sumByNamespace(pods: readonly PodUsage[]): NamespaceUsage[] {
  const by = new Map<string, NamespaceUsage>();
  for (const p of pods) {
    let n = by.get(p.namespace);
    if (!n) by.set(p.namespace, n = { name: p.namespace, pods: 0, cpuNanos: 0, memoryBytes: 0, timestamp: p.timestamp });
    n.pods++;
    for (const c of p.containers) { n.cpuNanos += c.cpuNanos; n.memoryBytes += c.memoryBytes; }
    if (p.timestamp > n.timestamp) n.timestamp = p.timestamp;
  }
  return [...by.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
