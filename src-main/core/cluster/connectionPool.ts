import { Agent, ProxyAgent, Socks5ProxyAgent, type Dispatcher } from 'undici';
import type { KubeCluster } from '../kubeconfig/kubeconfigTypes';
import type { TlsMaterial } from './contextAuth';

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

interface Dispatchers { tls: TlsMaterial; requests: Dispatcher; streams: Dispatcher }

/**
 * One context's connections to its API server: undici dispatchers built once from the TLS material
 * and reused by every request, one for ordinary requests and one for long-running ones. New TLS
 * material (an exec plugin's rotated client certificate, a re-read CA file) means new dispatchers;
 * the old ones finish what they carry and close.
 */
export class ConnectionPool {
  private current: Dispatchers | undefined;
  private destroyed = false;

  constructor(private readonly cluster: KubeCluster) {}

  dispatcher(tls: TlsMaterial, longRunning: boolean): Dispatcher {
    if (this.destroyed) throw new Error('the connection to this context was closed (its kubeconfig entry changed or the app is quitting)');
    if (this.current?.tls !== tls) {
      const old = this.current;
      this.current = { tls, requests: this.create(tls, REQUEST_CONNECTIONS), streams: this.create(tls) };
      if (old) { void old.requests.close().catch(() => {}); void old.streams.close().catch(() => {}); }
    }
    return longRunning ? this.current.streams : this.current.requests;
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
    if (d) { void d.requests.destroy().catch(() => {}); void d.streams.destroy().catch(() => {}); }
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
    return new Agent({ ...common, connect: { ...tls, keepAlive: true, keepAliveInitialDelay: 30_000 } });
  }
}
