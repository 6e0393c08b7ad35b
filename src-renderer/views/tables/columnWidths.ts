import type { TableColumn, TableRow } from '../../../shared/contract/resources';

const CHAR_PX = 7.4;
const PAD_PX = 22;
const SAMPLE = 300;

interface Bounds { min: number; max: number }

function boundsFor(col: TableColumn, index: number): Bounds {
  if (index === 0) return { min: 160, max: 440 };
  if (col.name === 'Age' || col.type === 'date') return { min: 64, max: 90 };
  if (col.type === 'integer' || col.type === 'number') return { min: 56, max: 120 };
  if (col.type === 'boolean') return { min: 60, max: 90 };
  return { min: 64, max: 380 };
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * Pixel widths for the visible columns from their type and a sample of their content (the 95th
 * percentile length, so one freak value does not blow a column up; the cell shows it with an ellipsis
 * and a tooltip). Sampled, not measured: it costs the same for 100 rows as for 100k.
 */
export function columnWidths(columns: TableColumn[], visible: number[], rows: readonly TableRow[]): number[] {
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  const sample: TableRow[] = [];
  for (let i = 0; i < rows.length && sample.length < SAMPLE; i += step) sample.push(rows[i]);
  return visible.map((i) => {
    const col = columns[i];
    const b = boundsFor(col, i);
    const lengths = sample.map((r) => text(i === 0 ? r.cells[0] ?? r.name : r.cells[i]).length).sort((x, y) => x - y);
    const p95 = lengths.length ? lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.95))] : 0;
    const header = col.name.length + 2; // room for the sort arrow
    const px = Math.ceil(Math.max(p95, header) * CHAR_PX + PAD_PX);
    return Math.min(b.max, Math.max(b.min, px));
  });
}

/** Width of the Namespace column for the namespaces present. */
export function namespaceWidth(rows: readonly TableRow[]): number {
  let longest = 'Namespace'.length + 2;
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  for (let i = 0; i < rows.length; i += step) longest = Math.max(longest, rows[i].namespace?.length ?? 0);
  return Math.min(240, Math.ceil(longest * CHAR_PX + PAD_PX));
}
