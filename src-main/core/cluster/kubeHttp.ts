import { pipeline, Readable } from 'node:stream';
import { text as streamText } from 'node:stream/consumers';
import { createGunzip } from 'node:zlib';
import { Headers, type Dispatcher } from 'undici';
import type { ClientOptions as WebSocketOptions } from 'ws';
import type { ResolvedContext } from '../kubeconfig/kubeconfigTypes';
import { ApiError, ClientCertificateError, CredentialError, RequestTimeoutError, errorCode } from './apiError';
import { isGoaway } from './networkFailure';
import { ConnectionPool } from './connectionPool';
import { ContextAuth, type RequestCredentials, type TlsMaterial } from './contextAuth';
import type { ExecCredentialPlugin } from './execCredential';
import { observeResponses } from './responseObserver';
import type { StreamLivenessOptions } from './streamLiveness';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Defaults to application/json; patches name their type. */
  contentType?: string;
  accept?: string;
  signal?: AbortSignal;
  /**
   * Whole-request deadline (waiting for a connection, the answer and its body), like kubectl's
   * --request-timeout. Ordinary requests get DEFAULT_REQUEST_TIMEOUT_MS unless they name their own;
   * 0 means none. Cluster-wide LIST pages may legitimately take 30 s (SIG scalability SLO): give them more.
   */
  timeoutMs?: number;
  /** Extra request headers (Impersonate-User / Impersonate-Group for an impersonated access review). */
  headers?: Record<string, string | string[]>;
}

/**
 * An API server that accepts connections and never answers would otherwise hold each request (and one
 * of the context's 16 request connections) until undici's 5-minute header timeout, queueing every
 * later request behind it.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface KubeHttpOptions {
  /** How soon a silently dead connection under watches and followed logs is given up (tests shorten it). */
  liveness?: StreamLivenessOptions;
}

/**
 * HTTP to one context's API server: credentials resolved per request (ContextAuth: tokens, exec
 * plugins, auth providers) over connections kept per context (ConnectionPool). Status codes,
 * Retry-After and streaming are the caller's to handle.
 */
export class KubeHttp {
  private readonly auth: ContextAuth;
  private readonly pool: ConnectionPool;
  /** When an ordinary request last got an answer (any status) from this server. */
  private lastAnswerAt = 0;

  constructor(private readonly target: ResolvedContext, opts: KubeHttpOptions = {}) {
    this.auth = new ContextAuth(target.cluster, target.user);
    this.pool = new ConnectionPool(target.cluster, opts.liveness);
  }

  get server(): string { return this.target.cluster.server.replace(/\/+$/, ''); }

  url(path: string, query?: RequestOptions['query']): URL {
    const u = new URL(this.server + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v));
    return u;
  }

  /** Ordinary requests running and queued on this context's connections (the debug log). */
  poolStats(): { connected: number; running: number; pending: number } | undefined {
    return this.pool.requestStats(new URL(this.server).origin);
  }

  /** Told when the liveness probe of the watches' connection is late (see ConnectionPool.onStreamsSuspect). */
  onStreamsSuspect(l: () => void): () => void { return this.pool.onStreamsSuspect(l); }

  /** See ConnectionPool.giveUpSilentStreams: the server is back, a streams connection silent since the trouble is dead. */
  giveUpSilentStreams(silentBefore: number): boolean { return this.pool.giveUpSilentStreams(silentBefore); }

  /** Long-running requests open, liveness probes sent, streams connections given up as dead (ConnectionPool). */
  streamStats(): { open: number; probes: number; deadConnections: number } { return this.pool.streamStats(); }

  /** The exec credential plugin command of this context's user, if any. */
  get execCommand(): string | undefined { return this.auth.execCommand; }

  /** This request's credentials; exec plugins run here, in the main process. */
  private async credentials(): Promise<RequestCredentials> {
    try {
      return await this.auth.resolve();
    } catch (err: any) {
      if (err instanceof CredentialError || err instanceof ClientCertificateError) throw err;
      const message = String(err?.message ?? err).trim();
      throw new CredentialError(`Getting credentials failed: ${message || 'no error output'}`, this.execCommand, message);
    }
  }

  /**
   * Forgets cached exec-plugin credentials, so the next request runs the plugin again (after a 401 the
   * cached token may have been revoked before its stated expiry).
   */
  invalidateCredentials(): boolean { return this.auth.invalidate(); }

  async request<T = any>(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.raw(method, path, opts);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * Sends a request and throws ApiError for non-2xx answers; a 401 refreshes exec credentials and
   * retries once. An HTTP/2 GOAWAY that ended the connection under a read before any answer (kube-apiserver
   * closes a connection after answering 401 to it) is retried once on a new connection, so the caller
   * gets the server's real answer instead of a transport error.
   */
  async raw(method: HttpMethod, path: string, opts: RequestOptions = {}): Promise<KubeResponse> {
    try {
      return await this.rawOnce(method, path, opts);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && this.invalidateCredentials()) return this.rawOnce(method, path, opts);
      if (isGoaway(err) && (method === 'GET' || method === 'HEAD') && !opts.signal?.aborted) return this.rawOnce(method, path, opts);
      throw err;
    }
  }

  private async rawOnce(method: HttpMethod, path: string, opts: RequestOptions): Promise<KubeResponse> {
    const url = this.url(path, opts.query);
    const { headers: pairs, tls } = await this.credentials();
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of pairs) {
      const prev = headers[k];
      headers[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
    }
    for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
    headers.accept = opts.accept ?? 'application/json';
    // As fetch asked before: large LISTs come gzipped (toResponse undoes it).
    headers['accept-encoding'] = 'gzip';
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] = opts.contentType ?? 'application/json';
    }
    // The API server's own notion of a long-running request: watches and followed logs.
    const longRunning = isTruthy(opts.query?.watch) || isTruthy(opts.query?.follow);
    // Watches and logs keep their own bounds (inactivity timers, the server's timeoutSeconds); the API
    // server applies no request timeout to pods/log either, followed or not.
    const timeoutMs = opts.timeoutMs ?? (longRunning || /\/log$/.test(path) ? 0 : DEFAULT_REQUEST_TIMEOUT_MS);
    const signals: AbortSignal[] = [];
    if (opts.signal) signals.push(opts.signal);
    const limit = timeoutMs ? deadline(timeoutMs, () => new RequestTimeoutError(this.server, method, path, timeoutMs)) : undefined;
    if (limit) signals.push(limit.signal);
    let dispatcher = this.pool.dispatcher(tls, longRunning);
    // The deadline's timer goes when the answer has arrived in full or failed, not 30 s later.
    if (limit) dispatcher = dispatcher.compose(observeResponses(() => ({ onSettled: () => limit.clear() })));
    const started = Date.now();
    let res: KubeResponse;
    try {
      // dispatcher.request, not fetch: the WHATWG fetch standard refuses "bad ports" (6000, 6666, 10080…),
      // and an API server may listen on one; kubectl reaches it, so must we.
      const signal = signals.length ? AbortSignal.any(signals) : undefined;
      const pending = dispatcher.request({ origin: url.origin, path: url.pathname + url.search, method, headers, body, signal });
      res = toResponse(await (signal ? untilAborted(pending, signal) : pending));
    } catch (err) {
      limit?.clear();
      // Over HTTP/2 every ordinary request shares one connection, and aborting a request leaves that
      // connection up: if it carried no answer at all while this request waited, it is presumed dead
      // (client-go closes such connections after a failed HTTP/2 ping) and later requests get a new one.
      if (err instanceof RequestTimeoutError && !longRunning && this.lastAnswerAt < started) this.pool.replaceRequestConnections();
      const alert = this.pool.recentTlsAlert();
      if (alert && ['UND_ERR_SOCKET', 'UND_ERR_INFO', 'UND_ERR_CLOSED', 'ECONNRESET'].includes(errorCode(err) ?? '')) {
        throw Object.assign(new Error(`the server ended the TLS connection with the alert ${alert}`, { cause: err }), { code: alert });
      }
      throw err;
    }
    if (!longRunning) this.lastAnswerAt = Date.now();
    if (res.status >= 300) throw await apiErrorFrom(res);
    return res;
  }

  /** Options for a WebSocket to this server (exec, port-forward): the same credentials and TLS as requests. */
  async webSocketOptions(): Promise<WebSocketOptions> {
    const { headers: pairs, tls } = await this.credentials();
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of pairs) {
      const prev = headers[k];
      headers[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
    }
    const opts: WebSocketOptions = { ...tls, headers: headers as WebSocketOptions['headers'] };
    if (this.target.cluster.proxyUrl) opts.agent = await proxyAgentFor(this.target.cluster, tls);
    return opts;
  }

  /** The exec credential plugin of this context's user, if any (its activity, cancel, retry). */
  get credentialPlugin(): ExecCredentialPlugin | undefined { return this.auth.plugin; }

  /** Ends this context's connections (the connection is being dropped). */
  close(): void { this.pool.destroy(); this.auth.close(); }
}

/**
 * A signal that aborts with the given error after `ms` (fetch rejects, and a body still arriving
 * fails, with that error), and the means to cancel it once the request is over.
 */
function deadline(ms: number, error: () => Error): { signal: AbortSignal; clear(): void } {
  const c = new AbortController();
  const t = setTimeout(() => c.abort(error()), ms);
  t.unref?.();
  return { signal: c.signal, clear: () => clearTimeout(t) };
}

/**
 * The request's promise, or the signal's reason as soon as it aborts. undici's request() honours the
 * signal once a connection carries the request, but not while it is still connecting (a frozen or
 * unreachable server): a 2 s deadline would otherwise wait out the 10 s connect timeout (fetch did not).
 */
function untilAborted(pending: Promise<Dispatcher.ResponseData>, signal: AbortSignal): Promise<Dispatcher.ResponseData> {
  if (signal.aborted) {
    pending.then((r) => r.body.destroy(), () => {});
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      // An answer that still arrives is nobody's: free its connection stream.
      pending.then((r) => r.body.destroy(), () => {});
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (r) => { signal.removeEventListener('abort', onAbort); resolve(r); },
      (e) => { signal.removeEventListener('abort', onAbort); reject(e); },
    );
  });
}

/** An API server's answer: what the callers read of it (status, headers, the body as text or as a stream). */
export interface KubeResponse {
  status: number;
  statusText: string;
  headers: Headers;
  /** The body as a web stream (watches, logs); read it or `text()`, not both. */
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

function toResponse(r: Dispatcher.ResponseData): KubeResponse {
  const headers = new Headers();
  for (const [k, v] of Object.entries(r.headers)) {
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else if (v !== undefined) headers.set(k, v);
  }
  // kube-apiserver gzips large answers to clients that accept it; an abort or a cut connection
  // destroys r.body, and pipeline passes that error (the request's deadline included) on.
  const gzip = headers.get('content-encoding') === 'gzip';
  const body: Readable = gzip ? pipeline(r.body, createGunzip(), () => {}) : r.body;
  let stream: ReadableStream<Uint8Array> | undefined;
  return {
    status: r.statusCode,
    statusText: (r as { statusText?: string }).statusText ?? '',
    headers,
    get body() { return (stream ??= Readable.toWeb(body) as ReadableStream<Uint8Array>); },
    text: () => (gzip ? streamText(body) : r.body.text()),
  };
}

const isTruthy = (v: unknown) => v !== undefined && v !== false && v !== 0 && v !== 'false' && v !== '0';

/**
 * An https.Agent through the cluster's proxy-url for WebSockets (undici's proxy agents cover plain
 * requests). Rare enough to borrow client-node's, loaded on first use: its module pulls in the
 * generated API, which nothing else needs.
 */
async function proxyAgentFor(cluster: ResolvedContext['cluster'], tls: TlsMaterial): Promise<WebSocketOptions['agent']> {
  const { KubeConfig } = await import('@kubernetes/client-node/dist/config.js');
  const kc = new KubeConfig();
  const b64 = (b?: Buffer) => b?.toString('base64');
  kc.loadFromOptions({
    clusters: [{ name: cluster.name, server: cluster.server, proxyUrl: cluster.proxyUrl, caData: b64(tls.ca), skipTLSVerify: tls.rejectUnauthorized === false, tlsServerName: tls.servername }],
    users: [{ name: 'tls', certData: b64(tls.cert), keyData: b64(tls.key) }],
    contexts: [{ name: 'websocket', cluster: cluster.name, user: 'tls' }],
    currentContext: 'websocket',
  });
  const opts: { agent?: WebSocketOptions['agent'] } = {};
  await kc.applyToHTTPSOptions(opts as any);
  return opts.agent;
}

export async function apiErrorFrom(res: { status: number; statusText: string; headers: { get(n: string): string | null }; text(): Promise<string> }): Promise<ApiError> {
  const retryAfter = Number(res.headers.get('retry-after'));
  let body: any;
  const text = await res.text().catch(() => '');
  try { body = JSON.parse(text); } catch { body = undefined; }
  const message = body?.message ?? (text.slice(0, 500) || `${res.status} ${res.statusText}`);
  return new ApiError(res.status, message, body?.reason, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined, body);
}
