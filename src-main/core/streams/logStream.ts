import { ApiError, deepMessage, toContractError } from '../cluster/apiError';
import { ContractError } from '../../../shared/contract/contractError';
import type { KubeHttp } from '../cluster/kubeHttp';
import type { LogEvent, LogStreamState, LogsFollowParams } from '../../../shared/contract/streams';
import { FlowGate, type StreamSink } from './flowGate';
import { LineQueue } from './lineQueue';
import { LineSplitter, parseTimestamped, ResumePoint, wholeSecond } from './logLines';

/** What a log stream needs of KubeHttp (a fake in unit tests, the real one against clusters). */
export type LogHttp = Pick<KubeHttp, 'raw' | 'request'>;

export interface LogStreamOptions {
  /** Lines are sent in batches, one event at most this often. */
  batchMs?: number;
  /** Events in flight before the stream stops reading. */
  maxUnacked?: number;
  /** Bound of the queue between the HTTP body and the renderer; reading pauses when it is full. */
  maxQueueLines?: number;
  maxQueueChars?: number;
  /** With params.keepLatest: the queue's char bound (it skips, never pauses; a 50k-line view of 200-char lines is ~12 MB). */
  maxSkipQueueChars?: number;
  maxBatchLines?: number;
  maxBatchChars?: number;
  maxLineChars?: number;
  /** How often a waiting container is looked at again. */
  waitPollMs?: number;
  /** Reconnect delays after failures: first, cap. */
  backoffMs?: [number, number];
}

type Verdict =
  | { kind: 'resume' }
  | { kind: 'waiting'; message: string }
  | { kind: 'ended'; message: string; gone?: boolean };

const sleep = (ms: number, signal: AbortSignal) => new Promise<void>((resolve) => {
  if (signal.aborted) return resolve();
  const t = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});

const WAITING = /waiting to start|ContainerCreating|PodInitializing|CrashLoopBackOff|ImagePull|ErrImage|is not running|has not started/i;

/**
 * Follows one container's log: GET …/pods/{pod}/log?follow=true&timestamps=true, split into lines,
 * sent in batches (one event per `batchMs` at most). Flow control: a bounded queue sits between the
 * HTTP body and the renderer; when the renderer lags (unacknowledged events, congested transport) the
 * queue fills and the stream stops reading the body, so TCP backpressure reaches the API server
 * instead of memory growing here. With params.keepLatest (a viewer that keeps its latest N lines) the
 * stream keeps reading instead and lets the oldest queued lines go, counted (`skipped`).
 * Resume: when the connection ends while the container still runs, the stream asks again with
 * sinceTime at the last line's second and drops the lines it already sent.
 */
export class LogStream {
  private readonly controller = new AbortController();
  /** Aborts the current request only (recheck), not the stream. */
  private request: AbortController | undefined;
  private readonly gate: FlowGate;
  private readonly resume = new ResumePoint();
  private readonly queue: LineQueue;
  private dropped = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushWaiting = false;
  private roomWaiters: (() => void)[] = [];
  private state: { state: LogStreamState; message: string } | undefined;
  private stopped = false;
  private readonly o: Required<LogStreamOptions>;
  /** Counters for tests and benchmarks. */
  readonly stats = { connects: 0, resumes: 0, linesSent: 0, linesSkipped: 0, batches: 0, readPauses: 0, maxQueue: 0 };

  constructor(
    private readonly http: LogHttp,
    private readonly params: LogsFollowParams,
    private readonly sink: StreamSink<LogEvent>,
    opts: LogStreamOptions = {},
  ) {
    this.o = {
      batchMs: 30, maxUnacked: 8, maxQueueLines: 10_000, maxQueueChars: 4 << 20, maxSkipQueueChars: 16 << 20,
      maxBatchLines: 5_000, maxBatchChars: 1 << 20, maxLineChars: 1 << 20, waitPollMs: 2_000, backoffMs: [500, 30_000], ...opts,
    };
    this.gate = new FlowGate(sink, this.o.maxUnacked);
    // Skipping only makes sense for a live view; a finite read (download) must deliver every line.
    const keepLatest = this.follow ? params.keepLatest : undefined;
    this.queue = new LineQueue(keepLatest === undefined
      ? { maxLines: this.o.maxQueueLines, maxChars: this.o.maxQueueChars }
      : { maxLines: this.o.maxQueueLines, maxChars: this.o.maxSkipQueueChars, keepLatest });
  }

  private get follow(): boolean { return this.params.follow !== false && !this.params.previous; }

  start(): void {
    void this.run().catch((err) => this.setState('error', deepMessage(err)));
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.controller.abort(new Error('log stream stopped'));
    clearTimeout(this.flushTimer);
    this.gate.dispose();
    this.wakeReaders();
  }

  /**
   * Something says the pod changed (it was deleted): end the current read and look at the pod. A real
   * kubelet closes the stream itself when a container stops; this covers runtimes that do not.
   */
  recheck(): void {
    this.request?.abort(new Error('recheck'));
  }

  private get path(): string {
    const p = this.params;
    return `/api/v1/namespaces/${encodeURIComponent(p.namespace)}/pods/${encodeURIComponent(p.pod)}/log`;
  }

  private query(resuming: boolean, follow: boolean): Record<string, string | number | boolean | undefined> {
    const p = this.params;
    const q: Record<string, string | number | boolean | undefined> = { container: p.container, timestamps: true };
    if (follow) q.follow = true;
    if (p.previous) q.previous = true;
    const last = this.resume.lastTimestamp;
    if (resuming && last) {
      q.sinceTime = wholeSecond(last);
    } else {
      q.tailLines = p.tailLines;
      q.sinceSeconds = p.sinceSeconds;
      if (p.sinceSeconds === undefined) q.sinceTime = p.sinceTime;
    }
    return q;
  }

  private async run(): Promise<void> {
    const signal = this.controller.signal;
    let resuming = false;
    let finalRead = false;
    let delay = this.o.backoffMs[0];
    while (!this.stopped) {
      const follow = this.follow && !finalRead;
      this.setState('connecting', resuming ? 'Reconnecting…' : 'Connecting…');
      if (resuming) { this.resume.beginResume(); this.stats.resumes++; }
      this.stats.connects++;
      let res: Awaited<ReturnType<LogHttp['raw']>>;
      const request = new AbortController();
      this.request = request;
      try {
        res = await this.http.raw('GET', this.path, { query: this.query(resuming, follow), accept: '*/*', signal: AbortSignal.any([signal, request.signal]) });
      } catch (err) {
        if (this.stopped) return;
        const v = this.classify(err);
        if (v.kind === 'fatal') return this.finish('error', v.message);
        if (v.kind === 'gone') return this.finish(resuming ? 'ended' : 'error', v.message);
        if (v.kind === 'waiting') {
          this.setState('waiting', v.message);
          await sleep(this.o.waitPollMs, signal);
        } else {
          this.setState('connecting', `Reconnecting in ${Math.round(delay / 1000)} s: ${v.message}`);
          await sleep(delay, signal);
          delay = Math.min(delay * 2, this.o.backoffMs[1]);
        }
        continue;
      }
      this.setState('streaming', '');
      const t0 = Date.now();
      const { outcome, rest } = await this.read(res.body as ReadableStream<Uint8Array> | null);
      if (this.stopped) return;
      if (!follow) {
        if (outcome === 'eof') this.add(rest, 0);
        return this.finish('ended', finalRead ? 'The container has exited; end of log.' : 'End of log.');
      }
      if (Date.now() - t0 > 10_000) delay = this.o.backoffMs[0];
      const verdict = await this.verdict();
      if (this.stopped) return;
      if (verdict.kind === 'ended') {
        // A connection cut before the container finished may have missed its last lines: read them once.
        if (outcome === 'cut' && !verdict.gone) { finalRead = true; resuming = true; continue; }
        this.add(rest, 0);
        return this.finish('ended', verdict.message);
      }
      resuming = true;
      if (verdict.kind === 'waiting') {
        this.setState('waiting', verdict.message);
        await sleep(this.o.waitPollMs, signal);
      } else if (Date.now() - t0 < 2_000) {
        await sleep(delay, signal);
        delay = Math.min(delay * 2, this.o.backoffMs[1]);
      }
    }
  }

  /**
   * Reads one response body to its end. 'eof': the server ended it; 'cut': it failed mid-way. `rest` is
   * a last line without its newline, complete only if the log is (a resumed read sends it again).
   */
  private async read(body: ReadableStream<Uint8Array> | null): Promise<{ outcome: 'eof' | 'cut'; rest: string[] }> {
    if (!body) return { outcome: 'eof', rest: [] };
    const reader = body.getReader();
    const splitter = new LineSplitter(this.o.maxLineChars);
    try {
      for (;;) {
        await this.room();
        if (this.stopped) return { outcome: 'eof', rest: [] };
        const { done, value } = await reader.read();
        if (done) break;
        this.add(splitter.push(value), splitter.takeDropped());
      }
      return { outcome: 'eof', rest: splitter.end() };
    } catch {
      return { outcome: 'cut', rest: [] };
    } finally {
      reader.cancel().catch(() => {});
    }
  }

  private classify(err: unknown): { kind: 'fatal' | 'gone' | 'waiting' | 'retry'; message: string } {
    if (err instanceof ApiError) {
      const msg = err.message;
      if (err.status === 404) return { kind: 'gone', message: `Pod ${this.params.namespace}/${this.params.pod} not found (deleted?).` };
      if (err.status === 400 && WAITING.test(msg) && !this.params.previous) return { kind: 'waiting', message: msg };
      if (err.status === 400 || err.status === 401 || err.status === 403 || err.status === 422) return { kind: 'fatal', message: msg };
      return { kind: 'retry', message: msg };
    }
    // The context left the kubeconfig (or it no longer parses): no connection will come back.
    if (err instanceof ContractError) return { kind: 'fatal', message: err.message };
    return { kind: 'retry', message: toContractError(err).message };
  }

  /** After a follow stream ended: was it the container finishing, a restart, or a dropped connection? */
  private async verdict(): Promise<Verdict> {
    const p = this.params;
    let pod: any;
    try {
      pod = await this.http.request('GET', `/api/v1/namespaces/${encodeURIComponent(p.namespace)}/pods/${encodeURIComponent(p.pod)}`, { signal: this.controller.signal, timeoutMs: 15_000 });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return { kind: 'ended', message: 'The pod was deleted; end of log.', gone: true };
      return { kind: 'resume' };
    }
    return containerVerdict(pod, p.container);
  }

  private add(raw: string[], dropped: number): void {
    this.dropped += dropped;
    const keepTs = this.params.timestamps !== false;
    for (const r of raw) {
      const line = parseTimestamped(r);
      if (!this.resume.accept(line)) continue;
      this.queue.push(keepTs || line.ts === undefined ? line : { text: line.text });
    }
    this.stats.maxQueue = this.queue.maxLength;
    this.scheduleFlush();
  }

  /** The next batch goes out `batchMs` after the previous one (or after the first line of a quiet spell). */
  private scheduleFlush(): void {
    if (!this.flushTimer && !this.flushWaiting && (this.queue.length || this.dropped)) {
      this.flushTimer = setTimeout(() => { this.flushTimer = undefined; this.flush(false); }, this.o.batchMs);
      this.flushTimer.unref?.();
    }
  }

  private get full(): boolean {
    return this.queue.full;
  }

  /** Resolves when the queue has room; this is where reading the HTTP body pauses. */
  private async room(): Promise<void> {
    while (this.full && !this.stopped) {
      this.stats.readPauses++;
      await new Promise<void>((r) => this.roomWaiters.push(r));
    }
  }

  private wakeReaders(): void {
    const w = this.roomWaiters;
    this.roomWaiters = [];
    for (const r of w) r();
  }

  /**
   * Sends one batch of queued lines if the renderer keeps up, and schedules the next. More than one only
   * while whole batches are queued (a late timer on a busy machine, or a backlog): a cap of one event per
   * tick would also cap the throughput. `force` (before a state change) sends everything queued,
   * ignoring flow control, so the state follows its lines.
   */
  private flush(force: boolean): void {
    if (this.stopped) return;
    if (this.dropped) { this.sink.emit({ type: 'dropped', count: this.dropped }); this.dropped = 0; }
    do {
      if (!force && !this.gate.open) {
        if (!this.flushWaiting) {
          this.flushWaiting = true;
          this.gate.whenOpen(() => { this.flushWaiting = false; this.flush(false); });
        }
        break;
      }
      const skipped = this.queue.takeSkipped();
      if (skipped) { this.stats.linesSkipped += skipped; this.sink.emit({ type: 'skipped', count: skipped }); }
      if (!this.queue.length) break;
      const lines = this.queue.take(this.o.maxBatchLines, this.o.maxBatchChars);
      this.stats.linesSent += lines.length;
      this.stats.batches++;
      this.sink.emit({ type: 'lines', lines });
    } while (force ? this.queue.length : this.queue.holdsBatch(this.o.maxBatchLines, this.o.maxBatchChars));
    if (!this.full) this.wakeReaders();
    if (!force) this.scheduleFlush();
  }

  private setState(state: LogStreamState, message: string): void {
    if (this.stopped) return;
    if (this.state?.state === state && this.state.message === message) return;
    if (this.queue.length || this.dropped) { clearTimeout(this.flushTimer); this.flushTimer = undefined; this.flush(true); }
    this.state = { state, message };
    this.sink.emit({ type: 'state', state, message });
  }

  private finish(state: 'ended' | 'error', message: string): void {
    this.setState(state, message);
    this.stopped = true;
    this.gate.dispose();
    this.onFinish?.(state);
  }

  /** Called once when the stream has ended for good (not on stop()). */
  onFinish?: (state: 'ended' | 'error') => void;
}

/** Reads a pod's status for one container: running (resume), waiting or restarting, or finished. */
export function containerVerdict(pod: any, container: string): Verdict {
  const st = pod?.status ?? {};
  if (pod?.metadata?.deletionTimestamp && (st.phase === 'Succeeded' || st.phase === 'Failed')) return { kind: 'ended', message: 'The pod is being deleted; end of log.' };
  const all = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])];
  const cs = all.find((c: any) => c?.name === container);
  const isInit = (st.initContainerStatuses ?? []).some((c: any) => c?.name === container);
  if (!cs) return { kind: 'waiting', message: `Container ${container} has no status yet.` };
  if (cs.state?.running) return { kind: 'resume' };
  if (cs.state?.waiting) {
    const w = cs.state.waiting;
    return { kind: 'waiting', message: `Container ${container} is waiting${w.reason ? `: ${w.reason}` : ''}${w.message ? ` (${w.message})` : ''}.` };
  }
  const t = cs.state?.terminated;
  if (t) {
    const code = Number(t.exitCode ?? 0);
    const desc = `Container ${container} exited with code ${code}${t.reason ? ` (${t.reason})` : ''}`;
    const policy = pod?.spec?.restartPolicy ?? 'Always';
    const restarts = !(st.phase === 'Succeeded' || st.phase === 'Failed' || pod?.metadata?.deletionTimestamp
      || policy === 'Never' || (policy === 'OnFailure' && code === 0) || (isInit && code === 0));
    return restarts ? { kind: 'waiting', message: `${desc}; waiting for it to restart.` } : { kind: 'ended', message: `${desc}; end of log.` };
  }
  return { kind: 'waiting', message: `Container ${container} is not running yet.` };
}
