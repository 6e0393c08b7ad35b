/**
 * How many visual rows a log line takes when wrapped, worked out from its text and the row's width
 * in characters instead of measured in the DOM: the rows are monospace, `white-space: pre-wrap` and
 * `word-break: break-all`, so a row holds a fixed number of characters and breaks anywhere, except that
 * spaces reaching the end of a row hang there (they never start the next row).
 *
 * Exact for printable ASCII. Anything else (tabs, wide CJK characters, emoji, which the browser may
 * draw from a fallback font of another width) is estimated, and the view corrects the estimate from
 * the DOM when it shows the line.
 */

import { hasAnsi, stripAnsi } from './ansi';
import type { BufferedLine } from './logBuffer';
import { omittedNotice, SHOWN_CHARS } from './shownText';

/** The width of a row and of one character, in CSS px, as measured from the page. */
export interface WrapGeometry {
  /** Width of a row's content box (the row minus its padding). */
  rowWidth: number;
  /** Advance of one character of the log font. */
  charWidth: number;
}

/** Characters that fit in `width` px (at least one: a row always takes a character). */
export function columnsIn(width: number, charWidth: number): number {
  // A hair of tolerance: a row of exactly N characters measures N × charWidth, give or take rounding.
  return Math.max(1, Math.floor((width + 0.01) / charWidth));
}

/** The right margin of a row's source and timestamp (.log-source, .log-ts in logs.css). */
const PREFIX_GAP = 8;

/**
 * Rows a log line takes as LogLineContent renders it: its source and timestamp when shown, then the
 * first SHOWN_CHARS characters of its text and the notice of what was left out.
 */
export function wrappedLineRows(line: BufferedLine, show: { showTs: boolean; showSource: boolean }, g: WrapGeometry): number {
  let prefix = 0;
  if (show.showSource && line.pod) prefix += (line.pod.length + (line.container ? line.container.length + 1 : 0)) * g.charWidth + PREFIX_GAP;
  if (show.showTs && line.ts) prefix += line.ts.length * g.charWidth + PREFIX_GAP;
  const cols = columnsIn(g.rowWidth, g.charWidth);
  const firstCols = prefix ? Math.max(0, Math.floor((g.rowWidth - prefix + 0.01) / g.charWidth)) : cols;
  // Not line.plain: that caches the escape-free copy on every line, doubling the memory of coloured ones.
  const plain = hasAnsi(line.text) ? stripAnsi(line.text) : line.text;
  const text = plain.length > SHOWN_CHARS ? plain.slice(0, SHOWN_CHARS) + omittedNotice(plain.length - SHOWN_CHARS) : plain;
  return wrappedRowCount(text, firstCols, cols);
}

// Printable ASCII only: one column each, the fast path.
const NOT_PLAIN_ASCII = /[^\x20-\x7e]/;

/**
 * Rows taken by `text` when the first row has `firstCols` columns left (after a prefix such as the
 * timestamp) and every further row `cols`. An empty text still takes one row.
 */
export function wrappedRowCount(text: string, firstCols: number, cols: number): number {
  cols = Math.max(1, cols);
  firstCols = Math.max(0, Math.min(firstCols, cols));
  if (!NOT_PLAIN_ASCII.test(text)) return asciiRowCount(text, firstCols, cols);
  return estimatedRowCount(text, firstCols, cols);
}

/** Printable ASCII: jumps from row end to row end, skipping the spaces that hang there. */
function asciiRowCount(text: string, firstCols: number, cols: number): number {
  let rows = 1;
  let at = firstCols;
  for (;;) {
    while (at < text.length && text.charCodeAt(at) === 0x20) at++;
    if (at >= text.length) return rows;
    rows++;
    at += cols;
  }
}

/** Any text: walks it character by character with estimated widths. */
function estimatedRowCount(text: string, firstCols: number, cols: number): number {
  let rows = 1;
  let used = cols - firstCols;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let w: number;
    if (c === 0x09) w = 8 - (used % 8);
    else if (c >= 0xd800 && c <= 0xdbff) { w = 2; i++; } // a surrogate pair: most are emoji, drawn wide
    else w = charColumns(c);
    if (w === 0) continue;
    if (c === 0x20 && used >= cols) continue; // hangs at the end of the row
    if (used + w > cols && used > 0) { rows++; used = 0; }
    used += Math.min(w, cols);
  }
  return rows;
}

/** Columns a BMP character takes in a monospace font: 0 for combining marks, 2 for East Asian wide ones. */
function charColumns(c: number): number {
  if (c < 0x300) return c < 0x20 ? 0 : 1;
  if (c <= 0x36f) return 0;
  if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) return 2;
  return 1;
}
