import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ClusterConnection } from './cluster/clusterConnection';
import { kubeconfigFiles } from './kubeconfig/kubeconfigFiles';
import { describeContext, loadKubeconfig, resolveContext, UnknownContextError, type LoadedKubeconfig } from './kubeconfig/kubeconfigLoader';
import { watchKubeconfigFiles } from './kubeconfig/kubeconfigWatcher';
import { PrefsStore } from './prefsStore';
import { WatchHub } from './watch/watchHub';
import { ContractError } from '../../shared/contract/contractError';
import type { KubeconfigState } from '../../shared/contract/clusters';

export interface CoreOptions {
  /** Folder for the app's own state (prefs); never inside kubeconfig. */
  dataDir: string;
  /** Defaults to $KUBECONFIG or ~/.kube/config, like kubectl. */
  kubeconfigFiles?: string[];
  watchKubeconfig?: boolean;
  lingerMs?: number;
}

/**
 * The main-process core: kubeconfig, one connection per context, and the shared watch hub. Everything
 * that touches a cluster, and every credential, lives here.
 */
export class Core {
  readonly files: string[];
  readonly prefs: PrefsStore;
  readonly hub: WatchHub;
  private loaded: LoadedKubeconfig;
  private readonly connections = new Map<string, { conn: ClusterConnection; fingerprint: string }>();
  private readonly kubeconfigListeners = new Set<(s: KubeconfigState) => void>();
  private readonly changedContextListeners = new Set<(context: string) => void>();
  private disposers: (() => void)[] = [];
  /** Cleanups other parts of the core register (streams, port-forwards) to run on quit. */
  readonly onDispose: (() => Promise<void> | void)[] = [];

  constructor(readonly options: CoreOptions) {
    // undici's fetch records a resource-timing entry per request (up to 250 kept) that nothing reads.
    performance.setResourceTimingBufferSize(0);
    this.files = options.kubeconfigFiles ?? kubeconfigFiles();
    this.prefs = new PrefsStore(join(options.dataDir, 'prefs.json'));
    this.loaded = loadKubeconfig(this.files);
    this.hub = new WatchHub((ctx) => this.connection(ctx), options.lingerMs);
    if (options.watchKubeconfig !== false) this.disposers.push(watchKubeconfigFiles(this.files, () => this.reload()));
  }

  kubeconfig(): KubeconfigState {
    const l = this.loaded;
    const state: KubeconfigState = {
      files: l.files,
      contexts: l.contexts.map((c) => describeContext(l, c)),
      errors: l.errors,
    };
    if (l.currentContext) state.currentContext = l.currentContext;
    const last = this.prefs.get().lastContext;
    if (last && l.contexts.some((c) => c.name === last)) state.lastContext = last;
    return state;
  }

  onKubeconfig(l: (s: KubeconfigState) => void): () => void {
    this.kubeconfigListeners.add(l);
    return () => this.kubeconfigListeners.delete(l);
  }

  /**
   * Re-reads the files; contexts whose definition changed get a fresh connection, and their open
   * subscriptions move to it (or end with the reason, when the context is gone or no longer valid).
   */
  reload(): void {
    this.loaded = loadKubeconfig(this.files);
    for (const [name, entry] of this.connections) {
      if (this.fingerprint(name) !== entry.fingerprint) {
        this.connections.delete(name);
        entry.conn.close();
        void this.hub.reconnectContext(name);
        for (const l of [...this.changedContextListeners]) l(name);
      }
    }
    const state = this.kubeconfig();
    for (const l of this.kubeconfigListeners) l(state);
  }

  /**
   * For subscriptions that hold a context's connection: `attach` runs on it now, and again on the new
   * connection after each kubeconfig change of that context (the detach it returned runs first);
   * `gone` gets the reason when the context can no longer be connected to. Throws like `connection`.
   */
  followConnection(context: string, attach: (conn: ClusterConnection) => () => void, gone: (err: unknown) => void): () => void {
    let detach = attach(this.connection(context));
    const onChanged = (changed: string) => {
      if (changed !== context) return;
      detach();
      detach = () => {};
      let conn: ClusterConnection;
      try { conn = this.connection(context); } catch (err) { gone(err); return; }
      detach = attach(conn);
    };
    this.changedContextListeners.add(onChanged);
    return () => {
      this.changedContextListeners.delete(onChanged);
      detach();
    };
  }

  private fingerprint(name: string): string {
    const ctx = this.loaded.contexts.find((c) => c.name === name);
    if (!ctx) return '';
    return JSON.stringify([ctx, this.loaded.clusters.find((c) => c.name === ctx.cluster), this.loaded.users.find((u) => u.name === ctx.user)]);
  }

  connection(context: string): ClusterConnection {
    const existing = this.connections.get(context);
    if (existing) return existing.conn;
    let target;
    try {
      target = resolveContext(this.loaded, context);
    } catch (err: any) {
      throw new ContractError(err instanceof UnknownContextError ? 'unknown-context' : 'invalid-kubeconfig', err.message);
    }
    const conn = new ClusterConnection(context, target);
    this.connections.set(context, { conn, fingerprint: this.fingerprint(context) });
    return conn;
  }

  async dispose(): Promise<void> {
    for (const d of this.disposers) d();
    this.disposers = [];
    await Promise.allSettled(this.onDispose.map((f) => f()));
    await this.hub.stopAll();
    for (const { conn } of this.connections.values()) conn.close();
    this.connections.clear();
  }
}
