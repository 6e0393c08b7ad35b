// The metrics topics: one sampler per context and namespace (pods) and per context (nodes), shared by
// every subscriber, each subscription a holder. History is read from the sampler that feeds the
// tables, so a chart and the table beside it show the same windows.
import type { Core } from '../core';
import type { Handlers, TopicSink } from '../handlers';
import type { MetricsUnavailable, NamespaceUsage, NodeUsage, PodUsage, UsageHistoryEvent, UsageTarget } from '../../../shared/contract/metrics';
import { sumByNamespace } from '../../../shared/metrics/namespaceUsage';
import type { ObjectEntry } from '../watch/watchHub';
import { toContractError } from '../cluster/apiError';
import { ContractError } from '../../../shared/contract/contractError';
import { matchesSelector, parseLabelSelector, type Requirement } from '../../../shared/model/labelSelector';
import { explainFailure, readNodeMetrics, readPodMetrics } from './metricsApi';
import { HistoryBudget } from './usageHistory';
import { ScopeSampler, type Latest, type SamplerOptions } from './scopeSampler';

export interface MetricsSettings {
  intervalMs: number;
  /** Samples kept per series: an hour at the default interval. */
  capacity: number;
  lingerMs: number;
  /** Ring storage of every scope together. */
  maxHistoryBytes: number;
}

export const DEFAULT_METRICS_SETTINGS: MetricsSettings = { intervalMs: 15_000, capacity: 240, lingerMs: 60_000, maxHistoryBytes: 64 * 1024 * 1024 };

function settingsFromEnv(): MetricsSettings {
  // Tests sample faster than a person needs to; metrics-server's own window stays 15 s.
  const interval = Number(process.env.WHEELHOUSE_METRICS_INTERVAL_MS);
  return Number.isFinite(interval) && interval >= 1000 ? { ...DEFAULT_METRICS_SETTINGS, intervalMs: interval } : DEFAULT_METRICS_SETTINGS;
}

export function metricsHandlers(core: Core, settings: MetricsSettings = settingsFromEnv()): Handlers {
  const budget = new HistoryBudget(settings.maxHistoryBytes);
  const samplers = new Map<string, ScopeSampler<PodUsage> | ScopeSampler<NodeUsage> | ScopeSampler<NamespaceUsage>>();
  const opts: SamplerOptions = { intervalMs: settings.intervalMs, lingerMs: settings.lingerMs, capacity: settings.capacity };
  core.onDispose.push(() => { for (const s of [...samplers.values()]) s.stop(); });

  /**
   * The pods (or nodes) beside their metrics, from the shared watch the topology also uses, for
   * requests, limits and allocatable; held while the sampler runs.
   */
  const objectsOf = (context: string, resource: 'pods' | 'nodes', namespace?: string) => {
    const { informer, release } = core.hub.acquire<ObjectEntry>({ context, group: '', version: 'v1', resource, namespace, representation: 'object' });
    return {
      release,
      /** By name, once the first list has arrived (up to a few seconds), so the first sample has its shares too. */
      byName: async () => {
        for (let i = 0; i < 50 && !informer.hasSynced; i++) await new Promise((r) => setTimeout(r, 100));
        return new Map([...informer.store.values()].map((o) => [o.name, o]));
      },
    };
  };
  const podSampler = (context: string, namespace: string): ScopeSampler<PodUsage> => {
    const key = `${context}\u0000pods\u0000${namespace}`;
    let s = samplers.get(key) as ScopeSampler<PodUsage> | undefined;
    if (!s) {
      const http = core.link(context).http;
      const pods = objectsOf(context, 'pods', namespace);
      s = new ScopeSampler<PodUsage>({
        read: async () => {
          const items = await readPodMetrics(http, namespace);
          const byName = await pods.byName();
          for (const p of items) { const r = byName.get(p.name)?.pod?.resources; if (r) p.resources = r; }
          return items;
        },
        explain: (err) => explainFailure(http, err, 'list', 'pods.metrics.k8s.io', namespace),
        lines: (p) => [p.name, p.containers.map((c) => [c.name, c])],
        timestamp: (p) => p.timestamp,
      }, opts, budget, () => { samplers.delete(key); pods.release(); });
      samplers.set(key, s);
    }
    return s;
  };
  const nodeSampler = (context: string): ScopeSampler<NodeUsage> => {
    const key = `${context}\u0000nodes`;
    let s = samplers.get(key) as ScopeSampler<NodeUsage> | undefined;
    if (!s) {
      const http = core.link(context).http;
      const nodes = objectsOf(context, 'nodes');
      s = new ScopeSampler<NodeUsage>({
        read: async () => {
          const items = await readNodeMetrics(http);
          const byName = await nodes.byName();
          for (const n of items) { const a = byName.get(n.name)?.allocatable; if (a) n.allocatable = a; }
          return items;
        },
        explain: (err) => explainFailure(http, err, 'list', 'nodes.metrics.k8s.io'),
        lines: (n) => [n.name, [['node', n]]],
        timestamp: (n) => n.timestamp,
      }, { ...opts, wide: true }, budget, () => { samplers.delete(key); nodes.release(); });
      samplers.set(key, s);
    }
    return s;
  };

  /** Every namespace's pods summed, from one cluster-wide read per round (the Namespaces table). */
  const namespaceSampler = (context: string): ScopeSampler<NamespaceUsage> => {
    const key = `${context}\u0000namespaces`;
    let s = samplers.get(key) as ScopeSampler<NamespaceUsage> | undefined;
    if (!s) {
      const http = core.link(context).http;
      s = new ScopeSampler<NamespaceUsage>({
        read: async () => sumByNamespace(await readPodMetrics(http, undefined, 30_000)),
        explain: (err) => explainFailure(http, err, 'list', 'pods.metrics.k8s.io'),
        lines: (n) => [n.name, [['namespace', n]]],
        timestamp: (n) => n.timestamp,
      }, { ...opts, wide: true }, budget, () => { samplers.delete(key); });
      samplers.set(key, s);
    }
    return s;
  };

  /** Holds a sampler for a subscription that ends with the reason when the context leaves the kubeconfig. */
  const subscribe = <T, E>(context: string, sink: TopicSink<E>, sampler: () => ScopeSampler<T>, onLatest: (l: Latest<T>) => void) => {
    let release = () => {};
    let done = false;
    // The context's link outlives kubeconfig rewrites (the sampler reads through it); gone ends the subscription.
    const unfollow = core.link(context).onChange((c) => { if (c.type === 'gone') { end(); sink.end(toContractError(c.error)); } });
    function end() { if (done) return; done = true; unfollow(); release(); }
    release = sampler().hold(onLatest);
    return end;
  };
  const unavailable = (u: MetricsUnavailable, at: string) => ({ type: 'unavailable' as const, unavailable: u, at });

  /**
   * A workload's usage over time: the namespace's pod history summed per round over the pods its
   * selector matches now (the same pods `kubectl get pods -l` lists), from the pods informer the
   * sampler already holds.
   */
  const workloadHistory = (p: Extract<UsageTarget, { kind: 'Workload' }>, sink: TopicSink<UsageHistoryEvent>) => {
    let reqs: Requirement[];
    try { reqs = parseLabelSelector(p.selector); } catch (err) { throw new ContractError('bad-request', `selector of ${p.name}: ${(err as Error).message}`); }
    const pods = objectsOf(p.context, 'pods', p.namespace);
    const sampler = () => podSampler(p.context, p.namespace);
    let since = '';
    const end = subscribe(p.context, sink, sampler, (l) => {
      if (!('items' in l)) return sink.emit(unavailable(l.unavailable, l.at));
      void pods.byName().then((byName) => {
        const names = [...byName.values()].filter((o) => matchesSelector(o.labels, reqs)).map((o) => o.name);
        const sum = sampler().history.sumOf(names, 'pods');
        if (!sum.samples.length) {
          return sink.emit(unavailable({ reason: 'no-samples', message: names.length ? `metrics-server has no sample yet for the ${names.length} pod${names.length === 1 ? '' : 's'} of ${p.name} (a new pod appears within one or two 15 s windows)` : `${p.name} has no pods (selector ${p.selector})` }, l.at));
        }
        since ||= new Date(sum.samples[0].at).toISOString();
        sink.emit({ type: 'history', series: [sum], intervalMs: settings.intervalMs, since });
      });
    });
    return () => { end(); pods.release(); };
  };

  return {
    methods: {},
    topics: {
      'metrics.pods': (p, sink) => subscribe(p.context, sink, () => podSampler(p.context, p.namespace), (l) =>
        sink.emit('items' in l ? { type: 'pods', pods: l.items, at: l.at } : unavailable(l.unavailable, l.at))),
      'metrics.nodes': (p, sink) => subscribe(p.context, sink, () => nodeSampler(p.context), (l) =>
        sink.emit('items' in l ? { type: 'nodes', nodes: l.items, at: l.at } : unavailable(l.unavailable, l.at))),
      'metrics.namespaces': (p, sink) => subscribe(p.context, sink, () => namespaceSampler(p.context), (l) =>
        sink.emit('items' in l ? { type: 'namespaces', namespaces: l.items, at: l.at } : unavailable(l.unavailable, l.at))),
      'metrics.history': (p: UsageTarget, sink: TopicSink<UsageHistoryEvent>) => {
        if (p.kind === 'Workload') return workloadHistory(p, sink);
        // The two samplers differ only in item type; history and latest are what this topic reads.
        const sampler = (p.kind === 'Pod' ? () => podSampler(p.context, p.namespace) : () => nodeSampler(p.context)) as () => ScopeSampler<unknown>;
        const what = p.kind === 'Pod' ? `pod ${p.namespace}/${p.name}` : `node ${p.name}`;
        let since = '';
        return subscribe(p.context, sink, sampler, (l) => {
          if (!('items' in l)) return sink.emit(unavailable(l.unavailable, l.at));
          const series = sampler().history.history(p.name);
          if (!series.length || series.every((s) => !s.samples.length)) {
            return sink.emit(unavailable({ reason: 'no-samples', message: `metrics-server has no sample for ${what} yet (it reports an object after scraping it; a new pod appears within one or two 15 s windows)` }, l.at));
          }
          since ||= new Date(Math.min(...series.map((s) => s.samples[0]?.at ?? Infinity))).toISOString();
          sink.emit({ type: 'history', series, intervalMs: settings.intervalMs, since });
        });
      },
    },
  };
}
