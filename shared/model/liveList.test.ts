import { describe, expect, it } from 'vitest';
import { LiveList } from './liveList';
import type { Freshness, WatchEvent } from '../contract/resources';

interface Item { uid: string; v: number }
const live: Freshness = { state: 'live', since: '2026-01-01T00:00:00Z' };
const snapshot = (...items: Item[]): WatchEvent => ({ type: 'snapshot', items, freshness: live });
const delta = (upserts: Item[], deletes: string[] = []): WatchEvent => ({ type: 'delta', upserts, deletes });
const values = (l: LiveList<Item>) => [...l.state.items.values()].sort((a, b) => a.uid.localeCompare(b.uid));

describe('LiveList', () => {
  it('starts empty and not synced; a snapshot syncs it', () => {
    const l = new LiveList<Item>();
    expect(l.state).toMatchObject({ version: 0, synced: false });
    expect(l.state.items.size).toBe(0);
    l.apply(snapshot({ uid: 'a', v: 1 }, { uid: 'b', v: 1 }));
    expect(l.state).toMatchObject({ version: 1, synced: true, freshness: live });
    expect(values(l)).toEqual([{ uid: 'a', v: 1 }, { uid: 'b', v: 1 }]);
    expect(l.state.changed.size).toBe(0);
  });

  it('applies a delta in place: the same Map, a new state with the next version and what changed', () => {
    const l = new LiveList<Item>();
    l.apply(snapshot({ uid: 'a', v: 1 }, { uid: 'b', v: 1 }));
    const before = l.state;
    l.apply(delta([{ uid: 'a', v: 2 }, { uid: 'c', v: 1 }], ['b']));
    expect(l.state).not.toBe(before);
    expect(l.state.items).toBe(before.items);
    expect(l.state.version).toBe(2);
    expect([...l.state.changed].sort()).toEqual(['a', 'c']);
    expect([...l.state.deleted]).toEqual(['b']);
    expect(values(l)).toEqual([{ uid: 'a', v: 2 }, { uid: 'c', v: 1 }]);
  });

  it('coalesces what was pushed between flushes into one change, the last word per uid winning', () => {
    const l = new LiveList<Item>();
    l.apply(snapshot({ uid: 'a', v: 1 }, { uid: 'b', v: 1 }));
    l.push(delta([{ uid: 'a', v: 2 }]));
    l.push(delta([{ uid: 'a', v: 3 }], ['b']));
    l.push(delta([{ uid: 'b', v: 9 }, { uid: 'c', v: 1 }]));
    l.push(delta([], ['c']));
    expect(l.state.version).toBe(1);
    expect(l.flush()).toBe(true);
    expect(l.state.version).toBe(2);
    expect(values(l)).toEqual([{ uid: 'a', v: 3 }, { uid: 'b', v: 9 }]);
    expect([...l.state.changed].sort()).toEqual(['a', 'b']);
    expect([...l.state.deleted]).toEqual(['c']);
    expect(l.flush()).toBe(false);
  });

  it('a snapshot replaces everything pushed before it, and deltas after it apply on top', () => {
    const l = new LiveList<Item>();
    l.apply(snapshot({ uid: 'a', v: 1 }));
    const before = l.state.items;
    l.push(delta([{ uid: 'x', v: 1 }]));
    l.push(snapshot({ uid: 'b', v: 1 }, { uid: 'c', v: 1 }));
    l.push(delta([{ uid: 'b', v: 2 }], ['c']));
    l.flush();
    expect(l.state.items).not.toBe(before);
    expect(values(l)).toEqual([{ uid: 'b', v: 2 }]);
    expect(l.state).toMatchObject({ version: 2, synced: true });
    expect(l.state.changed.size + l.state.deleted.size).toBe(0);
  });

  it('freshness and columns change the state without a new version', () => {
    const l = new LiveList<Item>();
    l.apply(snapshot({ uid: 'a', v: 1 }));
    l.apply({ type: 'freshness', freshness: { state: 'reconnecting', since: '2026-01-01T00:00:00Z' } });
    expect(l.state).toMatchObject({ version: 1, freshness: { state: 'reconnecting', since: '2026-01-01T00:00:00Z' } });
    const columns = [{ name: 'Name', type: 'string', priority: 0 }];
    l.apply({ type: 'delta', upserts: [], deletes: [], columns });
    expect(l.state.columns).toBe(columns);
    l.apply(delta([{ uid: 'a', v: 2 }]));
    expect(l.state.columns).toBe(columns);
  });

  it('says a failure at the next flush and keeps the items', () => {
    const l = new LiveList<Item>();
    l.apply(snapshot({ uid: 'a', v: 1 }));
    l.fail('subscription ended');
    expect(l.pending).toBe(true);
    l.flush();
    expect(l.state.error).toBe('subscription ended');
    expect(values(l)).toEqual([{ uid: 'a', v: 1 }]);
  });

  it('a later snapshot ends a failure; a failure after the snapshot still shows', () => {
    const l = new LiveList<Item>();
    l.apply(snapshot({ uid: 'a', v: 1 }));
    l.fail('subscription ended');
    l.flush();
    l.apply(snapshot({ uid: 'b', v: 1 }));
    expect(l.state.error).toBeUndefined();
    expect(values(l)).toEqual([{ uid: 'b', v: 1 }]);
    // Within one flush the order decides: snapshot then failure is a failure.
    l.push(snapshot({ uid: 'c', v: 1 }));
    l.fail('gone again');
    l.flush();
    expect(l.state.error).toBe('gone again');
    // A delta is not a new start: the failure stays.
    l.apply(delta([{ uid: 'd', v: 1 }]));
    expect(l.state.error).toBe('gone again');
  });
});
