// P6: what sampling one namespace's pod metrics costs the main process, per round and for an hour of
// history: the core's own code path (readPodMetrics' parsing and conversion, the join with the pods'
// requests, ScopeHistory.record) over a metrics list as metrics-server returns it. Bundled by
// bench/p8-metrics.mjs; run in a child with --expose-gc so heap figures are after collection.
import { readPodMetrics } from '../../src-main/core/metrics/metricsApi';
import { HistoryBudget, ScopeHistory } from '../../src-main/core/metrics/usageHistory';
import { DEFAULT_METRICS_SETTINGS } from '../../src-main/core/metrics/metricsHandlers';

declare const gc: () => void;

export interface SampleCost { pods: number; rounds: number; cpuMsPerRound: number; historyBytes: number; heapGrowthMB: number }

/** `body` is a PodMetricsList as JSON text; each round re-parses it with the timestamps moved on by one interval. */
export async function sampleCost(body: string, rounds = DEFAULT_METRICS_SETTINGS.capacity): Promise<SampleCost> {
  const template = JSON.parse(body) as { items: { metadata: { name: string }; timestamp: string }[] };
  const interval = DEFAULT_METRICS_SETTINGS.intervalMs;
  const t0 = Date.parse(template.items[0]?.timestamp ?? new Date().toISOString());
  const resources = new Map(template.items.map((p) => [p.metadata.name, { pod: { resources: { cpuRequest: 100, memoryRequest: 64 << 20 } } }]));
  const budget = new HistoryBudget(DEFAULT_METRICS_SETTINGS.maxHistoryBytes);
  const history = new ScopeHistory(DEFAULT_METRICS_SETTINGS.capacity, budget);
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let cpu = 0;
  for (let r = 0; r < rounds; r++) {
    const stamp = new Date(t0 + r * interval).toISOString();
    const text = body.replaceAll(template.items[0]?.timestamp ?? '', stamp); // what arrives over the wire
    const c0 = process.cpuUsage();
    const http = { request: async <T>() => JSON.parse(text) as T };
    const items = await readPodMetrics(http as never, 'bench');
    for (const p of items) { const x = resources.get(p.name)?.pod.resources; if (x) p.resources = x; }
    history.record(Date.parse(stamp), items.map((p) => [p.name, p.containers.map((c) => [c.name, c] as [string, typeof c])]));
    const d = process.cpuUsage(c0);
    cpu += (d.user + d.system) / 1000;
  }
  gc();
  return { pods: template.items.length, rounds, cpuMsPerRound: cpu / rounds, historyBytes: history.bytes, heapGrowthMB: (process.memoryUsage().heapUsed - heap0) / 1048576 };
}
