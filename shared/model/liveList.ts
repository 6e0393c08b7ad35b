import type { Freshness, TableColumn, WatchEvent } from '../contract/resources';

export interface LiveListState<T> {
  /**
   * Items by uid. One Map for the life of a list, updated in place when a change is applied (a resync
   * brings a new one), so a change costs what changed, not a copy of the list: read it while rendering,
   * and memoize on `version`, never on the Map's identity.
   */
  items: ReadonlyMap<string, T>;
  columns?: TableColumn[];
  freshness?: Freshness;
  /** Increments on every applied change; views memoize on it. */
  version: number;
  /** uids upserted by the change that made this version (a brief highlight; incremental sorting). */
  changed: ReadonlySet<string>;
  /** uids deleted by the change that made this version. */
  deleted: ReadonlySet<string>;
  synced: boolean;
  error?: string;
}

const uidOf = (x: any): string => x?.uid;
const NONE: ReadonlySet<string> = new Set();

/**
 * A list kept by snapshots and deltas keyed by uid; a snapshot replaces everything (resync after
 * reconnect). Events are queued with `push` and applied together by `flush`: an object changed ten
 * times between two flushes is applied once, and `state` is a new object only when something changed,
 * so a view can apply whatever arrived within a frame as one render.
 */
export class LiveList<T> {
  private current: LiveListState<T> = { items: new Map(), version: 0, changed: NONE, deleted: NONE, synced: false };
  /** A snapshot that arrived since the last flush, with the deltas after it already applied. */
  private resync: Map<string, T> | undefined;
  private upserts = new Map<string, T>();
  private deletes = new Set<string>();
  private columns: TableColumn[] | undefined;
  private freshness: Freshness | undefined;
  private error: string | undefined;
  /** A snapshot since the last flush ended an earlier failure. */
  private errorCleared = false;

  get state(): LiveListState<T> { return this.current; }

  /** Whether events are waiting for `flush`. */
  get pending(): boolean {
    return this.resync !== undefined || this.upserts.size > 0 || this.deletes.size > 0
      || this.columns !== undefined || this.freshness !== undefined || this.error !== undefined;
  }

  push(e: WatchEvent): void {
    if (e.type !== 'delta') this.freshness = e.freshness;
    if (e.type !== 'freshness' && e.columns) this.columns = e.columns;
    if (e.type === 'freshness') return;
    if (e.type === 'snapshot') {
      // The subscription is running again (a reopened store, a replayed subscription): an earlier
      // failure no longer describes it. A failure after this snapshot is pushed later and still wins.
      this.error = undefined;
      this.errorCleared = true;
      this.resync = new Map();
      for (const it of e.items) this.resync.set(uidOf(it), it as T);
      this.upserts.clear();
      this.deletes.clear();
      return;
    }
    if (this.resync) {
      for (const u of e.upserts) this.resync.set(uidOf(u), u as T);
      for (const d of e.deletes) this.resync.delete(d);
      return;
    }
    for (const u of e.upserts) { const uid = uidOf(u); this.deletes.delete(uid); this.upserts.set(uid, u as T); }
    for (const d of e.deletes) { this.upserts.delete(d); this.deletes.add(d); }
  }

  /**
   * The subscription is starting over (an event failed validation): what was queued from it is dropped,
   * the freshness says why until the new snapshot brings its own.
   */
  resyncing(reason: string, at: Date): void {
    this.upserts.clear();
    this.deletes.clear();
    this.resync = undefined;
    this.freshness = { state: 'syncing', since: at.toISOString(), reason };
  }

  /** The subscription ended: said in the state at the next flush. */
  fail(message: string): void { this.error = message; this.errorCleared = false; }

  /** Applies what was pushed since the last flush as one change; false if there was nothing. */
  flush(): boolean {
    if (!this.pending) return false;
    const s = this.current;
    const next: LiveListState<T> = {
      ...s, columns: this.columns ?? s.columns, freshness: this.freshness ?? s.freshness, changed: NONE, deleted: NONE,
    };
    if (this.error !== undefined) next.error = this.error;
    else if (this.errorCleared) delete next.error;
    if (this.resync) {
      Object.assign(next, { items: this.resync, version: s.version + 1, synced: true });
    } else if (this.upserts.size || this.deletes.size) {
      const items = s.items as Map<string, T>;
      for (const [uid, it] of this.upserts) items.set(uid, it);
      for (const uid of this.deletes) items.delete(uid);
      Object.assign(next, { version: s.version + 1, changed: new Set(this.upserts.keys()), deleted: this.deletes });
      this.deletes = new Set();
    }
    this.resync = undefined;
    this.upserts.clear();
    this.columns = this.freshness = this.error = undefined;
    this.errorCleared = false;
    this.current = next;
    return true;
  }

  /** push and flush: for a consumer that applies each event as it comes. */
  apply(e: WatchEvent): LiveListState<T> {
    this.push(e);
    this.flush();
    return this.current;
  }
}
