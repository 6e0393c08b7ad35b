import type { Freshness, TableColumn, WatchEvent } from '../contract/resources';

export interface LiveListState<T> {
  items: ReadonlyMap<string, T>;
  columns?: TableColumn[];
  freshness?: Freshness;
  /** Increments on every applied change; views memoize on it. */
  version: number;
  /** uids changed by the last delta, for a brief highlight. */
  changed: ReadonlySet<string>;
  synced: boolean;
  error?: string;
}

const uidOf = (x: any): string => x?.uid;

/** Applies snapshots and deltas keyed by uid; a snapshot replaces everything (resync after reconnect). */
export function applyWatchEvent<T>(s: LiveListState<T>, e: WatchEvent): LiveListState<T> {
  if (e.type === 'freshness') return { ...s, freshness: e.freshness };
  if (e.type === 'snapshot') {
    const items = new Map<string, T>();
    for (const it of e.items) items.set(uidOf(it), it as T);
    return { items, columns: e.columns ?? s.columns, freshness: e.freshness, version: s.version + 1, changed: new Set(), synced: true };
  }
  const items = new Map(s.items);
  const changed = new Set<string>();
  for (const u of e.upserts) { items.set(uidOf(u), u as T); changed.add(uidOf(u)); }
  for (const d of e.deletes) items.delete(d);
  return { ...s, items, columns: e.columns ?? s.columns, version: s.version + 1, changed };
}

export const emptyLiveList = <T>(): LiveListState<T> => ({ items: new Map(), version: 0, changed: new Set(), synced: false });
