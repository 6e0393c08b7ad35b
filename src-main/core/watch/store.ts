/** What a change did to the store, for handlers and delta batching. */
export type StoreChange<T> =
  | { type: 'added'; key: string; obj: T }
  | { type: 'updated'; key: string; obj: T; old: T }
  | { type: 'deleted'; key: string; old: T };

/**
 * A keyed store (client-go's thread_safe_store, minus threads). Keys are uids: a delete-and-recreate
 * under the same name is two objects, which is what a view must show.
 */
export class Store<T extends { resourceVersion?: string }> {
  private readonly items = new Map<string, T>();

  get size(): number { return this.items.size; }
  get(key: string): T | undefined { return this.items.get(key); }
  keys(): IterableIterator<string> { return this.items.keys(); }
  values(): IterableIterator<T> { return this.items.values(); }
  list(): T[] { return [...this.items.values()]; }

  upsert(key: string, obj: T): StoreChange<T> | undefined {
    const old = this.items.get(key);
    this.items.set(key, obj);
    if (!old) return { type: 'added', key, obj };
    if (old.resourceVersion !== undefined && old.resourceVersion === obj.resourceVersion) return undefined;
    return { type: 'updated', key, obj, old };
  }

  delete(key: string): StoreChange<T> | undefined {
    const old = this.items.get(key);
    if (!old) return undefined;
    this.items.delete(key);
    return { type: 'deleted', key, old };
  }

  /** Replaces everything with a fresh LIST and returns exactly the differences, so no stale object survives a relist. */
  replace(entries: Iterable<[string, T]>): StoreChange<T>[] {
    const changes: StoreChange<T>[] = [];
    const seen = new Set<string>();
    for (const [key, obj] of entries) {
      seen.add(key);
      const c = this.upsert(key, obj);
      if (c) changes.push(c);
    }
    for (const key of [...this.items.keys()]) {
      if (!seen.has(key)) {
        const c = this.delete(key);
        if (c) changes.push(c);
      }
    }
    return changes;
  }
}
