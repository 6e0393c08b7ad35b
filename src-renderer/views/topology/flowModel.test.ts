import { describe, expect, it } from 'vitest';
import { buildTopology, type TopoNode } from '../../../shared/topology/graph';
import { CARD_HEIGHT, CARD_WIDTH, placeTopology, type XY } from '../../topology-engine/placement';
import { edgeHandles, NAMESPACE_NODE_PREFIX, toFlowEdges, toFlowNodes, unlessChanged, type TopologyFlowNode } from './flowModel';
import { deployment, demoNamespace, pod, replicaSet } from '../../testing/topologyTestObjects';
import { projectTopoObject } from '../../../shared/topology/topologyObject';

const scope = { type: 'namespace', namespace: 'demo' } as const;
const all = () => true;

function setup(objects = demoNamespace('demo', 2).all) {
  const topology = buildTopology(objects, { scope });
  const positions = placeTopology(topology);
  return { topology, positions, positionOf: (id: string) => positions.get(id) };
}

describe('toFlowNodes', () => {
  it('maps each graph node to a fixed-size card at its position', () => {
    const { topology, positionOf } = setup();
    const nodes = toFlowNodes({ topology, positionOf, visible: all });
    expect(nodes).toHaveLength(topology.nodes.length);
    for (const n of nodes) {
      expect(n.position).toEqual(positionOf(n.id));
      expect([n.width, n.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
      expect(n.type).toBe('object');
      expect(n.hidden).toBe(false);
    }
  });

  it('hides filtered nodes without moving them, and marks the selection and search matches', () => {
    const d = demoNamespace('demo', 2);
    const { topology, positionOf } = setup(d.all);
    const nodes = toFlowNodes({
      topology, positionOf, visible: (n: TopoNode) => n.kind !== 'Pod', selectedId: d.web.uid,
      matches: new Set([d.svc.uid, d.web.uid]), currentMatch: d.svc.uid,
    });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get(d.pods[0].uid)!.hidden).toBe(true);
    expect(byId.get(d.pods[0].uid)!.position).toEqual(positionOf(d.pods[0].uid));
    expect(byId.get(d.web.uid)!.selected).toBe(true);
    expect(byId.get(d.svc.uid)!.data).toMatchObject({ match: true, current: true });
    expect(byId.get(d.web.uid)!.data).toMatchObject({ match: true });
    expect(byId.get(d.cm.uid)!.data).toMatchObject({ faded: true });
  });

  it('reuses the previous node object when nothing on its card changed', () => {
    const d = demoNamespace('demo', 2);
    const first = setup(d.all);
    const a = toFlowNodes({ topology: first.topology, positionOf: first.positionOf, visible: all });
    const prev = new Map(a.map((n) => [n.id, n] as [string, TopologyFlowNode]));
    // One pod changes (not ready any more); everything else is the same objects, rebuilt.
    const changed = pod(d.rs, 'p0', { configMaps: ['web-config'] });
    const sick = { ...changed, uid: d.pods[0].uid, health: { status: 'Progressing' as const, message: 'not ready' } };
    const objects = d.all.map((o) => (o.uid === sick.uid ? sick : o));
    const topology = buildTopology(objects, { scope });
    const b = toFlowNodes({ topology, positionOf: first.positionOf, visible: all }, prev);
    const changedIds = b.filter((n) => prev.get(n.id) !== n).map((n) => n.id).sort();
    // The pod, and what its health rolls up into (ReplicaSet, Deployment).
    expect(changedIds).toEqual([d.pods[0].uid, d.rs.uid, d.web.uid].sort());
  });

  it('offers to show or hide old ReplicaSets on their Deployment, and flags autoscaled workloads', () => {
    const web = deployment('web', { replicas: 1, revision: '2' });
    const rsNew = replicaSet(web, 'new', 1, '2');
    const rsOld = replicaSet(web, 'old', 0, '1');
    const objects = [web, rsNew, rsOld, pod(rsNew, 'a')];
    const collapsed = buildTopology(objects, { scope });
    const pos = placeTopology(collapsed);
    const nodes = toFlowNodes({ topology: collapsed, positionOf: (id) => pos.get(id), visible: all });
    expect(nodes.find((n) => n.id === web.uid)!.data).toMatchObject({ oldReplicaSets: { count: 1, expanded: false } });
    expect(nodes.some((n) => n.id === rsOld.uid)).toBe(false);

    const expanded = buildTopology(objects, { scope, expandedReplicaSets: [web.uid] });
    const pos2 = placeTopology(expanded);
    const nodes2 = toFlowNodes({ topology: expanded, positionOf: (id) => pos2.get(id), visible: all, expandedReplicaSets: new Set([web.uid]) });
    expect(nodes2.find((n) => n.id === web.uid)!.data).toMatchObject({ oldReplicaSets: { count: 1, expanded: true } });
    expect(nodes2.find((n) => n.id === rsOld.uid)!.data.node).toMatchObject({ dimmed: true });

    const many = demoNamespace('demo', 10);
    const folded = setup(many.all);
    // Ten pods folded into one group still count as ten users of the ConfigMap.
    expect(toFlowNodes({ topology: folded.topology, positionOf: folded.positionOf, visible: all }).find((n) => n.id === many.cm.uid)!.data.usedBy).toBe(10);

    const d = demoNamespace('demo', 1);
    const s = setup(d.all);
    expect(toFlowNodes({ topology: s.topology, positionOf: s.positionOf, visible: all }).find((n) => n.id === d.web.uid)!.data.autoscaled).toBe(true);
  });

  it('folds many pods into a pod group node and draws one box per namespace behind the cards', () => {
    const a = demoNamespace('demo', 10);
    const b = demoNamespace('shop', 1);
    const topology = buildTopology([...a.all, ...b.all], { scope: { type: 'all' } });
    const pos = placeTopology(topology);
    const nodes = toFlowNodes({ topology, positionOf: (id) => pos.get(id), visible: all });
    const group = nodes.find((n) => n.type === 'podGroup')!;
    expect(group.data.node).toMatchObject({ count: 10, ownerUid: a.rs.uid });
    const boxes = nodes.filter((n) => n.type === 'namespace');
    expect(boxes.map((n) => n.id)).toEqual([`${NAMESPACE_NODE_PREFIX}demo`, `${NAMESPACE_NODE_PREFIX}shop`]);
    expect(nodes.indexOf(boxes[1])).toBeLessThan(nodes.indexOf(group));
    for (const box of boxes) {
      expect(box.draggable).toBe(false);
      const members = nodes.filter((n) => n.type !== 'namespace' && (n.data.node as TopoNode).group === box.data.namespace);
      for (const m of members) {
        expect(m.position.x).toBeGreaterThanOrEqual(box.position.x);
        expect(m.position.y + CARD_HEIGHT).toBeLessThanOrEqual(box.position.y + box.height!);
      }
    }
  });
});

describe('edges', () => {
  const at = (x: number, y: number): XY => ({ x, y });

  it('joins left to right, and top/bottom within a column', () => {
    expect(edgeHandles(at(0, 0), at(400, 0))).toEqual({ sourceHandle: 's-right', targetHandle: 't-left' });
    expect(edgeHandles(at(400, 0), at(0, 0))).toEqual({ sourceHandle: 's-left', targetHandle: 't-right' });
    expect(edgeHandles(at(0, 200), at(0, 0))).toEqual({ sourceHandle: 's-top', targetHandle: 't-bottom' });
    expect(edgeHandles(at(0, 0), at(0, 200))).toEqual({ sourceHandle: 's-bottom', targetHandle: 't-top' });
  });

  it('styles edges by kind, hides those touching hidden nodes, emphasises the selection\'s, and reuses unchanged ones', () => {
    const d = demoNamespace('demo', 2);
    const { topology, positionOf } = setup(d.all);
    const edges = toFlowEdges({ edges: topology.edges, positionOf, isHidden: (id) => id === d.cm.uid, selectedId: d.web.uid });
    expect(edges).toHaveLength(topology.edges.length);
    const kinds = new Set(edges.map((e) => e.data!.kind));
    expect(kinds).toEqual(new Set(['owns', 'selects', 'routes', 'scales', 'mounts']));
    for (const e of edges) {
      expect(e.className).toContain(`edge-${e.data!.kind}`);
      expect(e.hidden).toBe(e.target === d.cm.uid);
      expect(e.className!.includes('edge-active')).toBe(e.source === d.web.uid || e.target === d.web.uid);
    }
    const again = toFlowEdges({ edges: topology.edges, positionOf, isHidden: (id) => id === d.cm.uid, selectedId: d.web.uid }, new Map(edges.map((e) => [e.id, e])));
    expect(again.every((e, i) => e === edges[i])).toBe(true);
  });

  it('renders hostile names as data only (the card puts them in text nodes)', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const o = projectTopoObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: evil, namespace: 'demo', uid: 'u1', labels: { x: evil } } });
    const topology = buildTopology([o], { scope });
    const pos = placeTopology(topology);
    const [n] = toFlowNodes({ topology, positionOf: (id) => pos.get(id), visible: all });
    expect((n.data.node as TopoNode).name).toBe(evil);
  });
});

describe('unlessChanged', () => {
  it('returns the previous array when every element is the same object, else the new one', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const prev = [a, b];
    expect(unlessChanged(prev, [a, b])).toBe(prev);
    const moved = [b, a];
    expect(unlessChanged(prev, moved)).toBe(moved);
    const grown = [a, b, { id: 'c' }];
    expect(unlessChanged(prev, grown)).toBe(grown);
    const first = [a];
    expect(unlessChanged(undefined, first)).toBe(first);
  });

  it('makes an unchanged rebuild hand React Flow the very same arrays', () => {
    const { topology, positionOf } = setup();
    const nodes = toFlowNodes({ topology, positionOf, visible: all });
    const again = toFlowNodes({ topology, positionOf, visible: all }, new Map(nodes.map((n) => [n.id, n])));
    expect(unlessChanged(nodes, again)).toBe(nodes);
  });
});
