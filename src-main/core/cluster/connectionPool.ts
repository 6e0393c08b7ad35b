import { Agent, buildConnector, ProxyAgent, Socks5ProxyAgent, type Dispatcher } from 'undici';
import type { KubeCluster } from '../kubeconfig/kubeconfigTypes';
import type { TlsMaterial } from './contextAuth';
import { StreamConnectionDeadError, StreamLiveness, type StreamLivenessOptions } from './streamLiveness';

/**
 * Ordinary requests share at most this many keep-alive connections (a burst such as discovery's ~25
 * parallel GETs queues instead of opening 25 TLS connections). Long-running requests are not counted:
 * over HTTP/1.1 each watch or followed log holds a connection for minutes, and a cap shared with
 * them would starve ordinary requests. (undici 8 speaks HTTP/2 where the server offers it, as
 * kube-apiserver does; then one connection carries all of them.)
 */
const REQUEST_CONNECTIONS = 16;

/**
 * An idle connection is kept this long for the next request (kube-apiserver closes idle ones after
 * 90 s; undici's default of 4 s would mean a new TLS handshake for every 10-second probe).
 */
const IDLE_KEEP_MS = 30_000;

/** The long-running requests' dispatcher: `dispatcher` (watched by `liveness`) is what they use, over `raw`. */
interface Streams { dispatcher: Dispatcher; raw: Dispatcher; liveness: StreamLiveness }

interface Dispatchers { tls: TlsMaterial; requests: Dispatcher; streams: Streams }

/**
 * One context's connections to its API server: undici dispatchers built once from the TLS material
 * and reused by every request, one for ordinary requests and one for long-running ones. New TLS
 * material (an exec plugin's rotated client certificate, a re-read CA file) means new dispatchers;
 * the old ones finish what they carry and close.
 */
export class ConnectionPool {
  private current: Dispatchers | undefined;
  private destroyed = false;
  private deadStreamConnections = 0;
  private readonly suspectListeners = new Set<() => void>();

  constructor(private readonly cluster: KubeCluster, private readonly liveness: StreamLivenessOptions = {}) {}

  dispatcher(tls: TlsMaterial, longRunning: boolean): Dispatcher {
    if (this.destroyed) throw new Error('the connection to this context was closed (its kubeconfig entry changed or the app is quitting)');
    if (this.current?.tls !== tls) {
      const old = this.current;
      this.current = { tls, requests: this.create(tls, REQUEST_CONNECTIONS), streams: this.createStreams(tls) };
      if (old) { void old.requests.close().catch(() => {}); old.streams.liveness.close(); void old.streams.raw.close().catch(() => {}); }
    }
    return longRunning ? this.current.streams.dispatcher : this.current.requests;
  }

  /**
   * Sends later ordinary requests over new connections; the current ones finish what they carry (each
   * request has its deadline) and close. For a connection that stopped answering.
   */
  replaceRequestConnections(): void {
    const d = this.current;
    if (!d) return;
    const old = d.requests;
    d.requests = this.create(d.tls, REQUEST_CONNECTIONS);
    void old.close().catch(() => {});
  }

  /**
   * Sends later long-running requests over new connections and destroys the old ones, so that every
   * watch and log they carried fails now and reconnects (StreamLiveness found them dead).
   */
  private replaceStreamConnections(dead: Dispatcher, err: StreamConnectionDeadError): void {
    const d = this.current;
    if (d?.streams.raw !== dead) return;
    this.deadStreamConnections++;
    d.streams.liveness.close();
    d.streams = this.createStreams(d.tls);
    void dead.destroy(err).catch(() => {});
  }

  /** `l` is told when the streams connection's liveness probe is late (StreamLivenessOptions.onProbeLate). */
  onStreamsSuspect(l: () => void): () => void {
    this.suspectListeners.add(l);
    return () => { this.suspectListeners.delete(l); };
  }

  /**
   * The server answered on another connection during network trouble: a streams connection carrying
   * requests that has read nothing since `silentBefore` is given up now (its watches re-watch from
   * their resourceVersion on a new one) instead of after the liveness window.
   */
  giveUpSilentStreams(silentBefore: number): boolean {
    const s = this.current?.streams;
    if (!s || s.liveness.openRequests === 0 || s.liveness.silentSince >= silentBefore) return false;
    const idleMs = Date.now() - s.liveness.silentSince;
    this.replaceStreamConnections(s.raw, new StreamConnectionDeadError(idleMs, 0, undefined, true));
    return true;
  }

  /**
   * Long-running requests open on the current streams connections and the liveness probes sent for
   * them; how many streams connections were given up as dead (tests, the debug log).
   */
  streamStats(): { open: number; probes: number; deadConnections: number } {
    const s = this.current?.streams;
    return { open: s?.liveness.openRequests ?? 0, probes: s?.liveness.stats.probes ?? 0, deadConnections: this.deadStreamConnections };
  }

  /** The ordinary-request pool's counters for one origin (undici's PoolStats), for the debug log. */
  requestStats(origin: string): { connected: number; running: number; pending: number } | undefined {
    const stats = (this.current?.requests as { stats?: Record<string, { connected: number; running: number; pending: number }> } | undefined)?.stats;
    return stats?.[origin];
  }

  /** Ends every connection, in-flight requests included (the context's connection is being dropped). */
  destroy(): void {
    const d = this.current;
    this.current = undefined;
    this.destroyed = true;
    this.suspectListeners.clear();
    if (d) { void d.requests.destroy().catch(() => {}); d.streams.liveness.close(); void d.streams.raw.destroy().catch(() => {}); }
  }

  private createStreams(tls: TlsMaterial): Streams {
    const raw = this.create(tls);
    const liveness = new StreamLiveness((signal) => this.probe(raw, signal), (err) => this.replaceStreamConnections(raw, err), {
      ...this.liveness,
      onProbeLate: () => { this.liveness.onProbeLate?.(); for (const l of this.suspectListeners) l(); },
    });
    return { raw, liveness, dispatcher: raw.compose(liveness.interceptor) };
  }

  /**
   * GET /livez over `dispatcher` (undici reuses its open connection). /livez is exempt from API Priority
   * and Fairness (the default "probes" FlowSchema), so a busy server's queues do not delay it into a
   * false verdict. Sent without credentials: any answer, a 401 or 403 included, proves the connection
   * alive, and no exec plugin runs on the probe's clock. Sent underneath the liveness interceptor, so
   * it does not count as a long-running request.
   */
  private async probe(dispatcher: Dispatcher, signal: AbortSignal): Promise<void> {
    const url = new URL(this.cluster.server.replace(/\/+$/, '') + '/livez');
    const res = await dispatcher.request({ origin: url.origin, path: url.pathname, method: 'GET', signal });
    await res.body.dump();
  }

  private create(tls: TlsMaterial, connections?: number): Dispatcher {
    const common = { keepAliveTimeout: IDLE_KEEP_MS, ...(connections ? { connections } : {}) };
    const proxy = this.cluster.proxyUrl;
    if (proxy) {
      if (/^socks5h?:/i.test(proxy)) return new Socks5ProxyAgent(proxy, { ...common, requestTls: tls });
      if (/^socks/i.test(proxy)) throw new Error(`proxy-url ${proxy}: only SOCKS5 and HTTP(S) proxies are supported`);
      return new ProxyAgent({ ...common, uri: proxy, requestTls: tls });
    }
    // TCP keep-alive probes after 30 s idle, as client-go does (cloud load balancers drop idle flows at ~60 s).
    return new Agent({ ...common, connect: this.noteTlsAlerts(buildConnector({ ...tls, keepAlive: true, keepAliveInitialDelay: 30_000 })) });
  }

  private lastTlsAlert: { code: string; at: number } | undefined;

  /**
   * A TLS alert the server sent on one of this context's connections in the last 2 s. Under TLS 1.3
   * the server refuses a client certificate after the client considers the handshake done, and undici
   * then reports only "other side closed"; the socket itself names the alert.
   */
  recentTlsAlert(): string | undefined {
    const a = this.lastTlsAlert;
    return a && Date.now() - a.at < 2_000 ? a.code : undefined;
  }

  private noteTlsAlerts(connect: buildConnector.connector): buildConnector.connector {
    const note = (err: unknown) => {
      const code = (err as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && /^ERR_SSL_.*ALERT_/.test(code)) this.lastTlsAlert = { code, at: Date.now() };
    };
    return (opts, callback) => connect(opts, (err, socket) => {
      if (err) note(err);
      else socket?.on('error', note);
      (callback as (e: Error | null, s: typeof socket | null) => void)(err, socket);
    });
  }
}
