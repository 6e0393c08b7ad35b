import type { TableColumn, TableRow } from '../../../shared/contract/resources';

const SAMPLE = 300;
/** Cell padding (10 px each side) plus a little air. */
const CELL_PAD = 24;
/** Header extras: the sort arrow's slot. */
const HEADER_EXTRA = 14;

/** Measures text in pixels: canvas measureText in the page, a per-character estimate elsewhere (tests). */
export interface TextMeasure { cell(text: string): number; header(text: string): number }

export const estimateMeasure: TextMeasure = {
  cell: (t) => t.length * 7.6,
  header: (t) => t.length * 8.4,
};

/** Canvas-based measuring in the table's own fonts; falls back to the estimate without a canvas. */
export function canvasMeasure(cellFont: string, headerFont: string, headerLetterSpacingPx = 0): TextMeasure {
  const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  if (!ctx) return estimateMeasure;
  const measure = (font: string, t: string) => { ctx.font = font; return ctx.measureText(t).width; };
  return {
    cell: (t) => measure(cellFont, t),
    header: (t) => measure(headerFont, t.toUpperCase()) + t.length * headerLetterSpacingPx,
  };
}

interface Bounds { min: number; max: number }

function boundsFor(col: TableColumn, index: number): Bounds {
  if (index === 0) return { min: 160, max: 440 };
  if (col.name === 'Age' || col.type === 'date') return { min: 64, max: 100 };
  if (col.type === 'integer' || col.type === 'number') return { min: 56, max: 140 };
  if (col.type === 'boolean') return { min: 60, max: 100 };
  return { min: 64, max: 380 };
}

// A usage cell (views/metrics) shows its text plus a 36 px bar: measure as a few characters more.
const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? ('usage' in v ? `${(v as unknown as { text: string }).text}\u2003\u2003\u2003` : JSON.stringify(v)) : String(v));

/**
 * Pixel widths for the visible columns from their type and a sample of their content: the widest of
 * the longest 5% of sampled values (so one freak value does not blow a column up; the cell shows it
 * with an ellipsis and a tooltip) or the header, within bounds per type. Sampled, so it costs the
 * same for 100 rows as for 100k, and only a handful of strings per column are measured.
 */
export function columnWidths(columns: TableColumn[], visible: number[], rows: readonly TableRow[], m: TextMeasure = estimateMeasure): number[] {
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  const sample: TableRow[] = [];
  for (let i = 0; i < rows.length && sample.length < SAMPLE; i += step) sample.push(rows[i]);
  return visible.map((i) => {
    const col = columns[i];
    const b = boundsFor(col, i);
    const values = sample.map((r) => text(i === 0 ? r.cells[0] ?? r.name : r.cells[i])).sort((x, y) => x.length - y.length);
    const p95 = Math.min(values.length - 1, Math.floor(values.length * 0.95));
    const candidates = values.length ? values.slice(Math.max(0, p95 - 8), p95 + 1) : [];
    const content = candidates.reduce((w, v) => Math.max(w, m.cell(v)), 0);
    const px = Math.ceil(Math.max(content, m.header(col.name) + HEADER_EXTRA) + CELL_PAD);
    return Math.min(b.max, Math.max(b.min, px));
  });
}

/** Width of the Cluster column of a merged table: the longest context name shown (bold: a tenth more). */
export function clusterWidth(contexts: readonly string[], m: TextMeasure = estimateMeasure): number {
  const longest = contexts.reduce((w, c) => Math.max(w, m.cell(c) * 1.1), 0);
  return Math.min(280, Math.ceil(Math.max(longest, m.header('Cluster') + HEADER_EXTRA) + CELL_PAD));
}

/** Width of the Namespace column for the namespaces present. */
export function namespaceWidth(rows: readonly TableRow[], m: TextMeasure = estimateMeasure): number {
  let longest = '';
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  for (let i = 0; i < rows.length; i += step) if ((rows[i].namespace?.length ?? 0) > longest.length) longest = rows[i].namespace!;
  return Math.min(240, Math.ceil(Math.max(m.cell(longest), m.header('Namespace') + HEADER_EXTRA) + CELL_PAD));
}
