import type { KubeConfig } from '@kubernetes/client-node';
import { ExecAuth } from '@kubernetes/client-node/dist/exec_auth.js';
import { RequestContext, HttpMethod } from '@kubernetes/client-node/dist/gen/http/http.js';
import { fetch, type Dispatcher } from 'undici';
import { ApiError, CredentialError } from './apiError';

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Defaults to application/json; patches name their type. */
  contentType?: string;
  accept?: string;
  signal?: AbortSignal;
  /** Whole-request timeout; cluster-wide LISTs may legitimately take 30 s (SIG scalability SLO). */
  timeoutMs?: number;
}

/**
 * HTTP to one context's API server on @kubernetes/client-node's plumbing: it resolves TLS, tokens,
 * exec plugins and OIDC (applySecurityAuthentication) and gives an undici dispatcher; we make the
 * request ourselves so that status codes, Retry-After and streaming are ours to handle.
 */
export class KubeHttp {
  constructor(private readonly kc: KubeConfig) {}

  get server(): string {
    const c = this.kc.getCurrentCluster();
    if (!c) throw new Error('context has no cluster');
    return c.server.replace(/\/+$/, '');
  }

  url(path: string, query?: RequestOptions['query']): URL {
    const u = new URL(this.server + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v));
    return u;
  }

  /** The exec credential plugin command of this context's user, if any. */
  get execCommand(): string | undefined {
    const exec: any = (this.kc.getCurrentUser() as any)?.exec;
    return exec ? [exec.command, ...(exec.args ?? [])].join(' ') : undefined;
  }

  /** Auth headers and the TLS dispatcher, from client-node (exec plugins run here, in the main process). */
  async auth(url: URL, method: HttpMethod): Promise<{ headers: Record<string, string>; dispatcher: Dispatcher | undefined }> {
    const ctx = new RequestContext(url.toString(), method);
    try {
      await this.kc.applySecurityAuthentication(ctx);
    } catch (err: any) {
      const what = this.execCommand ? `The credential plugin \`${this.execCommand}\` failed` : 'Getting credentials failed';
      const stderr = String(err?.message ?? err).trim();
      throw new CredentialError(`${what}: ${stderr || 'no error output'}`, this.execCommand, stderr);
    }
    return { headers: ctx.getHeaders(), dispatcher: ctx.getDispatcher() as Dispatcher | undefined };
  }

  /**
   * Forgets cached exec-plugin credentials, so the next request runs the plugin again (after a 401 the
   * cached token may have been revoked before its stated expiry).
   */
  invalidateCredentials(): boolean {
    const exec = (this.kc as any).authenticators?.find((a: unknown) => a instanceof ExecAuth);
    const user = this.kc.getCurrentUser();
    if (!exec || !user || !(user as any).exec) return false;
    delete exec.tokenCache?.[user.name];
    return true;
  }

  async request<T = any>(method: keyof typeof HttpMethod, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.raw(method, path, opts);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Sends a request and throws ApiError for non-2xx answers; a 401 refreshes exec credentials and retries once. */
  async raw(method: keyof typeof HttpMethod, path: string, opts: RequestOptions = {}) {
    try {
      return await this.rawOnce(method, path, opts);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && this.invalidateCredentials()) return this.rawOnce(method, path, opts);
      throw err;
    }
  }

  private async rawOnce(method: keyof typeof HttpMethod, path: string, opts: RequestOptions) {
    const url = this.url(path, opts.query);
    const { headers, dispatcher } = await this.auth(url, HttpMethod[method]);
    headers['Accept'] = opts.accept ?? 'application/json';
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['Content-Type'] = opts.contentType ?? 'application/json';
    }
    const signals: AbortSignal[] = [];
    if (opts.signal) signals.push(opts.signal);
    if (opts.timeoutMs) signals.push(AbortSignal.timeout(opts.timeoutMs));
    const res = await fetch(url, {
      method, headers, body, dispatcher,
      signal: signals.length ? AbortSignal.any(signals) : undefined,
    });
    if (res.status >= 300) throw await apiErrorFrom(res);
    return res;
  }
}

export async function apiErrorFrom(res: { status: number; statusText: string; headers: { get(n: string): string | null }; text(): Promise<string> }): Promise<ApiError> {
  const retryAfter = Number(res.headers.get('retry-after'));
  let body: any;
  const text = await res.text().catch(() => '');
  try { body = JSON.parse(text); } catch { body = undefined; }
  const message = body?.message ?? (text.slice(0, 500) || `${res.status} ${res.statusText}`);
  return new ApiError(res.status, message, body?.reason, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined, body);
}
