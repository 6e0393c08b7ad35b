import { describe, expect, it } from 'vitest';
import { NAMESPACE_COL, naturalKey, parseHumanDuration, sortRows } from './tableSort';
import type { TableColumn, TableRow } from '../../../shared/contract/resources';

const cols: TableColumn[] = [
  { name: 'Name', type: 'string', priority: 0 }, { name: 'Restarts', type: 'integer', priority: 0 },
  { name: 'Last Seen', type: 'string', priority: 0 }, { name: 'Age', type: 'date', priority: 0 },
];
const row = (name: string, restarts: unknown, seen: string, created: string, namespace = 'a'): TableRow =>
  ({ uid: `${namespace}/${name}`, name, namespace, creationTimestamp: created, cells: [name, restarts, seen, '1m'] });

const rows = [
  row('web-10', 2, '5m', '2026-01-01T00:00:00Z'), row('web-9', 10, '2d', '2026-01-03T00:00:00Z'),
  row('web-1', null, '45s', '2026-01-02T00:00:00Z'), row('web-2', 2, '<unknown>', '2026-01-02T00:00:00Z', 'b'),
];
const names = (rs: TableRow[]) => rs.map((r) => r.name);

describe('sortRows', () => {
  it('sorts names naturally, and the reverse', () => {
    expect(names(sortRows(rows, 0, false, cols, 3))).toEqual(['web-1', 'web-2', 'web-9', 'web-10']);
    expect(names(sortRows(rows, 0, true, cols, 3))).toEqual(['web-10', 'web-9', 'web-2', 'web-1']);
  });

  it('sorts integers as numbers with empty cells last in both directions, ties by name', () => {
    expect(names(sortRows(rows, 1, false, cols, 3))).toEqual(['web-10', 'web-2', 'web-9', 'web-1']);
    expect(names(sortRows(rows, 1, true, cols, 3))).toEqual(['web-9', 'web-10', 'web-2', 'web-1']);
  });

  it('sorts duration strings by length of time', () => {
    expect(names(sortRows(rows, 2, false, cols, 3))).toEqual(['web-1', 'web-10', 'web-9', 'web-2']);
  });

  it('sorts Age youngest first', () => {
    expect(names(sortRows(rows, 3, false, cols, 3))).toEqual(['web-9', 'web-1', 'web-2', 'web-10']);
  });

  it('sorts by namespace, then name', () => {
    expect(names(sortRows(rows, NAMESPACE_COL, true, cols, 3))).toEqual(['web-2', 'web-1', 'web-9', 'web-10']);
  });

  it('is stable under re-sorting (same input order-independent result)', () => {
    const shuffled = [rows[2], rows[0], rows[3], rows[1]];
    expect(names(sortRows(shuffled, 1, false, cols, 3))).toEqual(names(sortRows(rows, 1, false, cols, 3)));
  });

  it('sorts 10k rows in natural order of the column, ties by name', () => {
    // Speed is bench/'s business (no timing here); this checks the order at a size where key caching matters.
    const many = Array.from({ length: 10_000 }, (_, i) => row(`pod-${(i * 7919) % 10_000}`, i % 7, `${i % 60}m`, '2026-01-01T00:00:00Z'));
    const byName = sortRows(many, 0, false, cols, 3);
    expect(byName.slice(0, 3).map((r) => r.name)).toEqual(['pod-0', 'pod-1', 'pod-2']);
    expect(byName[9_999].name).toBe('pod-9999');
    const byRestarts = sortRows(many, 1, true, cols, 3);
    for (let i = 1; i < byRestarts.length; i++) {
      const [a, b] = [byRestarts[i - 1], byRestarts[i]];
      expect(Number(a.cells[1]) > Number(b.cells[1]) || (a.cells[1] === b.cells[1] && naturalKey(a.name) < naturalKey(b.name))).toBe(true);
    }
  });
});

describe('parseHumanDuration', () => {
  it('reads kubectl durations', () => {
    expect(parseHumanDuration('45s')).toBe(45);
    expect(parseHumanDuration('3m20s')).toBe(200);
    expect(parseHumanDuration('2d4h')).toBe(2 * 86400 + 4 * 3600);
    expect(parseHumanDuration('1y2d')).toBe(367 * 86400);
    expect(parseHumanDuration('web')).toBeUndefined();
    expect(parseHumanDuration('')).toBeUndefined();
  });
});

describe('naturalKey', () => {
  it('orders digit runs by value and ignores case', () => {
    const words = ['web-10', 'Web-9', 'web-009a', 'web-1', 'api', 'web-100'];
    expect([...words].sort((a, b) => (naturalKey(a) < naturalKey(b) ? -1 : 1))).toEqual(['api', 'web-1', 'Web-9', 'web-009a', 'web-10', 'web-100']);
  });
});
