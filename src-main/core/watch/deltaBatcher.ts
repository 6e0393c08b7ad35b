/**
 * Coalesces changes keyed by uid and flushes them at most once per interval, so a burst of watch
 * events becomes one small message per frame, and an object changed ten times in a frame is sent once.
 * The first change after a quiet interval goes out on the next turn of the event loop (what arrived in
 * the same chunk of watch data still joins it): a lone change does not wait out the interval.
 * While the consumer is congested (`canFlush` false) changes keep coalescing: memory stays bounded
 * by the number of distinct objects, never by the number of events.
 */
export class DeltaBatcher<T> {
  private upserts = new Map<string, T>();
  private deletes = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastFlushAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly flushTo: (upserts: T[], deletes: string[]) => void,
    private readonly intervalMs = 33,
    private readonly canFlush: () => boolean = () => true,
  ) {}

  upsert(key: string, value: T): void {
    this.deletes.delete(key);
    this.upserts.set(key, value);
    this.schedule();
  }

  delete(key: string): void {
    this.upserts.delete(key);
    this.deletes.add(key);
    this.schedule();
  }

  /** Drops anything pending (a snapshot is about to replace it). */
  clear(): void {
    this.upserts.clear();
    this.deletes.clear();
  }

  get pending(): number { return this.upserts.size + this.deletes.size; }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlushAt + this.intervalMs - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    this.timer = undefined;
    if (this.pending === 0) return;
    if (!this.canFlush()) { this.timer = setTimeout(() => this.flush(), this.intervalMs); return; }
    this.lastFlushAt = performance.now();
    const upserts = [...this.upserts.values()];
    const deletes = [...this.deletes];
    this.clear();
    this.flushTo(upserts, deletes);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.clear();
  }
}
