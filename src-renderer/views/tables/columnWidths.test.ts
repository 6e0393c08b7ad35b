import { describe, expect, it } from 'vitest';
import { clusterWidth, columnWidths, namespaceWidth } from './columnWidths';
import type { TableColumn, TableRow } from '../../../shared/contract/resources';

const cols: TableColumn[] = [
  { name: 'Name', type: 'string', priority: 0 }, { name: 'Ready', type: 'string', priority: 0 },
  { name: 'Restarts', type: 'integer', priority: 0 }, { name: 'Age', type: 'string', priority: 0 },
  { name: 'Message', type: 'string', priority: 0 },
];
const rows: TableRow[] = Array.from({ length: 50 }, (_, i) => ({
  uid: String(i), name: `web-${i}`, namespace: 'demo', cells: [`web-${i}`, '1/1', i, '5m', i === 7 ? 'x'.repeat(5000) : 'ok'],
}));

describe('columnWidths', () => {
  it('sizes columns by type and content within bounds', () => {
    const [name, ready, restarts, age, msg] = columnWidths(cols, [0, 1, 2, 3, 4], rows);
    expect(name).toBe(160);
    expect(ready).toBeGreaterThanOrEqual(64);
    expect(restarts).toBeLessThanOrEqual(120);
    expect(age).toBeLessThanOrEqual(90);
    expect(msg).toBeLessThan(380); // one long message does not widen the column
  });

  it('grows the name column for long names, up to a limit', () => {
    const long = rows.map((r) => ({ ...r, cells: ['a-very-long-generated-name-with-a-hash-5d8f7c9b4-x2x7q', ...r.cells.slice(1)] }));
    expect(columnWidths(cols, [0], long)[0]).toBeGreaterThan(300);
    expect(columnWidths(cols, [0], long.map((r) => ({ ...r, cells: ['n'.repeat(300)] })))[0]).toBe(440);
  });

  it('works without rows', () => {
    expect(columnWidths(cols, [0, 2], [])).toEqual([160, Math.ceil(8 * 8.4 + 14 + 24)]);
    expect(namespaceWidth([])).toBeGreaterThan(80);
  });
});

describe('clusterWidth', () => {
  it('fits the longest context name (bold), never under the header, at most 280 px', () => {
    const short = clusterWidth(['a']);
    expect(short).toBeGreaterThan(60);
    expect(clusterWidth(['a', 'wheelhouse-e2e-second-admin'])).toBeGreaterThan(short);
    expect(clusterWidth(['x'.repeat(200)])).toBe(280);
  });
});
