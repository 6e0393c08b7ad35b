import { describe, expect, it } from 'vitest';
import { buildTopology, type ObjectNode } from '../../../shared/topology/graph';
import { objectFootnote, objectSummary, podGroupSummary, podSummary, replicaStats, rolloutProgress } from './cardText';
import { demoNamespace, pod } from '../../testing/topologyTestObjects';

describe('replica counts and rollout progress', () => {
  it('lists desired, updated, ready, available and flags the short ones', () => {
    const stats = replicaStats('Deployment', { desired: 3, updated: 2, ready: 1, available: 1, current: 4 });
    expect(stats.map((s) => [s.label, s.value, s.short])).toEqual([
      ['desired', 3, false], ['updated', 2, true], ['ready', 1, true], ['available', 1, true],
    ]);
    expect(replicaStats('ReplicaSet', { desired: 2, updated: 2, ready: 2, available: 2, current: 2 })[1].label).toBe('current');
  });

  it('steps with a rollout: old pods, updated and available fractions', () => {
    const mid = rolloutProgress({ desired: 4, updated: 2, ready: 3, available: 3, current: 5 });
    expect(mid).toMatchObject({ updated: 0.5, available: 0.75, surplus: 3, rollingOut: true });
    expect(mid.label).toBe('2/4 updated · 3/4 available · 3 old');
    const done = rolloutProgress({ desired: 4, updated: 4, ready: 4, available: 4, current: 4 });
    expect(done).toMatchObject({ updated: 1, available: 1, surplus: 0, rollingOut: false, label: '4/4 updated · 4/4 available' });
    expect(rolloutProgress({ desired: 0, updated: 0, ready: 0, available: 0, current: 0 })).toMatchObject({ updated: 1, rollingOut: false, label: 'scaled to zero' });
  });
});

describe('card lines', () => {
  const d = demoNamespace('demo', 2);
  const topology = buildTopology(d.all, { scope: { type: 'namespace', namespace: 'demo' } });
  const node = (uid: string) => topology.nodes.find((n) => n.id === uid) as ObjectNode;

  it('says what kubectl would about a pod', () => {
    expect(podSummary(d.pods[0])).toBe('Running · 1/1 ready · 0 restarts');
    expect(podSummary(pod(d.rs, 'x', { ready: false }))).toBe('ContainerCreating · 0/1 ready · 0 restarts');
    expect(objectFootnote(node(d.pods[0].uid))).toBe('on kwok-node-0');
  });

  it('summarises services, ingresses, HPAs and config', () => {
    expect(objectSummary(node(d.svc.uid))).toBe('ClusterIP · 80/TCP');
    expect(objectSummary(node(d.ing.uid))).toBe('shop.example');
    expect(objectFootnote(node(d.ing.uid))).toBe('→ web');
    expect(objectSummary(node(d.hpa.uid))).toBe('1–5 replicas · now 2');
    expect(objectFootnote(node(d.hpa.uid))).toBe('→ Deployment web');
    expect(objectSummary(node(d.cm.uid), 2)).toBe('used by 2 pods');
    expect(objectSummary(node(d.cm.uid), 0)).toBe('not mounted');
  });

  it('counts a pod group by health, worst first', () => {
    const many = demoNamespace('demo', 9);
    const t = buildTopology([...many.all, pod(many.rs, 'bad', { ready: false })], { scope: { type: 'namespace', namespace: 'demo' } });
    const g = t.nodes.find((n) => n.type === 'podGroup');
    expect(g && g.type === 'podGroup' && podGroupSummary(g)).toBe('1 progressing · 9 healthy');
  });
});
