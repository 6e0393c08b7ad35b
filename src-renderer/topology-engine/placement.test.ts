import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../shared/topology/graph';
import { CARD_HEIGHT, CARD_WIDTH, PositionMemory, placeTopology, scopeKey, type XY } from './placement';
import { demoNamespace, pod } from '../testing/topologyTestObjects';

const overlaps = (a: XY, b: XY) => a.x < b.x + CARD_WIDTH && b.x < a.x + CARD_WIDTH && a.y < b.y + CARD_HEIGHT && b.y < a.y + CARD_HEIGHT;

function assertNoOverlap(positions: ReadonlyMap<string, XY>) {
  const list = [...positions.entries()];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      expect(overlaps(list[i][1], list[j][1]), `${list[i][0]} overlaps ${list[j][0]}`).toBe(false);
    }
  }
}

describe('placeTopology', () => {
  it('lays a namespace out left to right by kind, without overlaps', () => {
    const d = demoNamespace('demo', 3);
    const topo = buildTopology(d.all, { scope: { type: 'namespace', namespace: 'demo' } });
    const p = placeTopology(topo);
    expect(p.size).toBe(topo.nodes.length);
    assertNoOverlap(p);
    const x = (uid: string) => p.get(uid)!.x;
    expect(x(d.ing.uid)).toBeLessThan(x(d.svc.uid));
    expect(x(d.svc.uid)).toBeLessThan(x(d.web.uid));
    expect(x(d.web.uid)).toBeLessThan(x(d.rs.uid));
    expect(x(d.rs.uid)).toBeLessThan(x(d.pods[0].uid));
    expect(x(d.pods[0].uid)).toBeLessThan(x(d.cm.uid));
  });
});

describe('PositionMemory', () => {
  const scope = { type: 'namespace', namespace: 'demo' } as const;

  it('keeps every known node exactly where it was when new pods arrive (scale up)', () => {
    const mem = new PositionMemory();
    const d = demoNamespace('demo', 2);
    const key = scopeKey('ctx', scope);
    const before = new Map(mem.place(key, buildTopology(d.all, { scope })));
    const more = [pod(d.rs, 'p2', { configMaps: ['web-config'] }), pod(d.rs, 'p3', { configMaps: ['web-config'] })];
    const after = mem.place(key, buildTopology([...d.all, ...more], { scope }));
    for (const [id, p] of before) expect(after.get(id)).toEqual(p);
    expect(after.has(more[0].uid) && after.has(more[1].uid)).toBe(true);
    assertNoOverlap(after);
  });

  it('keeps a dragged position through later updates', () => {
    const mem = new PositionMemory();
    const d = demoNamespace('demo', 2);
    const key = scopeKey('ctx', scope);
    mem.place(key, buildTopology(d.all, { scope }));
    mem.move(key, d.web.uid, { x: -500, y: 1234 });
    const after = mem.place(key, buildTopology([...d.all, pod(d.rs, 'p9')], { scope }));
    expect(after.get(d.web.uid)).toEqual({ x: -500, y: 1234 });
  });

  it('frees the spot of a deleted node and forgets it', () => {
    const mem = new PositionMemory();
    const d = demoNamespace('demo', 2);
    const key = scopeKey('ctx', scope);
    mem.place(key, buildTopology(d.all, { scope }));
    const gone = d.pods[1].uid;
    const after = mem.place(key, buildTopology(d.all.filter((o) => o.uid !== gone), { scope }));
    expect(after.has(gone)).toBe(false);
    expect(mem.get(key)!.has(gone)).toBe(false);
  });

  it('keeps positions per scope, and forget() gives a fresh layout', () => {
    const mem = new PositionMemory();
    const d = demoNamespace('demo', 2);
    const nsKey = scopeKey('ctx', scope);
    const first = new Map(mem.place(nsKey, buildTopology(d.all, { scope })));
    const wlKey = scopeKey('ctx', { type: 'workload', uid: d.web.uid });
    mem.place(wlKey, buildTopology(d.all, { scope: { type: 'workload', uid: d.web.uid } }));
    mem.move(wlKey, d.web.uid, { x: 9999, y: 9999 });
    // The namespace scope is untouched by what happened in the workload scope.
    expect(mem.place(nsKey, buildTopology(d.all, { scope })).get(d.web.uid)).toEqual(first.get(d.web.uid));
    mem.move(nsKey, d.web.uid, { x: 7777, y: 7777 });
    mem.forget(nsKey);
    expect(mem.place(nsKey, buildTopology(d.all, { scope })).get(d.web.uid)).toEqual(first.get(d.web.uid));
  });

  it('scope keys differ by context, namespace, root and hops', () => {
    const keys = new Set([
      scopeKey('a', { type: 'namespace', namespace: 'x' }), scopeKey('b', { type: 'namespace', namespace: 'x' }),
      scopeKey('a', { type: 'namespace', namespace: 'y' }), scopeKey('a', { type: 'all' }),
      scopeKey('a', { type: 'workload', uid: 'u' }), scopeKey('a', { type: 'focus', uid: 'u', hops: 1 }), scopeKey('a', { type: 'focus', uid: 'u', hops: 2 }),
    ]);
    expect(keys.size).toBe(7);
  });
});
