// Several watches shown as one live list: the parts of a union are namespaces (`ns=a,b`) or clusters
// (contexts shown together). Each part is its own watch; the union gives the one stream of
// snapshot/delta/freshness events a single watch gives, so a view that takes a live list shows the union
// unchanged. Freshness is the worst part's, naming it, and carries every part's own (`parts`), so a view
// can say which rows are behind.
import type { Freshness, TableColumn, WatchEvent, WatchParams } from '../../shared/contract/resources';
import { worstFreshness } from '../../shared/model/freshness';

export interface WatchHandlers { onEvent(e: WatchEvent): void; onEnd(err?: Error): void }
export type OpenWatch = (params: WatchParams, h: WatchHandlers) => { close(): void };

/** The union's freshness: the worst part's (its reason naming the part), and each part's own by key. */
export type UnionFreshness = Freshness & { parts?: Record<string, Freshness> };

export interface UnionPart {
  /** Unique within the union (a namespace, a context). */
  key: string;
  /** How the part is named in reasons ("namespace a", "cluster prod"). */
  label: string;
  params: WatchParams;
}

export interface UnionOptions {
  /**
   * What the union shows of a part's item (the cluster union tags rows with their context), and how a
   * part's uid becomes the union's (`tag`'s item carries that uid): both or neither.
   */
  tag?(item: unknown, key: string): unknown;
  rekey?(uid: string, key: string): string;
  /**
   * How the union treats a part that cannot list: `wait` (namespaces) holds the first snapshot until
   * every part listed and ends the union when one part ends; `isolate` (clusters) starts once every part
   * listed or said why it cannot, and a part that ends only loses its rows, with its reason.
   */
  trouble: 'wait' | 'isolate';
}

const SETTLED: ReadonlySet<Freshness['state']> = new Set(['live', 'reconnecting', 'stale', 'forbidden', 'unauthorized', 'error']);

/** The worst of the parts (syncing while any part has said nothing yet), named, with every part's own. */
export function mergeFreshness(parts: ReadonlyMap<string, Freshness | undefined>, label: (key: string) => string = (k) => k): UnionFreshness | undefined {
  if (parts.size === 0) return undefined;
  const own: Record<string, Freshness> = {};
  const named: (Freshness & { key: string })[] = [];
  for (const [key, f] of parts) {
    if (!f) return { state: 'syncing', since: new Date().toISOString(), parts: own };
    own[key] = f;
    named.push({ ...f, key });
  }
  const worst = worstFreshness(named)!;
  const { key, ...f } = worst;
  if (f.state === 'live') return { ...f, parts: own };
  return { ...f, reason: `${label(key)}: ${f.reason ?? f.state}`, parts: own };
}

/**
 * Opens one watch per part and merges them: one snapshot once the parts are in (see `trouble`); after
 * that a part's resync becomes a delta (its new items, its vanished uids deleted); freshness is the
 * worst part's. One part is passed straight through.
 */
export function openWatchUnion(open: OpenWatch, parts: readonly UnionPart[], h: WatchHandlers, opts: UnionOptions): { close(): void } {
  const tag = opts.tag ?? ((x: unknown) => x);
  const rekey = opts.rekey ?? ((uid: string) => uid);
  const uidOf = (x: unknown) => (x as { uid: string }).uid;
  const labelOf = new Map(parts.map((p) => [p.key, p.label]));
  const uidsOf = new Map<string, Set<string>>(parts.map((p) => [p.key, new Set()]));
  const pending = new Map<string, Map<string, unknown>>();
  const fresh = new Map<string, Freshness | undefined>(parts.map((p) => [p.key, undefined]));
  const settled = new Set<string>();
  let columns: TableColumn[] | undefined;
  let started = false;
  let ended = false;
  const merged = () => mergeFreshness(fresh, (k) => labelOf.get(k) ?? k);

  /** The first snapshot, once every part has listed (or, isolating, said why it cannot). */
  const maybeStart = () => {
    if (started || settled.size < parts.length) return;
    started = true;
    const items = [...pending.values()].flatMap((m) => [...m.values()]);
    pending.clear();
    h.onEvent({ type: 'snapshot', items, freshness: merged()!, ...(columns ? { columns } : {}) });
  };

  const onPartEvent = (key: string, e: WatchEvent) => {
    if (ended) return;
    if (e.type !== 'freshness' && e.columns) columns = e.columns;
    if (e.type !== 'delta') fresh.set(key, e.freshness);
    const mine = uidsOf.get(key)!;
    if (e.type === 'snapshot') {
      const items = e.items.map((x) => tag(x, key));
      const now = new Set(items.map((x) => uidOf(x)));
      if (!started) {
        pending.set(key, new Map(items.map((x) => [uidOf(x), x])));
        uidsOf.set(key, now);
        settled.add(key);
        maybeStart();
        return;
      }
      const deletes = [...mine].filter((u) => !now.has(u));
      uidsOf.set(key, now);
      h.onEvent({ type: 'delta', upserts: items, deletes, ...(columns ? { columns } : {}) });
      h.onEvent({ type: 'freshness', freshness: merged()! });
      return;
    }
    if (e.type === 'delta') {
      const upserts = e.upserts.map((x) => tag(x, key));
      const deletes = opts.rekey ? e.deletes.map((d) => rekey(d, key)) : e.deletes;
      for (const u of upserts) mine.add(uidOf(u));
      for (const d of deletes) mine.delete(d);
      if (!started) {
        // Before the union's first snapshot: fold into this part's pending list (if it has listed).
        const items = pending.get(key);
        if (items) {
          for (const u of upserts) items.set(uidOf(u), u);
          for (const d of deletes) items.delete(d);
        }
        return;
      }
      h.onEvent({ type: 'delta', upserts, deletes, ...(e.columns ? { columns: e.columns } : {}) });
      return;
    }
    if (!started) {
      if (opts.trouble === 'isolate' && SETTLED.has(e.freshness.state) && e.freshness.state !== 'live') {
        settled.add(key);
        if (!pending.has(key)) pending.set(key, new Map());
        maybeStart();
      }
      return;
    }
    h.onEvent({ type: 'freshness', freshness: merged()! });
  };

  const onPartEnd = (key: string, err?: Error) => {
    if (ended) return;
    const label = labelOf.get(key) ?? key;
    if (opts.trouble === 'wait') {
      ended = true;
      for (const s of subs) s.close();
      h.onEnd(err ? new Error(`${label}: ${err.message}`) : undefined);
      return;
    }
    // Isolating: this part's rows go, the others stay; the freshness says why.
    fresh.set(key, { state: 'error', since: new Date().toISOString(), reason: err?.message ?? 'the watch ended' });
    const gone = [...uidsOf.get(key)!];
    uidsOf.set(key, new Set());
    settled.add(key);
    if (!started) { pending.set(key, new Map()); maybeStart(); return; }
    if (gone.length) h.onEvent({ type: 'delta', upserts: [], deletes: gone });
    h.onEvent({ type: 'freshness', freshness: merged()! });
  };

  if (parts.length === 1 && !opts.tag) return open(parts[0].params, h);
  let subs: { close(): void }[] = [];
  subs = parts.map((p) => open(p.params, { onEvent: (e) => onPartEvent(p.key, e), onEnd: (err) => onPartEnd(p.key, err) }));
  return { close() { ended = true; for (const s of subs) s.close(); } };
}
