// Current usage per topology object: a pod's own (as kubectl top pod prints it), a workload's the sum
// of the pods its selector matches in its namespace (as `kubectl top pod -l` lists them). Read from one
// namespace's metrics list; objects of other namespaces and pods without a sample are left out.
// Linear in the objects: each workload looks only at the sampled pods carrying its selector's rarest
// label (LabelIndex), not at every pod, so a 3,000-pod namespace with 200 workloads costs the answers.
import type { PodUsage } from '../contract/metrics';
import type { TopoObject } from '../topology/topologyObject';
import { WORKLOAD_KINDS } from '../model/kinds';
import { LabelIndex } from '../topology/selectorIndex';
import { podMilliCpu } from './topFormat';

export interface ObjectUsage { milli: number; bytes: number; pods: number }

export function usageByObject(objects: readonly TopoObject[], namespace: string, pods: ReadonlyMap<string, PodUsage>): Map<string, ObjectUsage> {
  const out = new Map<string, ObjectUsage>();
  const own = new Map<string, ObjectUsage>();
  const sampledPods: TopoObject[] = [];
  for (const o of objects) {
    if (o.kind !== 'Pod' || o.namespace !== namespace) continue;
    const p = pods.get(o.name);
    if (!p) continue;
    const u = { milli: podMilliCpu(p.containers.map((c) => c.cpuNanos)), bytes: p.containers.reduce((a, c) => a + c.memoryBytes, 0), pods: 1 };
    own.set(o.uid, u);
    out.set(o.uid, u);
    sampledPods.push(o);
  }
  const index = new LabelIndex(sampledPods);
  for (const o of objects) {
    if (!WORKLOAD_KINDS.has(o.kind) || o.namespace !== namespace || !o.selector) continue;
    const sum: ObjectUsage = { milli: 0, bytes: 0, pods: 0 };
    for (const p of index.select(namespace, o.selector)) {
      const u = own.get(p.uid)!;
      sum.milli += u.milli; sum.bytes += u.bytes; sum.pods++;
    }
    if (sum.pods) out.set(o.uid, sum);
  }
  return out;
}
