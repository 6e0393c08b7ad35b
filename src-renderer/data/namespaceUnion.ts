// Several namespaces shown at once (the picker's multi-select, `ns=a,b` in the URL): one watch per
// namespace, merged into the one stream of snapshot/delta/freshness events a single watch gives, so
// every view that takes a live list shows the union unchanged. Per-namespace watches work for a user
// who may not list cluster-wide, and cost no more than one cluster-wide watch filtered.
import type { Freshness, TableColumn, WatchEvent, WatchParams } from '../../shared/contract/resources';

export interface WatchHandlers { onEvent(e: WatchEvent): void; onEnd(err?: Error): void }
export type OpenWatch = (params: WatchParams, h: WatchHandlers) => { close(): void };

/** `a,b` → ['a', 'b']; a single name or none → undefined (not a union). */
export function namespaceList(namespace: string | undefined): string[] | undefined {
  if (!namespace?.includes(',')) return undefined;
  const list = [...new Set(namespace.split(',').map((n) => n.trim()).filter(Boolean))];
  return list.length > 1 ? list : undefined;
}

/** Worst first: the union is as fresh as its least fresh part. */
const ORDER: Freshness['state'][] = ['error', 'unauthorized', 'forbidden', 'stale', 'reconnecting', 'syncing', 'live'];

export function mergeFreshness(parts: ReadonlyMap<string, Freshness | undefined>): Freshness | undefined {
  let worst: { ns: string; f: Freshness } | undefined;
  for (const [ns, f] of parts) {
    if (!f) return { state: 'syncing', since: new Date().toISOString() };
    if (!worst || ORDER.indexOf(f.state) < ORDER.indexOf(worst.f.state)) worst = { ns, f };
  }
  if (!worst) return undefined;
  if (worst.f.state === 'live') return worst.f;
  return { ...worst.f, reason: `namespace ${worst.ns}: ${worst.f.reason ?? worst.f.state}` };
}

/**
 * Opens one watch per namespace of `params.namespace` (`a,b`) and merges them: one snapshot once every
 * namespace has listed; after that a namespace's resync becomes a delta (its new items, its vanished
 * uids deleted); freshness is the worst part's. A single namespace is passed straight through.
 */
export function openNamespaceUnion(open: OpenWatch, params: WatchParams, h: WatchHandlers): { close(): void } {
  const list = namespaceList(params.namespace);
  if (!list) return open(params, h);
  const uidsOf = new Map<string, Set<string>>(list.map((ns) => [ns, new Set()]));
  const pending = new Map<string, unknown[]>();
  const fresh = new Map<string, Freshness | undefined>(list.map((ns) => [ns, undefined]));
  let columns: TableColumn[] | undefined;
  let started = false;
  let ended = false;
  const uid = (x: unknown) => (x as { uid: string }).uid;
  let subs: { close(): void }[] = [];
  subs = list.map((ns) => open({ ...params, namespace: ns }, {
    onEvent(e) {
      if (ended) return;
      if (e.type !== 'freshness' && e.columns) columns = e.columns;
      if (e.type !== 'delta') fresh.set(ns, e.freshness);
      const freshness = mergeFreshness(fresh);
      if (e.type === 'snapshot') {
        const mine = uidsOf.get(ns)!;
        const now = new Set(e.items.map(uid));
        if (!started) {
          pending.set(ns, e.items);
          uidsOf.set(ns, now);
          if (pending.size < list.length) return;
          started = true;
          h.onEvent({ type: 'snapshot', items: [...pending.values()].flat(), freshness: freshness!, ...(columns ? { columns } : {}) });
          pending.clear();
          return;
        }
        const deletes = [...mine].filter((u) => !now.has(u));
        uidsOf.set(ns, now);
        h.onEvent({ type: 'delta', upserts: e.items, deletes, ...(columns ? { columns } : {}) });
        if (freshness) h.onEvent({ type: 'freshness', freshness });
        return;
      }
      if (e.type === 'delta') {
        const mine = uidsOf.get(ns)!;
        for (const u of e.upserts) mine.add(uid(u));
        for (const d of e.deletes) mine.delete(d);
        if (!started) {
          // Before the union's first snapshot: fold into this namespace's pending list.
          const items = new Map((pending.get(ns) ?? []).map((x) => [uid(x), x]));
          for (const u of e.upserts) items.set(uid(u), u);
          for (const d of e.deletes) items.delete(d);
          if (pending.has(ns)) pending.set(ns, [...items.values()]);
          return;
        }
        h.onEvent(e);
        return;
      }
      if (started && freshness) h.onEvent({ type: 'freshness', freshness });
    },
    onEnd(err) {
      if (ended) return;
      ended = true;
      for (const s of subs) s.close();
      h.onEnd(err ? new Error(`namespace ${ns}: ${err.message}`) : undefined);
    },
  }));
  return { close() { ended = true; for (const s of subs) s.close(); } };
}
