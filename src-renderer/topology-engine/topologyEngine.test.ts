import { describe, expect, it } from 'vitest';
import { rehydrate, TopologyEngine, type EngineResult } from './topologyEngine';
import { configMap, demoNamespace, pod } from '../testing/topologyTestObjects';

const scope = { type: 'namespace', namespace: 'demo' } as const;
const build = (e: TopologyEngine, id: number, key = 'k') => e.handle({ type: 'build', id, scopeKey: key, options: { scope } }) as EngineResult;

describe('TopologyEngine (what the topology worker runs)', () => {
  it('builds from synced deltas, sends object nodes without their objects, and the page puts its own back', () => {
    const d = demoNamespace('demo', 2);
    const e = new TopologyEngine();
    e.handle({ type: 'sync', upserts: d.all, deletes: [], reset: true });
    const r = build(e, 1);
    expect(r.id).toBe(1);
    expect(r.nodes.every((n) => n.type !== 'object' || n.object === undefined)).toBe(true);
    expect(r.positions.size).toBe(r.nodes.length);
    const byUid = new Map(d.all.map((o) => [o.uid, o]));
    const t = rehydrate(r, (uid) => byUid.get(uid));
    const web = t.nodes.find((n) => n.id === d.web.uid);
    expect(web && web.type === 'object' && web.object).toBe(d.web);
    expect(t.edges).toEqual(r.edges);
  });

  it('keeps every placed node still when objects are added, honours drags, and forgets on re-layout', () => {
    const d = demoNamespace('demo', 2);
    const e = new TopologyEngine();
    e.handle({ type: 'sync', upserts: d.all, deletes: [], reset: true });
    const first = build(e, 1);
    const extra = pod(d.rs, 'p7', { configMaps: ['web-config'] });
    e.handle({ type: 'sync', upserts: [extra], deletes: [] });
    e.handle({ type: 'move', scopeKey: 'k', nodeId: d.svc.uid, x: -999, y: -999 });
    const second = build(e, 2);
    for (const [id, p] of first.positions) if (id !== d.svc.uid) expect(second.positions.get(id)).toEqual(p);
    expect(second.positions.get(d.svc.uid)).toEqual({ x: -999, y: -999 });
    expect(second.positions.has(extra.uid)).toBe(true);
    // Another scope key has its own memory; forget() makes the next build fresh.
    expect(build(e, 3, 'other').positions.get(d.svc.uid)).not.toEqual({ x: -999, y: -999 });
    e.handle({ type: 'forget', scopeKey: 'k' });
    expect(build(e, 4).positions.get(d.svc.uid)).not.toEqual({ x: -999, y: -999 });
  });

  it('applies deletes and resets', () => {
    const d = demoNamespace('demo', 2);
    const e = new TopologyEngine();
    e.handle({ type: 'sync', upserts: d.all, deletes: [], reset: true });
    e.handle({ type: 'sync', upserts: [], deletes: [d.pods[0].uid] });
    expect(build(e, 1).nodes.some((n) => n.id === d.pods[0].uid)).toBe(false);
    e.handle({ type: 'sync', upserts: [d.cm], deletes: [], reset: true });
    expect(build(e, 2).nodes.map((n) => n.id)).toEqual([d.cm.uid]);
  });

  it('replaces one kind\'s objects on resetKinds, and leaves system objects out unless asked', () => {
    const d = demoNamespace('demo', 2);
    const e = new TopologyEngine();
    e.handle({ type: 'sync', upserts: d.all, deletes: [], reset: true });
    const fresh = pod(d.rs, 'p8');
    e.handle({ type: 'sync', upserts: [fresh], deletes: [], resetKinds: ['Pod'] });
    const pods = build(e, 1).nodes.filter((n) => n.kind === 'Pod').map((n) => n.id);
    expect(pods).toEqual([fresh.uid]);
    e.handle({ type: 'sync', upserts: [configMap('kube-root-ca.crt')], deletes: [] });
    const withRoot = (systemObjects: boolean) => (e.handle({ type: 'build', id: 2, scopeKey: 'k', options: { scope, systemObjects } }) as EngineResult).nodes.some((n) => n.name === 'kube-root-ca.crt');
    expect(withRoot(false)).toBe(false);
    expect(withRoot(true)).toBe(true);
  });

  it('rehydrate drops nodes (and their edges) whose object the page no longer has', () => {
    const d = demoNamespace('demo', 2);
    const e = new TopologyEngine();
    e.handle({ type: 'sync', upserts: d.all, deletes: [], reset: true });
    const r = build(e, 1);
    const byUid = new Map(d.all.filter((o) => o.uid !== d.cm.uid).map((o) => [o.uid, o]));
    const t = rehydrate(r, (uid) => byUid.get(uid));
    expect(t.nodes.some((n) => n.id === d.cm.uid)).toBe(false);
    expect(t.edges.some((x) => x.target === d.cm.uid)).toBe(false);
  });
});
