// The palette's object index: name, namespace and labels of every object the palette's live lists
// hold, kept by the lists' own changes (upserts and deletes, a snapshot replaces one kind), and the
// ranked search over it: exact name > prefix > substring > fuzzy (the fragment's letters in order),
// then recently chosen first, then the namespace on screen, then shorter names. Pure; runs in the palette worker and in the bench.
import { matchesSelector, type Requirement } from '../../../shared/model/labelSelector';

export interface IndexKind { group: string; version: string; resource: string; kind: string }
/** `cluster`, `objectUid`: an object of another cluster shown with this one (`uid` is then the merged key, data/clusterUnion.ts). */
export interface IndexItem { uid: string; name: string; namespace?: string; labels?: Record<string, string>; cluster?: string; objectUid?: string }

export interface Hit extends IndexKind {
  key: string; uid: string; name: string; namespace?: string; cluster?: string; objectUid?: string;
  /** 0 exact, 1 prefix, 2 substring, 3 fuzzy. */
  tier: number;
}

export interface SearchParams {
  fragment: string;
  /** Only these kinds (`group/resource`); all when absent. */
  kinds?: readonly string[];
  namespace?: string;
  selector?: Requirement[];
  /** The namespace on screen: its objects come first within a tier, after recent ones. */
  preferNamespace?: string;
  /** Keys chosen lately, most recent first. */
  recent?: readonly string[];
  limit?: number;
}

interface Entry extends IndexItem { lname: string }
interface KindBucket { kind: IndexKind; items: Map<string, Entry> }

export const kindKeyOf = (k: { group: string; resource: string }) => `${k.group}/${k.resource}`;
export const hitKey = (k: { group: string; resource: string }, uid: string) => `${k.group}/${k.resource}/${uid}`;

/** 0–3 as in Hit.tier, or -1 when the name does not match. `f` is lower-case. */
export function matchTier(lname: string, f: string): number {
  if (!f) return 2;
  if (lname === f) return 0;
  if (lname.startsWith(f)) return 1;
  if (lname.includes(f)) return 2;
  let i = 0;
  for (let j = 0; j < lname.length && i < f.length; j++) if (lname.charCodeAt(j) === f.charCodeAt(i)) i++;
  return i === f.length ? 3 : -1;
}

export class PaletteIndex {
  private readonly buckets = new Map<string, KindBucket>();

  /** Everything of one kind (a snapshot): replaces what was there. */
  replace(kind: IndexKind, items: Iterable<IndexItem>): void {
    const map = new Map<string, Entry>();
    for (const it of items) map.set(it.uid, toEntry(it));
    this.buckets.set(kindKeyOf(kind), { kind, items: map });
  }

  /** One change of one kind. */
  apply(kind: IndexKind, upserts: Iterable<IndexItem>, deletes: Iterable<string>): void {
    const key = kindKeyOf(kind);
    let b = this.buckets.get(key);
    if (!b) { b = { kind, items: new Map() }; this.buckets.set(key, b); }
    for (const it of upserts) b.items.set(it.uid, toEntry(it));
    for (const uid of deletes) b.items.delete(uid);
  }

  dropKind(kind: { group: string; resource: string }): void { this.buckets.delete(kindKeyOf(kind)); }

  get size(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.items.size;
    return n;
  }

  search(p: SearchParams): Hit[] {
    const limit = p.limit ?? 50;
    const f = p.fragment.toLowerCase();
    const recentRank = new Map((p.recent ?? []).map((k, i) => [k, i]));
    const wanted = p.kinds ? new Set(p.kinds) : undefined;
    // The best `limit` kept in order as the scan goes (a broad fragment matches 10,000 names; sorting
    // them all per keystroke is what would cost, not the scan).
    const best: Ranked[] = [];
    for (const [bk, b] of this.buckets) {
      if (wanted && !wanted.has(bk)) continue;
      for (const e of b.items.values()) {
        if (p.namespace && e.namespace !== p.namespace) continue;
        const tier = matchTier(e.lname, f);
        if (tier < 0) continue;
        if (p.selector && !matchesSelector(e.labels, p.selector)) continue;
        const r: Ranked = { tier, recent: recentRank.get(`${bk}/${e.uid}`) ?? Infinity,
          away: p.preferNamespace && e.namespace && e.namespace !== p.preferNamespace ? 1 : 0, e, b };
        if (best.length === limit && compare(r, best[limit - 1]) >= 0) continue;
        let i = best.length;
        while (i > 0 && compare(r, best[i - 1]) < 0) i--;
        best.splice(i, 0, r);
        if (best.length > limit) best.pop();
      }
    }
    return best.map(({ tier, e, b }) => ({ ...b.kind, key: `${kindKeyOf(b.kind)}/${e.uid}`, uid: e.uid, name: e.name, namespace: e.namespace, ...(e.cluster ? { cluster: e.cluster, objectUid: e.objectUid } : {}), tier }));
  }
}

interface Ranked { tier: number; recent: number; away: number; e: Entry; b: KindBucket }

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function compare(a: Ranked, b: Ranked): number {
  return a.tier - b.tier || a.recent - b.recent || a.away - b.away || a.e.name.length - b.e.name.length
    || cmp(a.e.name, b.e.name) || cmp(a.e.namespace ?? '', b.e.namespace ?? '');
}

function toEntry(it: IndexItem): Entry {
  return { uid: it.uid, name: it.name, namespace: it.namespace, labels: it.labels, lname: it.name.toLowerCase(), ...(it.cluster ? { cluster: it.cluster, objectUid: it.objectUid } : {}) };
}
