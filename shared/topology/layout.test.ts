import { describe, expect, it } from 'vitest';
import { demoObjects } from '../testing/topologyFixtures';
import { buildTopology } from './graph';
import { groupBoxes, kindRank, layoutTopology, type GroupBox, type Layout, type LayoutEdge, type LayoutNode, type XY } from './layout';
import { projectTopoObject } from './topologyObject';

const W = 220;
const H = 64;
const demo = demoObjects().map((o) => projectTopoObject(o));
const shop = buildTopology(demo, { scope: { type: 'namespace', namespace: 'shop' } });
const everything = buildTopology(demo, { scope: { type: 'all' } });
const byName = (nodes: readonly LayoutNode[], kind: string, name: string) => nodes.find((n) => n.kind === kind && n.name === name)!.id;

function expectNoOverlap(positions: Map<string, XY>) {
  const list = [...positions.entries()].sort((a, b) => a[1].x - b[1].x || a[1].y - b[1].y);
  for (let i = 1; i < list.length; i++) {
    const [, a] = list[i - 1];
    const [id, b] = list[i];
    if (Math.abs(a.x - b.x) < W) expect(b.y - a.y, `${id} overlaps its neighbour`).toBeGreaterThanOrEqual(H);
  }
}

const inside = (p: XY, box: GroupBox) => p.x >= box.x && p.y >= box.y && p.x + W <= box.x + box.width && p.y + H <= box.y + box.height;
const boxesApart = (boxes: GroupBox[]) => boxes.every((a, i) => boxes.every((b, j) => i === j || a.y + a.height <= b.y || b.y + b.height <= a.y || a.x + a.width <= b.x || b.x + b.width <= a.x));

describe('layoutTopology: fresh', () => {
  const layout = layoutTopology(shop.nodes, shop.edges);

  it('places every node, in columns left to right by kind', () => {
    expect(layout.positions.size).toBe(shop.nodes.length);
    const x = (kind: string) => layout.positions.get(shop.nodes.find((n) => n.kind === kind)!.id)!.x;
    const order = ['Ingress', 'Service', 'Deployment', 'ReplicaSet', 'Pod', 'ConfigMap', 'PersistentVolume'].map(x);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
    expect(x('StatefulSet')).toBe(x('Deployment'));
    expect(x('HorizontalPodAutoscaler')).toBe(x('CronJob'));
    expect(x('Job')).toBe(x('ReplicaSet'));
    expect(x('Secret')).toBe(x('PersistentVolumeClaim'));
    expect(kindRank('PodGroup')).toBe(kindRank('Pod'));
    expect(kindRank('Lease')).toBeGreaterThan(kindRank('PersistentVolume'));
  });

  it('overlaps nothing', () => expectNoOverlap(layout.positions));

  it('keeps an HPA right below the workload it scales, and a ReplicaSet level with its pods', () => {
    const dep = layout.positions.get(byName(shop.nodes, 'Deployment', 'web'))!;
    const hpa = layout.positions.get(byName(shop.nodes, 'HorizontalPodAutoscaler', 'web'))!;
    expect(hpa.y - dep.y).toBe(H + 16);
    const rs = layout.positions.get(byName(shop.nodes, 'ReplicaSet', 'web-5d8f7c9b4'))!;
    const pods = shop.nodes.filter((n) => n.kind === 'Pod' && n.name.startsWith('web-')).map((n) => layout.positions.get(n.id)!.y);
    expect(rs.y).toBeGreaterThanOrEqual(Math.min(...pods));
    expect(rs.y).toBeLessThanOrEqual(Math.max(...pods));
  });

  it('is deterministic whatever the input order', () => {
    const again = layoutTopology([...shop.nodes].reverse(), [...shop.edges].reverse());
    expect(again.positions).toEqual(layout.positions);
  });

  it('stacks namespaces as boxes that hold their nodes and do not overlap', () => {
    const all = layoutTopology(everything.nodes, everything.edges);
    expectNoOverlap(all.positions);
    expect([...all.groups.keys()].sort()).toEqual(['payments', 'shop']);
    expect(boxesApart([...all.groups.values()])).toBe(true);
    for (const n of everything.nodes) if (n.group) expect(inside(all.positions.get(n.id)!, all.groups.get(n.group)!)).toBe(true);
  });
});

describe('layoutTopology: incremental', () => {
  const first = layoutTopology(shop.nodes, shop.edges);
  const rs = byName(shop.nodes, 'ReplicaSet', 'web-5d8f7c9b4');
  const withPod = (n: number): { nodes: LayoutNode[]; edges: LayoutEdge[] } => {
    const nodes: LayoutNode[] = [...shop.nodes];
    const edges: LayoutEdge[] = [...shop.edges];
    for (let i = 0; i < n; i++) {
      nodes.push({ id: `new-pod-${i}`, kind: 'Pod', name: `web-5d8f7c9b4-new${i}` });
      edges.push({ id: `owns:${rs}->new-pod-${i}`, kind: 'owns', source: rs, target: `new-pod-${i}` } as LayoutEdge);
    }
    return { nodes, edges };
  };
  const unchanged = (before: Layout, after: Layout) => {
    for (const [id, p] of before.positions) if (after.positions.has(id)) expect(after.positions.get(id), id).toEqual(p);
  };

  it('adding a pod moves nothing and puts the pod in the pod column near its ReplicaSet', () => {
    const { nodes, edges } = withPod(1);
    const next = layoutTopology(nodes, edges, first.positions);
    unchanged(first, next);
    expectNoOverlap(next.positions);
    const p = next.positions.get('new-pod-0')!;
    const podX = first.positions.get(byName(shop.nodes, 'Pod', 'db-0'))!.x;
    expect(p.x).toBe(podX);
    expect(Math.abs(p.y - first.positions.get(rs)!.y)).toBeLessThan(10 * (H + 16));
  });

  it('removing nodes moves nothing and forgets them', () => {
    const fewer = shop.nodes.filter((n) => n.kind !== 'Pod');
    const next = layoutTopology(fewer, shop.edges, first.positions);
    unchanged(first, next);
    expect(next.positions.size).toBe(fewer.length);
  });

  it('a new namespace is laid out below the existing ones', () => {
    const shopOnly = everything.nodes.filter((n) => n.group !== 'payments');
    const before = layoutTopology(shopOnly, everything.edges);
    const after = layoutTopology(everything.nodes, everything.edges, before.positions);
    unchanged(before, after);
    expectNoOverlap(after.positions);
    expect(after.groups.get('payments')!.y).toBeGreaterThan(before.groups.get('shop')!.y + before.groups.get('shop')!.height);
    expect(boxesApart([...after.groups.values()])).toBe(true);
  });

  it('a band that runs out of room grows into overflow columns, never into the next band', () => {
    const all = layoutTopology(everything.nodes, everything.edges);
    const payments = everything.nodes.find((n) => n.kind === 'ReplicaSet' && n.group === 'payments')!.id;
    const nodes: LayoutNode[] = [...everything.nodes];
    const edges: LayoutEdge[] = [...everything.edges];
    // Far more pods than the payments band has rows; payments sorts first, so shop lies below it.
    for (let i = 0; i < 40; i++) {
      nodes.push({ id: `burst-${i}`, kind: 'Pod', name: `burst-${i}`, group: 'payments' });
      edges.push({ kind: 'owns', source: payments, target: `burst-${i}` });
    }
    const next = layoutTopology(nodes, edges, all.positions);
    unchanged(all, next);
    expectNoOverlap(next.positions);
    expect(boxesApart([...next.groups.values()])).toBe(true);
    const pvX = all.positions.get(byName(everything.nodes, 'PersistentVolume', 'pvc-3f1c9a2e-uploads'))!.x;
    expect(Math.max(...nodes.filter((n) => n.id.startsWith('burst-')).map((n) => next.positions.get(n.id)!.x))).toBeGreaterThan(pvX);
  });

  it('with no known node, lays out fresh', () => {
    const stale = new Map([['gone', { x: 5, y: 5 }]]);
    expect(layoutTopology(shop.nodes, shop.edges, stale).positions).toEqual(first.positions);
  });
});

describe('layoutTopology: size', () => {
  it('lays out 3,000 nodes (completes, no overlaps)', () => {
    const nodes: LayoutNode[] = [];
    const edges: LayoutEdge[] = [];
    for (let d = 0; d < 300; d++) {
      const ns = `ns-${d % 10}`;
      nodes.push({ id: `d${d}`, kind: 'Deployment', name: `d${d}`, group: ns }, { id: `r${d}`, kind: 'ReplicaSet', name: `r${d}`, group: ns }, { id: `s${d}`, kind: 'Service', name: `s${d}`, group: ns });
      edges.push({ kind: 'owns', source: `d${d}`, target: `r${d}` });
      for (let p = 0; p < 7; p++) {
        nodes.push({ id: `p${d}-${p}`, kind: 'Pod', name: `p${d}-${p}`, group: ns });
        edges.push({ kind: 'owns', source: `r${d}`, target: `p${d}-${p}` }, { kind: 'selects', source: `s${d}`, target: `p${d}-${p}` });
      }
    }
    expect(nodes).toHaveLength(3000);
    const layout = layoutTopology(nodes, edges);
    expect(layout.positions.size).toBe(3000);
    expect(layout.groups.size).toBe(10);
    expectNoOverlap(layout.positions);
    const next = layoutTopology([...nodes, { id: 'late', kind: 'Pod', name: 'late', group: 'ns-3' }], [...edges, { kind: 'owns', source: 'r3', target: 'late' }], layout.positions);
    expect(next.positions.size).toBe(3001);
    expectNoOverlap(next.positions);
  });
});

// The renderer's card size: the boxes it draws behind cards come from this function too.
const CARD_WIDTH = 256;
const CARD_HEIGHT = 100;

describe('groupBoxes', () => {
  it('surrounds each namespace\'s members and ignores ungrouped nodes', () => {
    const pos = new Map<string, XY>([['a', { x: 0, y: 100 }], ['b', { x: 300, y: 200 }], ['c', { x: 0, y: 900 }], ['pv', { x: 1000, y: 0 }]]);
    const boxes = groupBoxes([{ id: 'a', group: 'demo' }, { id: 'b', group: 'demo' }, { id: 'c', group: 'shop' }, { id: 'pv' }], (id) => pos.get(id), { nodeWidth: CARD_WIDTH, nodeHeight: CARD_HEIGHT, groupPadding: 10, groupHeader: 20 });
    expect(boxes.get('demo')).toEqual({ x: -10, y: 70, width: 300 + CARD_WIDTH + 20, height: 100 + CARD_HEIGHT + 40 });
    expect(boxes.get('shop')).toEqual({ x: -10, y: 870, width: CARD_WIDTH + 20, height: CARD_HEIGHT + 40 });
    expect(boxes.size).toBe(2);
  });
});
