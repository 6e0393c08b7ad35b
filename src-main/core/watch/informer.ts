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

export function freshnessOf(state: ReflectorState, reason: string | undefined, since: Date, troubleSince: Date | undefined, checkingSince?: Date): Freshness {
  const f = (s: Freshness['state'], at: Date): Freshness => (reason ? { state: s, since: at.toISOString(), reason } : { state: s, since: at.toISOString() });
  switch (state) {
    case 'forbidden': return f('forbidden', since);
    case 'unauthorized': return f('unauthorized', since);
    case 'stopped': return f('stale', since);
    case 'idle': return f('syncing', since);
  }
  if (troubleSince) return f('reconnecting', troubleSince);
  if (state === 'listing') return f('syncing', since);
  if (checkingSince) return { state: 'checking', since: checkingSince.toISOString(), reason: 'The connection has been silent and a liveness probe is not answered yet: checking it.' };
  return { state: 'live', since: since.toISOString() };
}

/**
 * One reflector and store shared by many handlers (client-go's shared informer): a handler that joins
 * late receives the current state at once, then the same changes as everyone else.
 */
export class SharedInformer<T extends { resourceVersion?: string }> {
  readonly store = new Store<T>();
  readonly reflector: Reflector<T>;
  private readonly handlers = new Set<InformerHandler<T>>();
  private synced = false;
  /** Set by the hub from the context's link: since when its watches' connection is being checked. */
  private checkingSince: Date | undefined;

  constructor(
    source: ListWatchSource,
    private readonly keyOf: (raw: RawObject) => string | undefined,
    private readonly transform: (raw: RawObject) => T | undefined,
  ) {
    const r: Reflector<T> = new Reflector<T>(source, this.store, this.keyOf, {
      transform: this.transform,
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
        const f = this.freshness();
        for (const h of this.handlers) h.onFreshness(f);
      },
    });
    this.reflector = r;
  }

  /**
   * Lists again at once (the context's link has a new connection: its credentials or server
   * changed); handlers receive exactly the differences, then the new watch's changes, without
   * re-subscribing.
   */
  relist(): void { this.reflector.relist(); }

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
    return freshnessOf(r.state, r.stateReason, r.stateSince, r.troubleSince, this.checkingSince);
  }

  /** The connection under the watch is being checked (since `since`), or no longer (undefined). */
  setChecking(since: Date | undefined): void {
    if (since === this.checkingSince) return;
    this.checkingSince = since;
    const f = this.freshness();
    for (const h of this.handlers) h.onFreshness(f);
  }

  addHandler(h: InformerHandler<T>): () => void {
    this.handlers.add(h);
    if (this.synced) h.onSync(this.store.list(), this.reflector.tableColumns, this.freshness());
    else h.onFreshness(this.freshness());
    return () => { this.handlers.delete(h); };
  }

  start(): void { this.reflector.start(); }
  stop(): Promise<void> { return this.reflector.stop(); }
}
