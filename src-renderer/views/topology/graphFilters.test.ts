import { describe, expect, it } from 'vitest';
import { buildTopology } from '../../../shared/topology/graph';
import { countNodes, passesFilters, searchNodes, NO_FILTERS } from './graphFilters';
import { demoNamespace, pod } from '../../testing/topologyTestObjects';

describe('filters', () => {
  const d = demoNamespace('demo', 2);
  const sick = pod(d.rs, 'sick', { ready: false });
  const topology = buildTopology([...d.all, sick], { scope: { type: 'namespace', namespace: 'demo' } });
  const node = (uid: string) => topology.nodes.find((n) => n.id === uid)!;

  it('passes everything with no filter, and filters by kind and by health', () => {
    expect(topology.nodes.every((n) => passesFilters(n, NO_FILTERS))).toBe(true);
    const pods = { kinds: new Set(['Pod']), health: new Set<never>() };
    expect(passesFilters(node(sick.uid), pods)).toBe(true);
    expect(passesFilters(node(d.web.uid), pods)).toBe(false);
    const progressing = { kinds: new Set<string>(), health: new Set(['Progressing' as const]) };
    expect(passesFilters(node(sick.uid), progressing)).toBe(true);
    expect(passesFilters(node(d.cm.uid), progressing)).toBe(false);
  });

  it('treats a pod group as Pods, and matches it by any of its pods\' health', () => {
    const many = demoNamespace('demo', 9);
    const t = buildTopology([...many.all, pod(many.rs, 'bad', { ready: false })], { scope: { type: 'namespace', namespace: 'demo' } });
    const group = t.nodes.find((n) => n.type === 'podGroup')!;
    expect(passesFilters(group, { kinds: new Set(['Pod']), health: new Set() })).toBe(true);
    expect(passesFilters(group, { kinds: new Set(), health: new Set(['Progressing']) })).toBe(true);
    expect(passesFilters(group, { kinds: new Set(), health: new Set(['Degraded']) })).toBe(false);
    const c = countNodes(t.nodes);
    expect(c.kinds.get('Pod')).toBe(10);
    expect(c.health.Progressing).toBeGreaterThanOrEqual(1);
  });
});

describe('searchNodes', () => {
  const d = demoNamespace('demo', 2);
  const topology = buildTopology(d.all, { scope: { type: 'namespace', namespace: 'demo' } });
  const y = new Map(topology.nodes.map((n, i) => [n.id, { x: 0, y: 1000 - i * 10 }]));
  const positionOf = (id: string) => y.get(id);

  it('matches every term against kind, name, namespace and labels, case-insensitively, in reading order', () => {
    const hits = searchNodes(topology.nodes, 'WEB', positionOf);
    expect(hits.length).toBeGreaterThan(4);
    const ys = hits.map((id) => y.get(id)!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(searchNodes(topology.nodes, 'configmap web', positionOf)).toEqual([d.cm.uid]);
    expect(searchNodes(topology.nodes, 'pod-template-hash=abc12', positionOf).sort()).toEqual([d.rs.uid, ...d.pods.map((p) => p.uid)].sort());
    expect(searchNodes(topology.nodes, '   ', positionOf)).toEqual([]);
    expect(searchNodes(topology.nodes, 'nothing-like-this', positionOf)).toEqual([]);
  });
});
