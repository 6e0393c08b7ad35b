import { hasAnsi, stripAnsi, type AnsiSpan } from './ansi';

/** One line held by a viewer. `n` counts every line ever received, so it stays stable as old ones drop. */
export interface BufferedLine {
  readonly n: number;
  readonly ts?: string;
  readonly text: string;
  /** The text without escapes: what search, copy and download see. */
  readonly plain: string;
  readonly pod?: string;
  readonly container?: string;
}

/**
 * A BufferedLine whose escape-free text is worked out when first asked for (search, a rendered match,
 * download): a fast log passes tens of thousands of lines a second through the buffer, and most are
 * never looked at.
 */
class StoredLine implements BufferedLine {
  private stripped: string | undefined;
  // Every field set in the constructor: all lines share one object shape, whichever fields they have.
  constructor(readonly n: number, readonly text: string, readonly ts: string | undefined, readonly pod: string | undefined, readonly container: string | undefined) {
    this.stripped = undefined;
  }

  get plain(): string {
    return (this.stripped ??= hasAnsi(this.text) ? stripAnsi(this.text) : this.text);
  }
}

export interface IncomingLine { ts?: string; text: string; pod?: string; container?: string }

/**
 * A ring buffer of the latest `capacity` lines: a viewer's memory stays bounded however long a log
 * runs, and it knows how many older lines it let go (the "older lines dropped" marker).
 */
export class LogBuffer {
  private items: (BufferedLine | undefined)[];
  private head = 0;
  private size = 0;
  private next = 0;
  /** Lines let go from the front since the last clear. */
  dropped = 0;

  constructor(readonly capacity = 50_000) {
    this.items = new Array(capacity);
  }

  get length(): number { return this.size; }
  /** `n` of the oldest line kept. */
  get firstN(): number { return this.next - this.size; }
  get lastN(): number { return this.next - 1; }

  push(lines: readonly IncomingLine[]): void {
    for (const l of lines) this.add(l.text, l.ts, l.pod, l.container);
  }

  /** A packed batch's lines (packedLines.ts): `ts` entries '' for a line without a stamp. */
  pushPacked(texts: readonly string[], ts: readonly string[] | undefined): void {
    // Only the newest `capacity` can stay: the rest would be pushed out again within this call.
    const from = Math.max(0, texts.length - this.capacity);
    if (from) { this.next += from; this.dropped += from; }
    for (let i = from; i < texts.length; i++) this.add(texts[i], ts?.[i] || undefined, undefined, undefined);
  }

  private add(text: string, ts: string | undefined, pod: string | undefined, container: string | undefined): void {
    const line = new StoredLine(this.next++, text, ts, pod, container);
    const at = (this.head + this.size) % this.capacity;
    this.items[at] = line;
    if (this.size < this.capacity) this.size++;
    else { this.head = (this.head + 1) % this.capacity; this.dropped++; }
  }

  /** The i-th kept line, 0 the oldest. */
  at(i: number): BufferedLine {
    return this.items[(this.head + i) % this.capacity]!;
  }

  /** The position of line `n`, or -1 if it was dropped or never came. */
  indexOfN(n: number): number {
    const i = n - this.firstN;
    return i >= 0 && i < this.size ? i : -1;
  }

  toArray(): BufferedLine[] {
    const out: BufferedLine[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.at(i);
    return out;
  }

  clear(): void {
    this.items = new Array(this.capacity);
    this.head = 0;
    this.size = 0;
    this.dropped = 0;
  }
}

/**
 * Matches of a search over a LogBuffer, kept current incrementally: new lines are scanned as they
 * arrive, dropped ones fall off the front. Case-insensitive unless the query has capitals.
 */
export class SearchIndex {
  private query = '';
  private folded = '';
  private sensitive = false;
  private scannedUpTo = -1;
  /** Line numbers (`n`) that match, ascending. */
  matches: number[] = [];

  setQuery(q: string, buffer: LogBuffer): void {
    if (q === this.query) return;
    this.query = q;
    this.sensitive = q !== q.toLowerCase();
    this.folded = this.sensitive ? q : q.toLowerCase();
    this.matches = [];
    this.scannedUpTo = buffer.firstN - 1;
    this.update(buffer);
  }

  get active(): boolean { return this.query !== ''; }

  update(buffer: LogBuffer): void {
    const first = buffer.firstN;
    if (this.matches.length && this.matches[0] < first) {
      let k = 0;
      while (k < this.matches.length && this.matches[k] < first) k++;
      this.matches = this.matches.slice(k);
    }
    if (!this.query) { this.scannedUpTo = buffer.lastN; return; }
    for (let n = Math.max(this.scannedUpTo + 1, first); n <= buffer.lastN; n++) {
      const line = buffer.at(n - first);
      const hay = this.sensitive ? line.plain : line.plain.toLowerCase();
      if (hay.includes(this.folded)) this.matches.push(n);
    }
    this.scannedUpTo = buffer.lastN;
  }

  /** Ranges [start, end) of the query in a text. */
  ranges(text: string): [number, number][] {
    if (!this.query) return [];
    return findRanges(text, this.folded, this.sensitive);
  }
}

export function findRanges(text: string, query: string, caseSensitive: boolean): [number, number][] {
  if (!query) return [];
  const hay = caseSensitive ? text : text.toLowerCase();
  const out: [number, number][] = [];
  let from = 0;
  for (;;) {
    const i = hay.indexOf(query, from);
    if (i < 0) break;
    out.push([i, i + query.length]);
    from = i + Math.max(1, query.length);
  }
  return out;
}

export interface Segment extends AnsiSpan { mark: boolean }

/** Cuts styled spans at match boundaries so matches can be wrapped in <mark> without touching styles. */
export function highlight(spans: readonly AnsiSpan[], ranges: readonly [number, number][]): Segment[] {
  if (!ranges.length) return spans.map((s) => ({ ...s, mark: false }));
  const out: Segment[] = [];
  let pos = 0;
  let r = 0;
  for (const span of spans) {
    const start = pos;
    const end = pos + span.text.length;
    let cur = start;
    while (cur < end) {
      while (r < ranges.length && ranges[r][1] <= cur) r++;
      const range = ranges[r];
      if (!range || range[0] >= end) { out.push({ text: span.text.slice(cur - start), style: span.style, mark: false }); break; }
      if (range[0] > cur) { out.push({ text: span.text.slice(cur - start, range[0] - start), style: span.style, mark: false }); cur = range[0]; }
      const stop = Math.min(end, range[1]);
      out.push({ text: span.text.slice(cur - start, stop - start), style: span.style, mark: true });
      cur = stop;
    }
    pos = end;
  }
  return out;
}
