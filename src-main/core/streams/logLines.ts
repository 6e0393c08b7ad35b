import type { LogLine } from '../../../shared/contract/streams';

/**
 * Splits a byte stream into lines: UTF-8 decoded across chunk boundaries, `\n` or `\r\n` endings, and
 * a cap on one line's size so that a log without newlines cannot grow memory without bound (the
 * oversized line is discarded and counted).
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private partial = '';
  private skipping = false;
  /** Lines discarded for exceeding the cap since the last call to takeDropped(). */
  private dropped = 0;

  constructor(private readonly maxLineChars = 1 << 20) {}

  push(chunk: Uint8Array): string[] {
    return this.split(this.decoder.decode(chunk, { stream: true }));
  }

  /** The unterminated remainder at the end of the stream (a last line without a newline). */
  end(): string[] {
    const out = this.split(this.decoder.decode());
    const rest = this.partial;
    this.partial = '';
    if (this.skipping) { this.skipping = false; return out; }
    if (rest !== '') out.push(stripCr(rest));
    return out;
  }

  takeDropped(): number {
    const d = this.dropped;
    this.dropped = 0;
    return d;
  }

  private split(text: string): string[] {
    const out: string[] = [];
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const piece = text.slice(start, nl);
      start = nl + 1;
      if (this.skipping) { this.skipping = false; this.partial = ''; continue; }
      const line = this.partial + piece;
      this.partial = '';
      out.push(stripCr(line));
    }
    const rest = text.slice(start);
    if (!this.skipping) {
      this.partial += rest;
      if (this.partial.length > this.maxLineChars) {
        this.partial = '';
        this.skipping = true;
        this.dropped++;
      }
    }
    return out;
  }
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

const TS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})) ?/;

/** A line of `?timestamps=true` output: `<RFC3339Nano> <text>`. Lines without one keep all their text. */
export function parseTimestamped(raw: string): LogLine {
  const m = TS.exec(raw);
  if (!m) return { text: raw };
  return { ts: m[1], text: raw.slice(m[0].length) };
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;

/**
 * A sortable key for an RFC3339 timestamp: the kubelet prints a fixed nine-digit fraction, so its
 * stamps compare as text; this also pads shorter fractions so that hand-made ones sort right.
 */
export function tsKey(ts: string): string {
  // The kubelet's own form (nine-digit fraction, Z) is its key as it is.
  if (ts.length === 30 && ts.charCodeAt(19) === 46 && ts.charCodeAt(29) === 90 && CANONICAL.test(ts)) return ts;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(ts);
  if (m) return `${m[1]}.${(m[2] ?? '').padEnd(9, '0').slice(0, 9)}Z`;
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return ts;
  const frac = /\.(\d+)/.exec(ts)?.[1] ?? '';
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}.${frac.padEnd(9, '0').slice(0, 9)}Z`;
}

/** RFC3339 with whole seconds, as the API server passes `sinceTime` on to the kubelet. */
export function wholeSecond(ts: string): string {
  return `${tsKey(ts).slice(0, 19)}Z`;
}

/**
 * Remembers where a stream got to, so that a resumed stream (asked again with `sinceTime` at the last
 * line's second) emits no line twice: lines older than the last one seen are skipped, and of the
 * lines stamped exactly like the last one, as many as were already seen.
 */
export class ResumePoint {
  private lastKey: string | undefined;
  private lastTs: string | undefined;
  private seenAtLast = 0;
  private skipAtLast = 0;
  private resuming = false;
  // Lines of a busy log share their stamp in runs (many per millisecond): its key is computed once per run.
  private keyOf = { ts: '', key: '' };

  get lastTimestamp(): string | undefined { return this.lastTs; }

  /** Called before reading a resumed stream. */
  beginResume(): void {
    this.resuming = true;
    this.skipAtLast = this.seenAtLast;
  }

  /** Whether to emit this line; records it when emitted. */
  accept(line: LogLine): boolean {
    if (line.ts === undefined) return true;
    if (this.keyOf.ts !== line.ts) this.keyOf = { ts: line.ts, key: tsKey(line.ts) };
    const key = this.keyOf.key;
    if (this.resuming && this.lastKey !== undefined) {
      if (key < this.lastKey) return false;
      if (key === this.lastKey && this.skipAtLast > 0) { this.skipAtLast--; return false; }
      this.resuming = false;
    }
    if (key === this.lastKey) this.seenAtLast++;
    else if (this.lastKey === undefined || key > this.lastKey) { this.lastKey = key; this.lastTs = line.ts; this.seenAtLast = 1; }
    return true;
  }
}
