import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ClusterConnection } from './cluster/clusterConnection';
import { ContextLink } from './cluster/contextLink';
import type { KubeHttpOptions } from './cluster/kubeHttp';
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
  /** Connection tuning (tests shorten the stream liveness window). */
  http?: KubeHttpOptions;
}

/** A kind of per-core state: `core.state(KEY)` makes it with `create` once per core (cleanups go to `core.onDispose`). */
export interface CoreState<T> { readonly name: string; create(core: Core): T }

/**
 * The main-process core: kubeconfig, one connection per context, and the shared watch hub. Everything
 * that touches a cluster, and every credential, lives here.
 */
export class Core {
  readonly files: string[];
  readonly prefs: PrefsStore;
  readonly hub: WatchHub;
  private loaded: LoadedKubeconfig;
  private readonly links = new Map<string, { link: ContextLink; fingerprint: string }>();
  private readonly kubeconfigListeners = new Set<(s: KubeconfigState) => void>();
  private disposers: (() => void)[] = [];
  private readonly states = new Map<CoreState<unknown>, unknown>();
  /** Cleanups other parts of the core register (streams, port-forwards) to run on quit. */
  readonly onDispose: (() => Promise<void> | void)[] = [];

  constructor(readonly options: CoreOptions) {
    // undici's fetch records a resource-timing entry per request (up to 250 kept) that nothing reads.
    performance.setResourceTimingBufferSize(0);
    this.files = options.kubeconfigFiles ?? kubeconfigFiles();
    this.prefs = new PrefsStore(join(options.dataDir, 'prefs.json'));
    this.loaded = loadKubeconfig(this.files);
    this.hub = new WatchHub((ctx) => this.link(ctx), options.lingerMs);
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
   * Re-reads the files. A context whose definition changed gets a new connection behind its link
   * (`replaced`: reflectors relist on it, followed logs resume on it); a context that can no longer be
   * connected to (removed, invalid) ends its link (`gone`: every subscription ends with the reason).
   */
  reload(): void {
    this.loaded = loadKubeconfig(this.files);
    for (const [name, entry] of this.links) {
      const fingerprint = this.fingerprint(name);
      if (fingerprint === entry.fingerprint) continue;
      let next: ClusterConnection;
      try {
        next = this.newConnection(name);
      } catch (err) {
        this.links.delete(name);
        entry.link.end(err as Error);
        continue;
      }
      entry.fingerprint = fingerprint;
      entry.link.replace(next);
    }
    const state = this.kubeconfig();
    for (const l of this.kubeconfigListeners) l(state);
  }

  /**
   * This core's own instance of a piece of per-core state (the activity log, Applications, open streams,
   * node shells), made on first use: the one home for state that lives as long as a core.
   */
  state<T>(key: CoreState<T>): T {
    if (!this.states.has(key)) this.states.set(key, key.create(this));
    return this.states.get(key) as T;
  }

  private fingerprint(name: string): string {
    const ctx = this.loaded.contexts.find((c) => c.name === name);
    if (!ctx) return '';
    return JSON.stringify([ctx, this.loaded.clusters.find((c) => c.name === ctx.cluster), this.loaded.users.find((u) => u.name === ctx.user)]);
  }

  private newConnection(context: string): ClusterConnection {
    try {
      return new ClusterConnection(context, resolveContext(this.loaded, context), this.options.http);
    } catch (err: any) {
      throw new ContractError(err instanceof UnknownContextError ? 'unknown-context' : 'invalid-kubeconfig', err.message);
    }
  }

  /**
   * The context's link: the one object that outlives kubeconfig rewrites (late-bound `http`, a
   * generation, `replaced | gone`). Throws a ContractError when the context cannot be connected to.
   */
  link(context: string): ContextLink {
    const existing = this.links.get(context);
    if (existing) return existing.link;
    const link = new ContextLink(context, this.newConnection(context));
    this.links.set(context, { link, fingerprint: this.fingerprint(context) });
    return link;
  }

  /** The context's current connection, for one-shot requests (a later one may go elsewhere after a rewrite). */
  connection(context: string): ClusterConnection {
    return this.link(context).connection;
  }

  async dispose(): Promise<void> {
    for (const d of this.disposers) d();
    this.disposers = [];
    await Promise.allSettled(this.onDispose.map((f) => f()));
    await this.hub.stopAll();
    for (const { link } of this.links.values()) link.close();
    this.links.clear();
  }
}
