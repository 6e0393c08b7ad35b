import type { LogLine } from '../../../shared/contract/streams';

/** Bytes a queued line is counted as: its text and the object around it. */
const lineCost = (l: LogLine) => l.text.length + 40;

/**
 * The lines between a log's HTTP body and the renderer, bounded two ways. Without `keepLatest` the
 * bound is backpressure: `full` tells the reader to stop reading until lines are taken. With it, the
 * reader never stops: past `keepLatest` lines (or `maxChars`), the oldest are dropped and counted as
 * skipped, since a viewer that keeps its latest N lines would have let them go unseen anyway.
 */
export class LineQueue {
  private items: LogLine[] = [];
  private head = 0;
  private chars = 0;
  private skipped = 0;
  /** The most lines held at once (for tests and benchmarks). */
  maxLength = 0;

  constructor(private readonly o: { maxLines: number; maxChars: number; keepLatest?: number }) {}

  get length(): number { return this.items.length - this.head; }

  /** Whether the queue holds a whole batch of this size or more (a backlog, not just the latest lines). */
  holdsBatch(maxLines: number, maxChars: number): boolean {
    return this.length >= maxLines || this.chars >= maxChars;
  }

  /** Whether the reader should wait (backpressure mode only; a skipping queue is never full). */
  get full(): boolean {
    return this.o.keepLatest === undefined && (this.length >= this.o.maxLines || this.chars >= this.o.maxChars);
  }

  push(line: LogLine): void {
    this.items.push(line);
    this.chars += lineCost(line);
    if (this.o.keepLatest !== undefined) {
      // Keep at least the newest line, whatever its size.
      while (this.length > 1 && (this.length > this.o.keepLatest || this.chars > this.o.maxChars)) {
        this.chars -= lineCost(this.items[this.head++]);
        this.skipped++;
      }
      this.compact();
    }
    if (this.length > this.maxLength) this.maxLength = this.length;
  }

  /** The oldest lines, at most `maxLines` of them and about `maxChars` (always at least one). */
  take(maxLines: number, maxChars: number): LogLine[] {
    let n = 0;
    let chars = 0;
    const avail = this.length;
    while (n < avail && n < maxLines && (n === 0 || chars < maxChars)) chars += lineCost(this.items[this.head + n++]);
    const out = this.items.slice(this.head, this.head + n);
    this.head += n;
    this.chars -= chars;
    this.compact();
    return out;
  }

  /** Lines skipped since the last call. */
  takeSkipped(): number {
    const s = this.skipped;
    this.skipped = 0;
    return s;
  }

  /** Drops the taken or skipped front of the array once it is most of it (amortized O(1) per line). */
  private compact(): void {
    if (this.head === this.items.length) { this.items = []; this.head = 0; } else if (this.head > 1024 && this.head * 2 > this.items.length) { this.items = this.items.slice(this.head); this.head = 0; }
  }
}
