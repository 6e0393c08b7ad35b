// Samples one scope of the metrics API (a namespace's pods, or the nodes) every interval while anyone
// holds it, keeps the latest answer (or why there is none) and the bounded history, and stops (and
// forgets its history) a while after the last holder lets go: history is kept only for what is open.
import type { MetricsUnavailable } from '../../../shared/contract/metrics';
import { HistoryBudget, ScopeHistory } from './usageHistory';

export type Latest<T> = { items: T[]; at: string } | { unavailable: MetricsUnavailable; at: string };
type UsageLines = Iterable<[string, { cpuNanos: number; memoryBytes: number }]>;

export interface ScopeSource<T> {
  read(): Promise<T[]>;
  explain(err: unknown): Promise<MetricsUnavailable>;
  /** The object key and its chart lines (containers, or the node itself). */
  lines(item: T): [string, UsageLines];
  timestamp(item: T): string;
}

export interface SamplerOptions {
  intervalMs: number;
  /** How long a scope nobody holds keeps sampling (navigating away and back keeps the chart). */
  lingerMs: number;
  /** History length per series, in samples. */
  capacity: number;
  /** 32-bit rings (nodes: more than 65 cores or 64 GiB are ordinary). */
  wide?: boolean;
}

export class ScopeSampler<T> {
  readonly history: ScopeHistory;
  latest?: Latest<T>;
  private readonly listeners = new Set<(l: Latest<T>) => void>();
  private timer?: NodeJS.Timeout;
  private linger?: NodeJS.Timeout;
  private running = false;
  private lastStamp = '';
  private inFlight?: Promise<void>;

  constructor(private readonly source: ScopeSource<T>, private readonly opts: SamplerOptions, budget: HistoryBudget, private readonly onIdle: () => void) {
    this.history = new ScopeHistory(opts.capacity, budget, opts.wide);
  }

  /** Listen (getting the latest answer at once when there is one); returns the release. */
  hold(listener: (l: Latest<T>) => void): () => void {
    this.listeners.add(listener);
    clearTimeout(this.linger);
    if (!this.running) { this.running = true; void this.tick(); }
    else if (this.latest) listener(this.latest);
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.linger = setTimeout(() => this.stop(), this.opts.lingerMs);
      this.linger.unref?.();
    };
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    clearTimeout(this.linger);
    this.history.clear();
    this.latest = undefined;
    this.lastStamp = '';
    this.onIdle();
  }

  /** One round now (tests, and the first subscriber); later rounds follow every interval. */
  tick(): Promise<void> {
    this.inFlight ??= this.round().finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  private async round(): Promise<void> {
    clearTimeout(this.timer);
    const at = new Date().toISOString();
    try {
      const items = await this.source.read();
      // A new metrics window (metrics-server refreshes every --metric-resolution): one history round.
      const stamp = items.reduce((m, i) => (this.source.timestamp(i) > m ? this.source.timestamp(i) : m), '');
      if (stamp && stamp !== this.lastStamp) {
        this.lastStamp = stamp;
        this.history.record(Date.parse(stamp), items.map((i) => this.source.lines(i)));
      }
      this.latest = { items, at };
    } catch (err) {
      this.latest = { unavailable: await this.source.explain(err), at };
    }
    if (!this.running) return;
    for (const l of [...this.listeners]) l(this.latest);
    this.timer = setTimeout(() => void this.tick(), this.opts.intervalMs);
    this.timer.unref?.();
  }
}
