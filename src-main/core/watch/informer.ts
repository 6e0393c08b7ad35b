import { Reflector, type ReflectorState } from './reflector';
import { Store, type StoreChange } from './store';
import type { ListWatchSource, RawObject } from './listWatch';
import type { Freshness, TableColumn } from '../../../shared/contract/resources';

export interface InformerHandler<T> {
  /**
   * The whole current state, once per handler: when the informer first syncs, or at once when the
   * handler is added to a synced informer. A later relist (or a new reflector) arrives as onChanges:
   * the store emits exactly the differences it makes.
   */
  onSync(items: T[], columns: TableColumn[] | undefined, freshness: Freshness): void;
  onChanges(changes: StoreChange<T>[], columns: TableColumn[] | undefined): void;
  onFreshness(freshness: Freshness): void;
  /** The informer stopped for good (its context left the kubeconfig): no more events will come. */
  onEnd?(error: Error): void;
}

export function freshnessOf(state: ReflectorState, reason: string | undefined, since: Date, troubleSince: Date | undefined): Freshness {
  const f = (s: Freshness['state'], at: Date): Freshness => (reason ? { state: s, since: at.toISOString(), reason } : { state: s, since: at.toISOString() });
  switch (state) {
    case 'forbidden': return f('forbidden', since);
    case 'unauthorized': return f('unauthorized', since);
    case 'stopped': return f('stale', since);
    case 'idle': return f('syncing', since);
  }
  if (troubleSince) return f('reconnecting', troubleSince);
  if (state === 'listing') return f('syncing', since);
  return { state: 'live', since: since.toISOString() };
}

/**
 * One reflector and store shared by many handlers (client-go's shared informer): a handler that joins
 * late receives the current state at once, then the same changes as everyone else.
 */
export class SharedInformer<T extends { resourceVersion?: string }> {
  readonly store = new Store<T>();
  private current: Reflector<T>;
  private readonly handlers = new Set<InformerHandler<T>>();
  private synced = false;
  private started = false;

  constructor(
    source: ListWatchSource,
    private readonly keyOf: (raw: RawObject) => string | undefined,
    private readonly transform: (raw: RawObject) => T | undefined,
  ) {
    this.current = this.reflectorFor(source);
  }

  /** The reflector feeding the store now (a new one after switchSource). */
  get reflector(): Reflector<T> { return this.current; }

  private reflectorFor(source: ListWatchSource): Reflector<T> {
    const r: Reflector<T> = new Reflector<T>(source, this.store, this.keyOf, {
      transform: this.transform,
      // Every reflector writes the same store, a retiring one included: handlers see all its changes.
      onChanges: (changes, columns) => {
        // Before the first sync, handlers get the whole list in onSync instead of a flood of adds.
        if (!this.synced) return;
        for (const h of this.handlers) h.onChanges(changes, columns);
      },
      onSynced: () => {
        const first = !this.synced;
        this.synced = true;
        if (first) for (const h of this.handlers) h.onSync(this.store.list(), r.tableColumns, this.freshness());
      },
      onState: () => {
        // A retiring reflector's "stopped" is not the data's state: its successor's is.
        if (r !== this.current) return;
        const f = this.freshness();
        for (const h of this.handlers) h.onFreshness(f);
      },
    });
    return r;
  }

  /**
   * Moves the informer to another source (the context's credentials or server changed): the old
   * reflector stops, the new one lists into the same store, and handlers receive exactly the
   * differences, then its watch's changes, without re-subscribing.
   */
  async switchSource(source: ListWatchSource): Promise<void> {
    const old = this.current;
    this.current = this.reflectorFor(source);
    // Its list must not interleave with the old reflector's last writes.
    await old.stop();
    if (this.started) this.current.start();
  }

  /** Stops for good and tells every handler why; they get nothing more. */
  async end(error: Error): Promise<void> {
    const handlers = [...this.handlers];
    this.handlers.clear();
    await this.stop();
    for (const h of handlers) h.onEnd?.(error);
  }

  get hasSynced(): boolean { return this.synced; }
  get handlerCount(): number { return this.handlers.size; }

  freshness(): Freshness {
    const r = this.reflector;
    return freshnessOf(r.state, r.stateReason, r.stateSince, r.troubleSince);
  }

  addHandler(h: InformerHandler<T>): () => void {
    this.handlers.add(h);
    if (this.synced) h.onSync(this.store.list(), this.reflector.tableColumns, this.freshness());
    else h.onFreshness(this.freshness());
    return () => { this.handlers.delete(h); };
  }

  start(): void { this.started = true; this.current.start(); }
  stop(): Promise<void> { this.started = false; return this.current.stop(); }
}
