import type { TableColumn, TableRow } from '../../../shared/contract/resources';

/** Column index that means "the Namespace column" (it is ours, not one of the server's). */
export const NAMESPACE_COL = -1;
/** Column index that means "the Cluster column" (a merged view of several clusters). */
export const CLUSTER_COL = -2;

/**
 * A string that compares with plain `<` the way people sort: case-insensitive, digit runs by value
 * ("web-9" before "web-10"). Intl.Collator does this too, but is about 50x slower per comparison,
 * which at 10k rows is the difference between 5 ms and 300 ms per sort.
 */
export function naturalKey(s: string): string {
  if (!/\d/.test(s)) return s.toLowerCase();
  return s.toLowerCase().replace(/\d+/g, (d) => {
    const trimmed = d.replace(/^0+(?=\d)/, '');
    return `${String.fromCharCode(0x30 + Math.min(trimmed.length, 40))}${trimmed}`;
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Seconds of a kubectl-style duration ("5m", "3d4h", "2y10d"); undefined if it is not one. */
export function parseHumanDuration(s: string): number | undefined {
  const m = /^(?:(\d+)y)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(s);
  if (!m || s === '') return undefined;
  const [, y, d, h, min, sec] = m.map((x) => Number(x ?? 0));
  return (((y * 365 + d) * 24 + h) * 60 + min) * 60 + sec;
}

export type SortKey = { missing: boolean; num: number; str: string };

function keyOf(v: unknown, type: string | undefined): SortKey {
  if (v === null || v === undefined || v === '' || v === '<none>' || v === '<unknown>' || v === '<invalid>') return { missing: true, num: 0, str: '' };
  // A cell that carries its own sort value (the CPU and Memory columns: views/metrics/usageCells).
  if (typeof v === 'object' && 'usage' in v) {
    const sort = (v as { sort?: number }).sort;
    return sort === undefined ? { missing: true, num: 0, str: '' } : { missing: false, num: sort, str: '' };
  }
  if (type === 'integer' || type === 'number') {
    const n = Number(v);
    return Number.isFinite(n) ? { missing: false, num: n, str: '' } : { missing: false, num: 0, str: String(v) };
  }
  const str = typeof v === 'object' ? JSON.stringify(v) : String(v);
  const d = parseHumanDuration(str);
  if (d !== undefined) return { missing: false, num: d, str: '' };
  return { missing: false, num: Number.NaN, str: naturalKey(str) };
}

function compareKeys(a: SortKey, b: SortKey): number {
  const aNum = !Number.isNaN(a.num) && a.str === '';
  const bNum = !Number.isNaN(b.num) && b.str === '';
  if (aNum && bNum) return a.num - b.num;
  if (aNum !== bNum) return aNum ? -1 : 1;
  return cmp(a.str, b.str);
}

/** What the table is sorted by. `col` is a column index, NAMESPACE_COL or CLUSTER_COL; Age sorts by creation time. */
export interface SortSpec { col: number; desc: boolean; columns: TableColumn[]; ageIndex: number }

/** A row with its sort keys, computed once per row object rather than once per comparison. */
export interface KeyedRow { row: TableRow; key: SortKey; ns: string; name: string }

/** The row's keys under `spec`; the namespace and name keys of `prev` (the same row object) are reused. */
export function keyRow(row: TableRow, spec: SortSpec, prev?: KeyedRow): KeyedRow {
  const { col, columns, ageIndex } = spec;
  let key: SortKey;
  const cluster = (row as { cluster?: string }).cluster;
  if (col === CLUSTER_COL) key = { missing: !cluster, num: Number.NaN, str: naturalKey(cluster ?? '') };
  else if (col === NAMESPACE_COL) key = { missing: !row.namespace, num: Number.NaN, str: naturalKey(row.namespace ?? '') };
  else if (col === ageIndex && row.creationTimestamp) key = { missing: false, num: -Date.parse(row.creationTimestamp), str: '' };
  else key = keyOf(row.cells[col], columns[col]?.type);
  const same = prev?.row === row;
  return { row, key, ns: same ? prev.ns : naturalKey(row.namespace ?? ''), name: same ? prev.name : naturalKey(row.name) };
}

/**
 * The table's order: by the sort key in the chosen direction, empty cells last in either direction,
 * ties broken by namespace, name and uid (always ascending), so it is total and never flickers.
 */
export function compareKeyed(a: KeyedRow, b: KeyedRow, desc: boolean): number {
  if (a.key.missing !== b.key.missing) return a.key.missing ? 1 : -1;
  const c = a.key.missing ? 0 : compareKeys(a.key, b.key) * (desc ? -1 : 1);
  return c || cmp(a.ns, b.ns) || cmp(a.name, b.name) || cmp(a.row.uid, b.row.uid);
}

/**
 * Sorts rows by one column, the way a person expects: by the column's declared type (10 after 9),
 * durations by length, Age by creation time (youngest first, ascending), empty cells last in either
 * direction, and ties broken by namespace, name and uid so the order never flickers between updates.
 * Keys are computed once per row (not per comparison), which keeps 10k rows cheap.
 */
export function sortRows(rows: TableRow[], col: number, desc: boolean, columns: TableColumn[], ageIndex: number): TableRow[] {
  const spec: SortSpec = { col, desc, columns, ageIndex };
  return rows.map((r) => keyRow(r, spec)).sort((a, b) => compareKeyed(a, b, desc)).map((k) => k.row);
}
