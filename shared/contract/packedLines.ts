import type { LogLine } from './streams';

/**
 * Log lines packed for the wire: the texts joined by '\n' (a line never holds one: streams are split
 * on it), and the timestamps joined the same way ('' for a line without one). Two strings per batch
 * instead of an object per line: at tens of thousands of lines a second, serializing, parsing and
 * validating an object per line cost more than everything else a batch needs.
 */
export interface PackedLines {
  count: number;
  text: string;
  /** Absent when no line of the batch has a timestamp. */
  ts?: string;
}

export function packLines(lines: readonly LogLine[]): PackedLines {
  const texts = new Array<string>(lines.length);
  const stamps = new Array<string>(lines.length);
  let anyTs = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    texts[i] = l.text;
    stamps[i] = l.ts ?? '';
    if (l.ts !== undefined) anyTs = true;
  }
  const packed: PackedLines = { count: lines.length, text: texts.join('\n') };
  if (anyTs) packed.ts = stamps.join('\n');
  return packed;
}

/**
 * The texts and timestamps of a packed batch (`ts` entries '' where a line has none), or undefined
 * when the parts do not agree with the count (a malformed batch is refused whole).
 */
export function unpackLines(p: PackedLines): { texts: string[]; ts: string[] | undefined } | undefined {
  if (!(p.count >= 1)) return undefined;
  const texts = p.count === 1 ? [p.text] : p.text.split('\n');
  if (texts.length !== p.count) return undefined;
  if (p.ts === undefined) return { texts, ts: undefined };
  const ts = p.count === 1 ? [p.ts] : p.ts.split('\n');
  if (ts.length !== p.count) return undefined;
  return { texts, ts };
}
