import { describe, expect, it, vi } from 'vitest';
import { RowOrder, type RowFilter } from './rowOrder';
import { NAMESPACE_COL, sortRows, type SortSpec } from './tableSort';
import { LiveList } from '../../../shared/model/liveList';
import type { TableColumn, TableRow, WatchEvent } from '../../../shared/contract/resources';

const columns: TableColumn[] = [
  { name: 'Name', type: 'string', priority: 0 }, { name: 'Restarts', type: 'integer', priority: 0 },
  { name: 'Status', type: 'string', priority: 0 }, { name: 'Last Seen', type: 'string', priority: 0 }, { name: 'Age', type: 'date', priority: 0 },
];

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

// Few distinct values, so ties (and ties of ties) are common; empty cells in every column.
function makeRow(rnd: ReturnType<typeof random>, uid: string): TableRow {
  const namespace = rnd.pick(['a', 'b', 'B', 'c10', 'c9']);
  const name = rnd.pick(['web', 'web-1', 'web-2', 'web-10', 'api', 'API']);
  return {
    uid, name, namespace, creationTimestamp: rnd.pick(['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', undefined]),
    cells: [name, rnd.pick([0, 1, 2, 10, null, '']), rnd.pick(['Running', 'bench-9', 'bench-10', '<none>', 'Pending']), rnd.pick(['5m', '45s', '2d', '<unknown>', 'x']), '1d'],
  } as TableRow;
}

const uids = (rows: readonly TableRow[]) => rows.map((r) => r.uid);
const everything: RowFilter = () => true;

function expected(list: LiveList<TableRow>, spec: SortSpec, filter: RowFilter): string[] {
  return uids(sortRows([...list.state.items.values()].filter(filter), spec.col, spec.desc, spec.columns, spec.ageIndex));
}

describe('RowOrder', () => {
  it('is sortRows of the filtered rows after every change: upserts, adds, deletes, ties, sort and filter changes, resyncs', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = random(seed);
      const list = new LiveList<TableRow>();
      let next = 0;
      const fresh = (n: number) => Array.from({ length: n }, () => makeRow(rnd, `u${next++}`));
      list.apply({ type: 'snapshot', items: fresh(40), columns, freshness: { state: 'live', since: '2026-01-01T00:00:00Z' } });
      const order = new RowOrder();
      let spec: SortSpec = { col: 0, desc: false, columns, ageIndex: 4 };
      let filter = everything;
      for (let step = 0; step < 120; step++) {
        const op = rnd.int(20);
        if (op < 14) {
          // A frame's worth of deltas: changed rows (often to a tied value), new rows, deletions, and
          // sometimes a row deleted and back within the frame.
          const uidsNow = [...list.state.items.keys()];
          const events: WatchEvent[] = [];
          for (let i = rnd.int(4); i >= 0; i--) {
            const kind = rnd.int(5);
            if (kind < 3 && uidsNow.length) events.push({ type: 'delta', upserts: [makeRow(rnd, rnd.pick(uidsNow))], deletes: [] });
            else if (kind === 3) events.push({ type: 'delta', upserts: fresh(1 + rnd.int(2)), deletes: [] });
            else if (uidsNow.length) events.push({ type: 'delta', upserts: [], deletes: [rnd.pick(uidsNow)] });
          }
          for (const e of events) list.push(e);
          list.flush();
        } else if (op === 14) {
          spec = { ...spec, col: rnd.pick([NAMESPACE_COL, 0, 1, 2, 3, 4]), desc: rnd.next() < 0.5 };
        } else if (op === 15) {
          spec = { ...spec, columns: columns.map((c) => ({ ...c })) };
        } else if (op === 16) {
          const ns = rnd.pick(['a', 'b', 'c']);
          filter = rnd.next() < 0.5 ? everything : (r) => (r.namespace ?? '').toLowerCase().startsWith(ns);
        } else if (op === 17) {
          list.apply({ type: 'snapshot', items: [...[...list.state.items.values()].slice(0, 30), ...fresh(5)], columns, freshness: { state: 'live', since: '2026-01-01T00:00:00Z' } });
        } else if (op === 18) {
          // Two changes before the table looks again (a missed version).
          list.apply({ type: 'delta', upserts: fresh(1), deletes: [] });
          list.apply({ type: 'delta', upserts: [], deletes: [rnd.pick([...list.state.items.keys()])] });
        } else {
          // A burst touching most of the rows at once.
          list.apply({ type: 'delta', upserts: [...list.state.items.keys()].map((u) => makeRow(rnd, u)), deletes: [] });
        }
        expect(uids(order.update(list.state, spec, filter)), `seed ${seed}, step ${step}`).toEqual(expected(list, spec, filter));
      }
    }
  });

  it('returns the same array while nothing changed, a new one when something did', () => {
    const rnd = random(7);
    const list = new LiveList<TableRow>();
    list.apply({ type: 'snapshot', items: [makeRow(rnd, 'x'), makeRow(rnd, 'y')], columns, freshness: { state: 'live', since: '2026-01-01T00:00:00Z' } });
    const order = new RowOrder();
    const spec: SortSpec = { col: 1, desc: false, columns, ageIndex: 4 };
    const first = order.update(list.state, spec, everything);
    expect(order.update(list.state, { ...spec }, everything)).toBe(first);
    list.apply({ type: 'freshness', freshness: { state: 'reconnecting', since: '2026-01-01T00:00:00Z' } });
    expect(order.update(list.state, spec, everything)).toBe(first);
    list.apply({ type: 'delta', upserts: [makeRow(rnd, 'z')], deletes: [] });
    const second = order.update(list.state, spec, everything);
    expect(second).not.toBe(first);
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(3);
  });

  it('overwrites a changed row in its map entry under churn, deleting only rows that leave', () => {
    // A Map keeps a deleted entry in its hash table until the table is rebuilt, so a delete and re-add
    // per change grows the table under sustained churn; an overwrite keeps it the size of the rows.
    const rnd = random(5);
    const list = new LiveList<TableRow>();
    list.apply({ type: 'snapshot', items: Array.from({ length: 200 }, (_, i) => makeRow(rnd, `p${i}`)), columns, freshness: { state: 'live', since: '2026-01-01T00:00:00Z' } });
    const order = new RowOrder();
    const spec: SortSpec = { col: 2, desc: false, columns, ageIndex: 4 };
    order.update(list.state, spec, everything);
    const deletes = vi.spyOn(Map.prototype, 'delete');
    try {
      let deleted = 0;
      for (let i = 0; i < 1000; i++) {
        list.apply({ type: 'delta', upserts: [{ ...makeRow(rnd, `p${i % 200}`), cells: ['web', 1, `bench-${i}`, '5m', '1d'] }], deletes: [] });
        deletes.mockClear();
        order.update(list.state, spec, everything);
        deleted += deletes.mock.calls.length;
      }
      expect(deleted).toBe(0);
      list.apply({ type: 'delta', upserts: [], deletes: ['p7'] });
      deletes.mockClear();
      const rows = order.update(list.state, spec, everything);
      expect(deletes.mock.calls.map((c) => c[0])).toEqual(['p7']);
      expect(uids(rows)).toEqual(expected(list, spec, everything));
    } finally {
      deletes.mockRestore();
    }
  });

  it('re-places a changed row among 10k without recomputing the keys of the others', () => {
    const rnd = random(3);
    const list = new LiveList<TableRow>();
    list.apply({ type: 'snapshot', items: Array.from({ length: 10_000 }, (_, i) => makeRow(rnd, `p${i}`)), columns, freshness: { state: 'live', since: '2026-01-01T00:00:00Z' } });
    const order = new RowOrder();
    const spec: SortSpec = { col: 2, desc: true, columns, ageIndex: 4 };
    order.update(list.state, spec, everything);
    // A row whose cells cannot be read fails the test if its key is computed again.
    const spy = list.state.items.get('p5')!;
    let reads = 0;
    Object.defineProperty(spy, 'cells', { get() { reads++; return ['web', 1, 'Running', '5m', '1d']; } });
    list.apply({ type: 'delta', upserts: [{ ...makeRow(rnd, 'p1'), cells: ['web', 1, 'bench-1', '5m', '1d'] }], deletes: ['p2'] });
    const rows = order.update(list.state, spec, everything);
    expect(reads).toBe(0);
    expect(uids(rows)).toEqual(expected(list, spec, everything));
  });
});
