import { describe, expect, it } from 'vitest';
import { LiveList } from '../../shared/model/liveList';
import type { TopoObject } from '../../shared/topology/topologyObject';
import { listChanges, type ListSeen } from './listChanges';
import { TopologyEngine, type EngineResult } from './topologyEngine';
import { configMap, demoNamespace, pod } from '../testing/topologyTestObjects';

const snapshot = (items: TopoObject[]) => ({ type: 'snapshot' as const, items, freshness: { state: 'live' as const, since: '2026-01-01T00:00:00Z' } });
const delta = (upserts: TopoObject[], deletes: string[] = []) => ({ type: 'delta' as const, upserts, deletes });

describe('listChanges: the engine fed from the live lists\' change sets', () => {
  const d = demoNamespace('demo', 2);
  const pods = () => new LiveList<TopoObject>();

  it('sends a kind whole the first time, then only what each version changed and deleted', () => {
    const list = pods();
    const seen = new Map<string, ListSeen>();
    list.apply(snapshot(d.pods) as never);
    expect(listChanges([{ kind: 'Pod', state: list.state }], seen)).toEqual({ type: 'sync', upserts: d.pods, deletes: [], resetKinds: ['Pod'], reset: true });
    expect(listChanges([{ kind: 'Pod', state: list.state }], seen)).toBeUndefined();

    const extra = pod(d.rs, 'p9');
    list.apply(delta([extra], [d.pods[0].uid]) as never);
    expect(listChanges([{ kind: 'Pod', state: list.state }], seen)).toEqual({ type: 'sync', upserts: [extra], deletes: [d.pods[0].uid] });
  });

  it('sends the kind whole again after a resync or a missed version', () => {
    const list = pods();
    const seen = new Map<string, ListSeen>();
    list.apply(snapshot(d.pods) as never);
    listChanges([{ kind: 'Pod', state: list.state }], seen);
    list.apply(delta([pod(d.rs, 'a')]) as never);
    const b = pod(d.rs, 'b');
    list.apply(delta([b]) as never);
    const skipped = listChanges([{ kind: 'Pod', state: list.state }], seen)!;
    expect(skipped.resetKinds).toEqual(['Pod']);
    expect(skipped.upserts).toHaveLength(4);

    list.apply(snapshot([b]) as never);
    expect(listChanges([{ kind: 'Pod', state: list.state }], seen)).toEqual({ type: 'sync', upserts: [b], deletes: [], resetKinds: ['Pod'] });
  });

  it('keeps the engine equal to the lists through changes, skips and resyncs', () => {
    const podList = pods();
    const cms = new LiveList<TopoObject>();
    const seen = new Map<string, ListSeen>();
    const engine = new TopologyEngine();
    const lists = () => [{ kind: 'Pod', state: podList.state }, { kind: 'ConfigMap', state: cms.state }];
    const step = () => { const s = listChanges(lists(), seen); if (s) engine.handle(s); };
    const ids = () => (engine.handle({ type: 'build', id: 1, scopeKey: 'k', options: { scope: { type: 'namespace', namespace: 'demo' }, podGroupThreshold: 99 } }) as EngineResult).nodes.map((n) => n.id).sort();
    const expected = () => [...podList.state.items.keys(), ...cms.state.items.keys()].sort();

    podList.apply(snapshot(d.pods) as never);
    cms.apply(snapshot([d.cm]) as never);
    step();
    expect(ids()).toEqual(expected());
    podList.apply(delta([pod(d.rs, 'x')], [d.pods[1].uid]) as never);
    step();
    expect(ids()).toEqual(expected());
    podList.apply(delta([pod(d.rs, 'y')]) as never);
    podList.apply(delta([], [d.pods[0].uid]) as never);
    cms.apply(snapshot([configMap('other')]) as never);
    step();
    expect(ids()).toEqual(expected());
  });
});
