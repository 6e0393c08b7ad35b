import { ApiError, isNetworkError } from './apiError';
import type { ClusterConnection } from './clusterConnection';
import type { KubeHttp } from './kubeHttp';

/** What a long-lived consumer (a reflector, a followed log) needs of a context's HTTP. */
export type LinkHttp = Pick<KubeHttp, 'raw' | 'request' | 'poolStats' | 'webSocketOptions'> & { readonly server: string };

/** What a followed log or a workload's logs need of a context's HTTP (the link's, or a KubeHttp in tests). */
export type StreamHttp = Pick<LinkHttp, 'raw' | 'request' | 'poolStats'>;

/**
 * What happened to a context's kubeconfig entry: `replaced` (credentials, server or TLS changed: the
 * link now goes through a new connection, generation `generation`) or `gone` (the context left the
 * kubeconfig or can no longer be connected to; `error` says why, and nothing comes after it).
 */
export type LinkChange = { type: 'replaced'; generation: number } | { type: 'gone'; error: Error };

/** How often the link asks the server whether it answers again while someone waits for that. */
const HEALTH_PROBE_MS = 1_000;
const HEALTH_PROBE_TIMEOUT_MS = 2_000;
/** A streams connection with requests open and nothing read for this long, in trouble, is presumed dead. */
const SILENT_STREAMS_MS = 1_000;

/**
 * One context, for as long as the kubeconfig names it: the one object every subscription of the
 * context holds, across kubeconfig rewrites (an exec or OIDC refresh writing its token, the user
 * editing the file). Its `http` is late-bound (each call goes through the context's current
 * connection), its `generation` counts the connections it has had, and `onChange` tells holders
 * `replaced` (reflectors relist on the new connection) or `gone` (every holder ends with the reason).
 *
 * It is also where "the server answers again" is learnt: after a holder's network failure (it waits
 * in `untilHealthy`) or a late liveness probe on the watches' connection, the link probes the server
 * once a second until it answers, so that every informer of the context retries at once when it is
 * back instead of sitting in backoff.
 */
export class ContextLink {
  private conn: ClusterConnection;
  private gen = 1;
  private goneWith: Error | undefined;
  private readonly listeners = new Set<(c: LinkChange) => void>();
  private readonly healthWaiters = new Set<() => void>();
  private prober: NodeJS.Timeout | undefined;
  private probing = false;
  /** Since a holder reported a network failure and until the server answers a probe: the link probes. */
  private troubled = false;
  private checkingFrom: Date | undefined;
  private readonly checkingListeners = new Set<(since: Date | undefined) => void>();

  /** Goes through the connection current at each call; throws the `gone` reason once the context is gone. */
  readonly http: LinkHttp;

  constructor(readonly context: string, conn: ClusterConnection) {
    this.conn = conn;
    conn.http.onStreamsSuspect(() => this.suspect(conn));
    const current = () => this.connection.http;
    this.http = {
      raw: async (method, path, opts) => current().raw(method, path, opts),
      request: async <T>(method: Parameters<KubeHttp['request']>[0], path: string, opts?: Parameters<KubeHttp['request']>[2]) =>
        current().request<T>(method, path, opts),
      poolStats: () => (this.goneWith ? undefined : this.conn.http.poolStats()),
      webSocketOptions: async () => current().webSocketOptions(),
      get server() { return current().server; },
    };
  }

  /** The context's current connection; throws the reason once the context is gone. */
  get connection(): ClusterConnection {
    if (this.goneWith) throw this.goneWith;
    return this.conn;
  }

  get generation(): number { return this.gen; }
  get gone(): Error | undefined { return this.goneWith; }

  /**
   * Since when the watches' connection is being checked (its liveness probe is late: the data may be
   * old), or undefined; `l` hears each change. Ends when the server answers a probe of the link's.
   */
  get checkingSince(): Date | undefined { return this.checkingFrom; }
  onChecking(l: (since: Date | undefined) => void): () => void {
    this.checkingListeners.add(l);
    return () => { this.checkingListeners.delete(l); };
  }

  private setChecking(since: Date | undefined): void {
    if (since === this.checkingFrom) return;
    this.checkingFrom = since;
    for (const l of [...this.checkingListeners]) l(since);
  }

  /** `replaced` and `gone`, in order; a holder that arrives after `gone` hears it at once. */
  onChange(l: (c: LinkChange) => void): () => void {
    if (this.goneWith) { l({ type: 'gone', error: this.goneWith }); return () => {}; }
    this.listeners.add(l);
    return () => { this.listeners.delete(l); };
  }

  /**
   * For a holder whose request failed at the network level: resolves when the server next answers a
   * probe (any HTTP status: it is up), or when `signal` aborts, or when the link is replaced or gone
   * (a new connection is worth trying at once). From this call until the server answers, the link
   * probes every second, waiters or not: a holder may meanwhile hang on a connection that died.
   */
  untilHealthy(signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.aborted || this.goneWith) return resolve();
      const done = () => { this.healthWaiters.delete(done); signal.removeEventListener('abort', done); resolve(); };
      this.troubled = true;
      this.healthWaiters.add(done);
      signal.addEventListener('abort', done, { once: true });
      this.scheduleProbe();
    });
  }

  /** The user asked to retry: every holder waiting to retry does so now. */
  retryNow(): void { this.wakeAll(); }

  /** Called by the core: the kubeconfig entry changed and `next` replaces the connection. */
  replace(next: ClusterConnection): void {
    const old = this.conn;
    this.conn = next;
    this.setChecking(undefined);
    next.http.onStreamsSuspect(() => this.suspect(next));
    this.gen++;
    const change: LinkChange = { type: 'replaced', generation: this.gen };
    for (const l of [...this.listeners]) l(change);
    this.wakeAll();
    old.close();
  }

  /** Called by the core: the context is gone; every holder hears why, once. */
  end(error: Error): void {
    if (this.goneWith) return;
    this.goneWith = error;
    clearTimeout(this.prober);
    this.checkingListeners.clear();
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const l of listeners) l({ type: 'gone', error });
    this.wakeAll();
    this.conn.close();
  }

  /** Closes the connection (the app is quitting); holders are expected to have stopped. */
  close(): void {
    clearTimeout(this.prober);
    this.listeners.clear();
    this.wakeAll();
    this.conn.close();
  }

  /** The watches' connection did not answer its liveness probe at once: find out whether the server answers elsewhere. */
  private suspect(conn: ClusterConnection): void {
    if (conn !== this.conn || this.goneWith) return;
    this.troubled = true;
    this.setChecking(this.checkingFrom ?? new Date());
    this.scheduleProbe();
  }

  private wakeAll(): void {
    for (const w of [...this.healthWaiters]) w();
  }

  /** One probe a second, start to start: a probe that timed out is followed by the next at once. */
  private scheduleProbe(lastStartedAt = Date.now()): void {
    if (this.prober || this.probing || !this.troubled || this.goneWith) return;
    this.prober = setTimeout(() => { this.prober = undefined; void this.probe(); }, Math.max(0, lastStartedAt + HEALTH_PROBE_MS - Date.now()));
    this.prober.unref?.();
  }

  private async probe(): Promise<void> {
    if (!this.troubled || this.goneWith) return;
    this.probing = true;
    const startedAt = Date.now();
    let answered: boolean;
    try {
      // /livez answers plain text ("ok"): read it as bytes, never as JSON.
      const res = await this.conn.http.raw('GET', '/livez', { timeoutMs: HEALTH_PROBE_TIMEOUT_MS, accept: '*/*' });
      await res.text();
      answered = true;
    } catch (err) {
      // Any HTTP answer (401, 403, 500 while etcd catches up) means the server is there again.
      answered = err instanceof ApiError && err.status > 0 && !isNetworkError(err);
    } finally {
      this.probing = false;
    }
    if (!answered) return this.scheduleProbe(startedAt);
    this.troubled = false;
    this.setChecking(undefined);
    // Watches hanging on a streams connection that read nothing while the server answered this probe
    // over another would wait out the liveness window (30 s + 15 s): that connection is dead (a frozen
    // flow); give it up now, and they re-watch from their resourceVersion on a new one.
    this.conn.http.giveUpSilentStreams(startedAt - SILENT_STREAMS_MS);
    this.wakeAll();
  }
}
