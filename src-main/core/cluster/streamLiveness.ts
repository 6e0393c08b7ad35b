import type { Dispatcher } from 'undici';
import { observeResponses } from './responseObserver';

export interface StreamLivenessOptions {
  /** Probe after this long without a byte on any open long-running response (client-go's HTTP/2 ReadIdleTimeout). */
  readIdleMs?: number;
  /** A probe unanswered for this long means the connection is dead (client-go's PingTimeout). */
  probeTimeoutMs?: number;
  /**
   * Told when a probe has gone unanswered for PROBE_LATE_MS: the connection is suspect (the context's
   * link then checks whether the server answers on another one, and if so gives this one up at once).
   */
  onProbeLate?: () => void;
}

const PROBE_LATE_MS = 1_000;

export const READ_IDLE_MS = 30_000;
export const PROBE_TIMEOUT_MS = 15_000;

/** The error every long-running request on a connection given up by StreamLiveness fails with. */
export class StreamConnectionDeadError extends Error {
  /** A connection timeout as far as callers are concerned (isNetworkError, toContractError). */
  readonly code = 'ETIMEDOUT';
  constructor(
    readonly idleMs: number, readonly probeTimeoutMs: number, cause: unknown,
    /** Given up because the server answered over another connection meanwhile: a retry can go at once. */
    readonly serverAnswers = false,
  ) {
    super(serverAnswers
      ? `The connection to the API server carried nothing for ${Math.round(idleMs / 1000)} s while the server answered over a new one: it was closed, and watches and logs reconnect.`
      : `The connection to the API server carried nothing for ${Math.round(idleMs / 1000)} s and did not answer a probe within ${Math.round(probeTimeoutMs / 1000)} s: it was closed, and watches and logs reconnect.`, { cause });
    this.name = 'StreamConnectionDeadError';
  }
}

/**
 * Notices that the connection under one dispatcher's long-running requests died without saying so.
 * Over HTTP/2 every watch and followed log of a context shares one connection; a dropped flow (sleep,
 * network change, a NAT forgetting it) leaves them all silent until each one's inactivity timer or
 * the OS keep-alive gives up, minutes later. client-go pings such a connection after 30 s without a
 * frame; undici has no public PING, so a cheap request over the same dispatcher (so the same
 * connection) stands in for it: any answer means the silence is just quiet watches, none within the
 * deadline means the connection is given up (onDead), and every request on it fails at once.
 * Over HTTP/1.1 (each watch on a connection of its own) the probe takes another connection and is
 * answered: nothing is detected there, and nothing is torn down wrongly either.
 */
export class StreamLiveness {
  private readonly readIdleMs: number;
  private readonly probeTimeoutMs: number;
  private readonly onProbeLate: (() => void) | undefined;
  private open = 0;
  /** When the current silence began: the last byte read, or the first request opened after none. */
  private lastReadAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private probe: AbortController | undefined;
  private closed = false;

  /** Install on the dispatcher whose long-running requests are watched (Dispatcher.compose). */
  readonly interceptor: Dispatcher.DispatcherComposeInterceptor;

  constructor(
    /** Sends the probe over the watched connection; resolves on any HTTP answer, rejects otherwise. */
    private readonly sendProbe: (signal: AbortSignal) => Promise<unknown>,
    /** The connection is presumed dead: give it up, failing every request it carries. */
    private readonly onDead: (err: StreamConnectionDeadError) => void,
    opts: StreamLivenessOptions = {},
  ) {
    this.readIdleMs = opts.readIdleMs ?? READ_IDLE_MS;
    this.probeTimeoutMs = opts.probeTimeoutMs ?? PROBE_TIMEOUT_MS;
    this.onProbeLate = opts.onProbeLate;
    this.interceptor = observeResponses(() => {
      this.opened();
      return { onBytes: () => { this.lastReadAt = Date.now(); }, onSettled: () => this.ended() };
    });
  }

  /** Long-running requests open now (waiting for an answer or reading one). */
  get openRequests(): number { return this.open; }

  /** When the current silence began (0 before any request): no byte read on the connection since. */
  get silentSince(): number { return this.lastReadAt; }

  /** Probes sent so far (tests and the debug log). */
  readonly stats = { probes: 0 };

  /** Stops watching: no more probes, the one in flight abandoned. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.probe?.abort(new Error('stream liveness closed'));
  }

  private opened(): void {
    // Silence before the first request was nobody's business.
    if (this.open++ === 0) { this.lastReadAt = Date.now(); this.schedule(); }
  }

  private ended(): void {
    if (--this.open > 0) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One timer for the whole silence, re-armed from lastReadAt when it fires: bytes only note the time. */
  private schedule(): void {
    if (this.closed || this.open === 0 || this.probe) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), Math.max(0, this.lastReadAt + this.readIdleMs - Date.now()));
    this.timer.unref?.();
  }

  private check(): void {
    this.timer = undefined;
    if (this.closed || this.open === 0) return;
    if (Date.now() - this.lastReadAt < this.readIdleMs) return this.schedule();
    void this.runProbe();
  }

  private async runProbe(): Promise<void> {
    const idleMs = Date.now() - this.lastReadAt;
    const probe = new AbortController();
    this.probe = probe;
    this.stats.probes++;
    const timer = setTimeout(() => probe.abort(new Error(`no answer within ${this.probeTimeoutMs} ms`)), this.probeTimeoutMs);
    timer.unref?.();
    const late = setTimeout(() => { if (!this.closed) this.onProbeLate?.(); }, Math.min(PROBE_LATE_MS, this.probeTimeoutMs / 2));
    late.unref?.();
    try {
      await this.sendProbe(probe.signal);
      // The answer came over the same connection: it is alive, and the silence starts again.
      this.lastReadAt = Date.now();
    } catch (err) {
      if (!this.closed) {
        this.onDead(new StreamConnectionDeadError(idleMs, this.probeTimeoutMs, probe.signal.reason ?? err));
      }
    } finally {
      clearTimeout(timer);
      clearTimeout(late);
      this.probe = undefined;
      this.schedule();
    }
  }
}
