import type { TableColumn, TableRow } from '../../../shared/contract/resources';

/** Column index that means "the Namespace column" (it is ours, not one of the server's). */
export const NAMESPACE_COL = -1;

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

type Key = { missing: boolean; num: number; str: string };

function keyOf(v: unknown, type: string | undefined): Key {
  if (v === null || v === undefined || v === '' || v === '<none>' || v === '<unknown>' || v === '<invalid>') return { missing: true, num: 0, str: '' };
  if (type === 'integer' || type === 'number') {
    const n = Number(v);
    return Number.isFinite(n) ? { missing: false, num: n, str: '' } : { missing: false, num: 0, str: String(v) };
  }
  const str = typeof v === 'object' ? JSON.stringify(v) : String(v);
  const d = parseHumanDuration(str);
  if (d !== undefined) return { missing: false, num: d, str: '' };
  return { missing: false, num: Number.NaN, str: naturalKey(str) };
}

function compareKeys(a: Key, b: Key): number {
  const aNum = !Number.isNaN(a.num) && a.str === '';
  const bNum = !Number.isNaN(b.num) && b.str === '';
  if (aNum && bNum) return a.num - b.num;
  if (aNum !== bNum) return aNum ? -1 : 1;
  return cmp(a.str, b.str);
}

/**
 * Sorts rows by one column, the way a person expects: by the column's declared type (10 after 9),
 * durations by length, Age by creation time (youngest first, ascending), empty cells last in either
 * direction, and ties broken by namespace, name and uid so the order never flickers between updates.
 * Keys are computed once per row (not per comparison), which keeps 10k rows cheap.
 */
export function sortRows(rows: TableRow[], col: number, desc: boolean, columns: TableColumn[], ageIndex: number): TableRow[] {
  const type = columns[col]?.type;
  const decorated = rows.map((r) => {
    let key: Key;
    if (col === NAMESPACE_COL) key = { missing: !r.namespace, num: Number.NaN, str: naturalKey(r.namespace ?? '') };
    else if (col === ageIndex && r.creationTimestamp) key = { missing: false, num: -Date.parse(r.creationTimestamp), str: '' };
    else key = keyOf(r.cells[col], type);
    return { r, key, ns: naturalKey(r.namespace ?? ''), name: naturalKey(r.name) };
  });
  const dir = desc ? -1 : 1;
  decorated.sort((a, b) => {
    if (a.key.missing !== b.key.missing) return a.key.missing ? 1 : -1;
    const c = a.key.missing ? 0 : compareKeys(a.key, b.key) * dir;
    return c || cmp(a.ns, b.ns) || cmp(a.name, b.name) || cmp(a.r.uid, b.r.uid);
  });
  return decorated.map((d) => d.r);
}
