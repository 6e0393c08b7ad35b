import type { Core } from './core';
import type { Handlers } from './handlers';
import { toContractError } from './cluster/apiError';
import { rememberTyped, toggleFavourite } from './prefsStore';
import { accessReview } from './actions/accessCheck';

/** kubeconfig, connections, discovery, access reviews and prefs. */
export function clusterHandlers(core: Core): Handlers {
  return {
    methods: {
      'kubeconfig.get': async () => core.kubeconfig(),
      'cluster.connect': async ({ context }) => {
        // Also the user's "Retry": every list of the context waiting to retry does so now.
        core.link(context).retryNow();
        const conn = core.connection(context);
        const status = await conn.probe();
        conn.startProbing();
        core.prefs.update((p) => { p.lastContext = context; });
        return status;
      },
      'cluster.status': async ({ context }) => core.connection(context).status,
      'cluster.discovery': async ({ context }) => core.connection(context).discovery(),
      'cluster.credentials.cancel': async ({ context }) => {
        const conn = core.connection(context);
        conn.http.credentialPlugin?.cancel();
        return conn.status;
      },
      'cluster.credentials.retry': async ({ context }) => {
        const conn = core.connection(context);
        conn.http.credentialPlugin?.retryNow();
        // Not awaited: the plugin may now wait minutes for a browser login; its progress arrives on cluster.watch.
        void conn.probe();
        return conn.status;
      },
      'cluster.access': async ({ context, checks }) => {
        const http = core.connection(context).http;
        return Promise.all(checks.map(async (c) => {
          const review = await accessReview(http, { resourceAttributes: c });
          const out: { allowed: boolean; reason?: string } = { allowed: review.allowed };
          if (review.reason) out.reason = review.reason;
          return out;
        }));
      },
      'prefs.get': async ({ context }) => {
        const ns = core.prefs.get().namespaces[context];
        const typed = core.prefs.get().typedNamespaces[context];
        const favourites = core.prefs.get().favouriteNamespaces[context];
        return { ...(ns ? { namespace: ns } : {}), ...(typed?.length ? { typedNamespaces: typed } : {}), ...(favourites?.length ? { favouriteNamespaces: favourites } : {}) };
      },
      'prefs.favourite': async ({ context, namespace, favourite }) => {
        const next = toggleFavourite(core.prefs.get().favouriteNamespaces[context], namespace, favourite);
        core.prefs.update((p) => { if (next.length) p.favouriteNamespaces[context] = next; else delete p.favouriteNamespaces[context]; });
        return { favouriteNamespaces: next };
      },
      'prefs.set': async ({ context, namespace, typedNamespace }) => {
        core.prefs.update((p) => {
          if (typedNamespace) p.typedNamespaces[context] = rememberTyped(p.typedNamespaces[context], typedNamespace);
          if (namespace === undefined) delete p.namespaces[context];
          else p.namespaces[context] = namespace;
        });
        return { ok: true as const };
      },
    },
    topics: {
      'kubeconfig.watch': (_p, sink) => {
        sink.emit(core.kubeconfig());
        return core.onKubeconfig((s) => sink.emit(s));
      },
      'cluster.watch': ({ context }, sink) => {
        // The context's link outlives kubeconfig rewrites: a new connection behind it starts over from
        // its own state (and is probed); a context gone ends the subscription with the reason.
        const follow = (): (() => void) => {
          const link = core.link(context);
          let offStatus = () => {};
          const attach = () => {
            offStatus();
            const conn = link.connection;
            sink.emit(conn.status);
            offStatus = conn.onStatus((s) => sink.emit(s));
            if (conn.status.state === 'idle') void conn.probe().then(() => conn.startProbing());
          };
          attach();
          const unlink = link.onChange((change) => {
            if (change.type === 'replaced') return attach();
            offStatus();
            sink.end(toContractError(change.error));
          });
          return () => { unlink(); offStatus(); };
        };
        let off: (() => void) | undefined;
        let offFix: (() => void) | undefined;
        try {
          off = follow();
        } catch (err) {
          // A context kubectl would refuse is a state to show (with kubectl's reason), not a silent end;
          // once the file is fixed, the context connects.
          const e = toContractError(err);
          if (e.code !== 'invalid-kubeconfig') throw err;
          sink.emit({ context, state: 'error', reason: e.message, since: new Date().toISOString() });
          offFix = core.onKubeconfig(() => {
            if (off) return;
            try { off = follow(); offFix?.(); } catch (again) { sink.emit({ context, state: 'error', reason: toContractError(again).message, since: new Date().toISOString() }); }
          });
        }
        // The context a window shows is the one to reopen on next start.
        if (core.prefs.get().lastContext !== context) core.prefs.update((p) => { p.lastContext = context; });
        return () => { off?.(); offFix?.(); };
      },
    },
  };
}
