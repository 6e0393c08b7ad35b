import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useClient } from '../../data/clientContext';
import { unpackLines, type LogStreamState, type PackedLines, type TopicParams, type WorkloadLogSource } from '../../../shared/contract';
import { LogBuffer, type IncomingLine } from './logBuffer';

export interface FeedStatus {
  state: LogStreamState;
  message: string;
  /** Lines the core discarded (oversized); distinct from the ring buffer's own drops. */
  serverDropped: number;
  /** Lines the core read and did not send because this view fell further behind than it keeps lines. */
  skipped: number;
  /** Batches refused because their parts did not agree (never expected; counted, not hidden). */
  malformed: number;
  /** The subscription is over (the log ended, or an error ended it). */
  closed: boolean;
  error?: string;
  sources?: WorkloadLogSource[];
}

type LogTopic = 'logs.follow' | 'logs.workload';
type AnyLogEvent =
  | { type: 'lines'; lines: IncomingLine[] }
  | ({ type: 'packed' } & PackedLines)
  | { type: 'skipped'; count: number }
  | { type: 'state'; state: LogStreamState; message: string }
  | { type: 'dropped'; count: number }
  | { type: 'sources'; sources: WorkloadLogSource[] };

/**
 * A log subscription's lines and status for one viewer. Lines go into a ring buffer (or, while the
 * user has paused to read, into a bounded pending list shown by "resume"). Listeners are told at most
 * once per animation frame, and the core's events are acknowledged in that same frame: when the page
 * cannot keep up (or is hidden), acknowledgements stop and the core stops reading the log.
 */
export class LogFeed {
  readonly buffer: LogBuffer;
  private pending: IncomingLine[] = [];
  pendingDropped = 0;
  paused = false;
  status: FeedStatus = { state: 'connecting', message: 'Connecting…', serverDropped: 0, skipped: 0, malformed: 0, closed: false };
  version = 0;
  private readonly listeners = new Set<() => void>();
  private frame: number | undefined;
  private seq = 0;
  private acked = 0;
  ack: (seq: number) => void = () => {};

  constructor(capacity = 50_000) {
    this.buffer = new LogBuffer(capacity);
  }

  get pendingCount(): number { return this.pending.length; }

  receive(e: AnyLogEvent, seq: number): void {
    this.seq = Math.max(this.seq, seq);
    if (e.type === 'lines') {
      if (this.paused) this.addPending(e.lines);
      else this.buffer.push(e.lines);
    } else if (e.type === 'packed') {
      const u = unpackLines(e);
      if (!u) this.status = { ...this.status, malformed: this.status.malformed + 1 };
      else if (this.paused) this.addPending(u.texts.map((text, i) => ({ text, ts: u.ts?.[i] || undefined })));
      else this.buffer.pushPacked(u.texts, u.ts);
    } else if (e.type === 'skipped') {
      this.status = { ...this.status, skipped: this.status.skipped + e.count };
    } else if (e.type === 'state') {
      this.status = { ...this.status, state: e.state, message: e.message };
    } else if (e.type === 'dropped') {
      this.status = { ...this.status, serverDropped: this.status.serverDropped + e.count };
    } else {
      this.status = { ...this.status, sources: e.sources };
    }
    this.schedule();
  }

  private addPending(lines: readonly IncomingLine[]): void {
    for (const l of lines) this.pending.push(l);
    const over = this.pending.length - this.buffer.capacity;
    if (over > 0) { this.pending.splice(0, over); this.pendingDropped += over; }
  }

  /** The core lost and re-sent the subscription: it starts again from the beginning. */
  restart(): void {
    this.buffer.clear();
    this.pending = [];
    this.pendingDropped = 0;
    this.seq = 0;
    this.acked = 0;
    this.schedule();
  }

  end(error?: string): void {
    this.status = { ...this.status, closed: true, ...(error ? { error, state: 'error' as const, message: error } : {}) };
    this.schedule();
  }

  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!paused && this.pending.length) {
      this.buffer.dropped += this.pendingDropped;
      this.buffer.push(this.pending);
      this.pending = [];
      this.pendingDropped = 0;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.frame !== undefined) return;
    const run = () => {
      this.frame = undefined;
      this.version++;
      for (const l of this.listeners) l();
      if (this.seq > this.acked) { this.acked = this.seq; this.ack(this.seq); }
    };
    this.frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : (setTimeout(run, 16) as unknown as number);
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getVersion = (): number => this.version;
  getStatus = (): FeedStatus => this.status;

  dispose(): void {
    if (this.frame !== undefined && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.frame);
    this.listeners.clear();
  }
}

/**
 * Subscribes a LogFeed to a log topic; a new feed (empty) whenever the params change. The caller
 * re-renders when the status changes, not on every batch of lines: only the pane showing the lines
 * does that (useFeedVersion), so a viewer's toolbar and queries stay out of the per-frame work.
 */
export function useLogFeed<T extends LogTopic>(topic: T, params: TopicParams<T> | undefined, capacity = 50_000): { feed: LogFeed; status: FeedStatus } {
  const client = useClient();
  const key = JSON.stringify(params);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const feed = useMemo(() => new LogFeed(capacity), [key, capacity, client]);
  useEffect(() => {
    if (params === undefined) return;
    const sub = client.subscribe(topic, params, {
      onEvent: (e, seq) => feed.receive(e as AnyLogEvent, seq),
      onEnd: (err) => feed.end(err?.message),
      onResubscribe: () => { feed.restart(); feed.status = { ...feed.status, state: 'connecting', message: 'Reconnecting to Wheelhouse core…' }; },
    });
    feed.ack = (seq) => sub.ack(seq);
    return () => { sub.close(); feed.dispose(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [feed]);
  const status = useSyncExternalStore(feed.subscribe, feed.getStatus);
  return { feed, status };
}

/** The feed's version: a new value in each animation frame in which lines or status changed. */
export function useFeedVersion(feed: LogFeed): number {
  return useSyncExternalStore(feed.subscribe, feed.getVersion);
}
