import { KubeHttp, type KubeHttpOptions } from './kubeHttp';
import { ApiError, ClientCertificateError, CredentialError, RequestTimeoutError, deepMessage } from './apiError';
import { explainNetworkFailure } from './networkFailure';
import type { ApiResourceInfo, ClusterStatus, ConnectionState } from '../../../shared/contract/clusters';
import type { ResolvedContext } from '../kubeconfig/kubeconfigTypes';
import type { PluginActivity } from './execCredential';

type Listener = (s: ClusterStatus) => void;

/**
 * One context's connection: its HTTP client, its state (connecting, ready, degraded, unauthorized,
 * unreachable, error), its version and its discovery cache. Every failure becomes a readable state of
 * this context only; other contexts keep working.
 */
export class ClusterConnection {
  readonly http: KubeHttp;
  status: ClusterStatus;
  private listeners = new Set<Listener>();
  private discoveryCache: { at: number; value: ApiResourceInfo[] } | undefined;
  private probeTimer: NodeJS.Timeout | undefined;

  private plugin: PluginActivity | undefined;
  private readonly offPlugin: () => void = () => {};

  constructor(readonly context: string, target: ResolvedContext, opts: KubeHttpOptions = {}) {
    this.http = new KubeHttp(target, opts);
    this.status = { context, state: 'idle', since: new Date().toISOString() };
    const plugin = this.http.credentialPlugin;
    if (plugin) {
      this.plugin = plugin.activity;
      this.offPlugin = plugin.onActivity((a) => this.showPlugin(a));
    }
  }

  /** The credential plugin's activity rides on the status (a long run is shown while "connecting"). */
  private showPlugin(a: PluginActivity | undefined): void {
    this.plugin = a;
    this.status = { ...this.status };
    if (a) this.status.plugin = a;
    else delete this.status.plugin;
    for (const l of this.listeners) l(this.status);
  }

  onStatus(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private set(state: ConnectionState, reason?: string, detail?: string, version?: string): void {
    const prev = this.status;
    if (prev.state === state && prev.reason === reason && (version ?? prev.version) === prev.version) return;
    this.status = { context: this.context, state, since: prev.state === state ? prev.since : new Date().toISOString() };
    if (reason) this.status.reason = reason;
    if (detail) this.status.detail = detail;
    const v = version ?? prev.version;
    if (v) this.status.version = v;
    if (this.plugin) this.status.plugin = this.plugin;
    for (const l of this.listeners) l(this.status);
  }

  /** Probes the server (version, then an authenticated call) and sets the state from what happens. */
  async probe(): Promise<ClusterStatus> {
    if (this.status.state === 'idle') this.set('connecting');
    try {
      const version = await this.http.request('GET', '/version', { timeoutMs: 10_000 });
      // /version may be open to anonymous users; /api needs real credentials.
      await this.http.request('GET', '/api', { timeoutMs: 10_000 });
      this.set('ready', undefined, undefined, version?.gitVersion);
    } catch (err) {
      this.set(...describeFailure(err));
    }
    return this.status;
  }

  /** Keeps the state current while the connection is in use. */
  startProbing(intervalMs = 10_000): void {
    if (this.probeTimer) return;
    // Only while someone watches the state: a probe may run an exec credential plugin, and a closed
    // window must not keep a failing login plugin going.
    this.probeTimer = setInterval(() => { if (this.listeners.size > 0) void this.probe(); }, intervalMs);
    this.probeTimer.unref?.();
  }

  async discovery(force = false): Promise<ApiResourceInfo[]> {
    if (!force && this.discoveryCache && Date.now() - this.discoveryCache.at < 5 * 60_000) return this.discoveryCache.value;
    const value = await fetchDiscovery(this.http);
    this.discoveryCache = { at: Date.now(), value };
    return value;
  }

  invalidateDiscovery(): void { this.discoveryCache = undefined; }

  close(): void {
    clearInterval(this.probeTimer);
    this.probeTimer = undefined;
    this.listeners.clear();
    this.offPlugin();
    this.http.close();
  }
}

export function describeFailure(err: unknown): [ConnectionState, string, string?] {
  if (err instanceof CredentialError) return ['error', err.message, err.stderr];
  if (err instanceof RequestTimeoutError) return ['unreachable', err.message];
  if (err instanceof ApiError) {
    if (err.status === 401) return ['unauthorized', 'The API server rejected the credentials (401): the token or client certificate is invalid or expired.', err.message];
    if (err.status === 403) return ['ready', ''];
    return ['degraded', `The API server answered ${err.status}: ${err.message}`];
  }
  if (err instanceof ClientCertificateError) return ['unauthorized', err.message, err.detail];
  const net = explainNetworkFailure(err);
  if (net) return [net.kind === 'rejected' ? 'unauthorized' : 'unreachable', net.message, net.detail];
  const msg = deepMessage(err);
  if (/exec|credential|plugin|ENOENT|spawn/i.test(msg)) return ['error', `The credential plugin failed: ${msg}`];
  return ['error', msg];
}

/** Aggregated discovery (one request per API group version, in parallel). */
async function fetchDiscovery(http: KubeHttp): Promise<ApiResourceInfo[]> {
  const core = await http.request('GET', '/api/v1');
  const groups = await http.request('GET', '/apis');
  const lists = await Promise.all([
    Promise.resolve({ gv: { group: '', version: 'v1' }, list: core }),
    ...(groups.groups ?? []).map(async (g: any) => {
      const pv = g.preferredVersion?.version ?? g.versions?.[0]?.version;
      try {
        return { gv: { group: g.name, version: pv }, list: await http.request('GET', `/apis/${g.name}/${pv}`) };
      } catch { return { gv: { group: g.name, version: pv }, list: { resources: [] } }; }
    }),
  ]);
  const out: ApiResourceInfo[] = [];
  for (const { gv, list } of lists) {
    for (const r of list.resources ?? []) {
      if (String(r.name).includes('/')) continue; // subresources
      out.push({
        group: gv.group, version: gv.version, resource: r.name, kind: r.kind, namespaced: !!r.namespaced,
        verbs: r.verbs ?? [], shortNames: r.shortNames, categories: r.categories,
      });
    }
  }
  return out;
}
