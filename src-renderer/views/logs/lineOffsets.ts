/**
 * The vertical layout of a log's kept lines when their heights differ (wrap mode): where each line
 * starts, the total height, which line is at a given offset. It mirrors the ring buffer: lines are
 * named by their sequence number `n`, appended at the end and dropped from the front, and it holds one
 * number per line it keeps, never more than `capacity`, so its memory is bounded by the buffer's.
 *
 * Each line's bottom is stored as an absolute running sum (slot `n % capacity`): appending and dropping
 * cost O(1), an offset is one subtraction, finding the line at an offset a binary search. Changing one
 * line's height shifts the bottoms of the lines after it, which is cheap where it happens: rows measured
 * as they are shown, at the end of the log while following.
 */
export class LineOffsets {
  private readonly bottoms: Float64Array;
  private readonly measuredFlags: Uint8Array;
  /** Absolute top of line `first` (the bottom of the line before it). */
  private base = 0;
  private firstN = 0;
  private endN = 0;

  constructor(readonly capacity: number) {
    this.bottoms = new Float64Array(capacity);
    this.measuredFlags = new Uint8Array(capacity);
  }

  /** `n` of the first line kept. */
  get first(): number { return this.firstN; }
  /** One past `n` of the last line kept. */
  get end(): number { return this.endN; }
  get length(): number { return this.endN - this.firstN; }
  get total(): number { return this.length ? this.bottomOf(this.endN - 1) - this.base : 0; }

  /** Forgets every line; the next appended is line `first`. */
  reset(first: number): void {
    this.firstN = this.endN = first;
    this.base = 0;
  }

  /** Appends line `end` with a height; the first line drops when the layout is full. */
  append(height: number): void {
    if (this.length === this.capacity) this.dropBefore(this.firstN + 1);
    const slot = this.endN % this.capacity;
    this.bottoms[slot] = (this.length ? this.bottomOf(this.endN - 1) : this.base) + height;
    this.measuredFlags[slot] = 0;
    this.endN++;
  }

  /** Lets go of every line before `n`. */
  dropBefore(n: number): void {
    n = Math.min(n, this.endN);
    if (n <= this.firstN) return;
    this.base = this.bottomOf(n - 1);
    this.firstN = n;
  }

  has(n: number): boolean { return n >= this.firstN && n < this.endN; }

  /** Distance from the top of the first line to the top of line `n` (`end` gives the total). */
  offsetOf(n: number): number {
    if (n <= this.firstN) return 0;
    return this.bottomOf(Math.min(n, this.endN) - 1) - this.base;
  }

  heightOf(n: number): number {
    return this.bottomOf(n) - (n === this.firstN ? this.base : this.bottomOf(n - 1));
  }

  /** Sets line `n`'s height, moving the lines after it. `measured`: the height came from the DOM. */
  setHeight(n: number, height: number, measured = false): void {
    if (!this.has(n)) return;
    this.measuredFlags[n % this.capacity] = measured ? 1 : 0;
    const delta = height - this.heightOf(n);
    if (delta === 0) return;
    for (let m = n; m < this.endN; m++) this.bottoms[m % this.capacity] += delta;
  }

  /** Whether line `n`'s height was measured in the DOM (since it was appended or last recomputed). */
  isMeasured(n: number): boolean {
    return this.has(n) && this.measuredFlags[n % this.capacity] === 1;
  }

  /** Recomputes every line's height (a new row width, timestamps shown or hidden). */
  recompute(heightOf: (n: number) => number): void {
    let bottom = this.base;
    for (let n = this.firstN; n < this.endN; n++) {
      bottom += heightOf(n);
      this.bottoms[n % this.capacity] = bottom;
      this.measuredFlags[n % this.capacity] = 0;
    }
  }

  /** `n` of the line that covers `offset` (clamped to the first and last lines); `end` when empty. */
  lineAt(offset: number): number {
    if (!this.length) return this.endN;
    const y = this.base + Math.max(0, offset);
    let lo = this.firstN;
    let hi = this.endN - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.bottomOf(mid) > y) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private bottomOf(n: number): number {
    return this.bottoms[n % this.capacity];
  }
}

/** What LineOffsets mirrors: the ring buffer's range of kept lines. */
export interface KeptLines {
  readonly firstN: number;
  readonly lastN: number;
}

/**
 * Brings a layout up to date with the buffer: drops the lines the buffer let go and appends the ones
 * it received since, so a batch costs O(its size). A buffer that started again (cleared) is laid out
 * afresh. Returns whether anything changed.
 */
export function syncLineOffsets(layout: LineOffsets, kept: KeptLines, heightOf: (n: number) => number): boolean {
  const first = kept.firstN;
  const end = kept.lastN + 1;
  if (first === layout.first && end === layout.end) return false;
  // A cleared buffer, or a gap (lines skipped past the end): nothing kept can be reused.
  if (first < layout.first || end < layout.end || first > layout.end) layout.reset(first);
  else layout.dropBefore(first);
  // Only the newest `capacity` can stay.
  const from = Math.max(layout.end, end - layout.capacity);
  if (from > layout.end) layout.reset(from);
  for (let n = layout.end; n < end; n++) layout.append(heightOf(n));
  return true;
}
