import { describe, expect, it } from 'vitest';
import { demoObjects, scaleFixture } from '../testing/topologyFixtures';
import { buildTopology, podGroupId, type ObjectNode, type PodGroupNode, type Topology, type TopologyOptions } from './graph';
import type { HealthStatus } from './health';
import { projectTopoObject, type TopoObject } from './topologyObject';

const demo = demoObjects().map((o) => projectTopoObject(o));
const uid = (kind: string, name: string, objects: TopoObject[] = demo) => objects.find((o) => o.kind === kind && o.name === name)!.uid;
const shop: TopologyOptions['scope'] = { type: 'namespace', namespace: 'shop' };
const node = (g: Topology, kind: string, name: string) => g.nodes.find((n) => n.kind === kind && n.name === name);
const objectNode = (g: Topology, kind: string, name: string) => node(g, kind, name) as ObjectNode | undefined;
const kinds = (g: Topology) => [...new Set(g.nodes.map((n) => n.kind))].sort();

/** Every edge end is a node, ids are unique and match their parts. */
function expectConsistent(g: Topology) {
  const ids = new Set(g.nodes.map((n) => n.id));
  expect(ids.size).toBe(g.nodes.length);
  for (const e of g.edges) {
    expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(e.id).toBe(`${e.kind}:${e.source}->${e.target}`);
  }
  expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
}

describe('buildTopology on the demo namespace', () => {
  const g = buildTopology(demo, { scope: shop });

  it('has the expected nodes, EndpointSlices folded into Services', () => {
    expectConsistent(g);
    expect(kinds(g)).toEqual(['ConfigMap', 'CronJob', 'DaemonSet', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'Job', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'ReplicaSet', 'Secret', 'Service', 'StatefulSet']);
    expect(objectNode(g, 'Service', 'web')?.endpoints).toEqual({ ready: 3, total: 3 });
    expect(objectNode(g, 'Service', 'checkout')?.endpoints).toEqual({ ready: 2, total: 3 });
    expect(g.nodes.every((n) => n.group === undefined)).toBe(true);
  });

  it('rolls health up: the stuck pod makes its ReplicaSet Degraded; the web Deployment stays Healthy', () => {
    expect(node(g, 'ReplicaSet', 'checkout-84c6b7d9f')?.health.status).toBe('Degraded');
    expect(node(g, 'Deployment', 'checkout')?.health.status).toBe('Degraded');
    expect(node(g, 'Deployment', 'web')?.health.status).toBe('Healthy');
    expect(objectNode(g, 'ReplicaSet', 'checkout-84c6b7d9f')?.object.health.status).toBe('Progressing');
  });

  it('hides old ReplicaSets at 0 and counts them on their Deployment', () => {
    expect(g.nodes.filter((n) => n.kind === 'ReplicaSet').map((n) => n.name).sort()).toEqual(['checkout-5b9d8c7f6', 'checkout-84c6b7d9f', 'web-5d8f7c9b4']);
    expect(objectNode(g, 'Deployment', 'web')?.hiddenReplicaSets).toBe(2);
    expect(objectNode(g, 'Deployment', 'checkout')?.hiddenReplicaSets).toBeUndefined();
  });

  it('shows old ReplicaSets dimmed when expanded by Deployment or ReplicaSet uid, or when not collapsing', () => {
    const byDeployment = buildTopology(demo, { scope: shop, expandedReplicaSets: [uid('Deployment', 'web')] });
    expect(objectNode(byDeployment, 'ReplicaSet', 'web-6b7d9c8f5')?.dimmed).toBe(true);
    expect(objectNode(byDeployment, 'ReplicaSet', 'web-7c9f8d6b3')?.dimmed).toBe(true);
    expect(objectNode(byDeployment, 'ReplicaSet', 'web-5d8f7c9b4')?.dimmed).toBeUndefined();
    expect(byDeployment.edges.some((e) => e.kind === 'owns' && e.target === uid('ReplicaSet', 'web-6b7d9c8f5'))).toBe(true);
    const one = buildTopology(demo, { scope: shop, expandedReplicaSets: [uid('ReplicaSet', 'web-7c9f8d6b3')] });
    expect(node(one, 'ReplicaSet', 'web-7c9f8d6b3')).toBeDefined();
    expect(node(one, 'ReplicaSet', 'web-6b7d9c8f5')).toBeUndefined();
    expect(objectNode(one, 'Deployment', 'web')?.hiddenReplicaSets).toBe(1);
    const all = buildTopology(demo, { scope: shop, collapseOldReplicaSets: false });
    expect(objectNode(all, 'ReplicaSet', 'web-6b7d9c8f5')?.dimmed).toBe(true);
  });

  it('keeps an old ReplicaSet that still has pods (scaling down)', () => {
    const objects = demo.map((o) => (o.name === 'checkout-5b9d8c7f6' && o.kind === 'ReplicaSet' ? { ...o, replicas: { ...o.replicas!, desired: 0 } } : o));
    const gg = buildTopology(objects, { scope: shop });
    expect(objectNode(gg, 'ReplicaSet', 'checkout-5b9d8c7f6')?.dimmed).toBe(true);
  });
});

describe('pod folding', () => {
  const rs = uid('ReplicaSet', 'web-5d8f7c9b4');
  const folded = buildTopology(demo, { scope: shop, podGroupThreshold: 2 });

  it('folds pods beyond the threshold into one group node per owner', () => {
    expectConsistent(folded);
    const group = node(folded, 'PodGroup', 'web-5d8f7c9b4') as PodGroupNode;
    expect(group).toMatchObject({ id: podGroupId(rs), type: 'podGroup', ownerUid: rs, ownerKind: 'ReplicaSet', count: 3, namespace: 'shop' });
    expect(group.byHealth).toEqual({ Healthy: 3, Suspended: 0, Progressing: 0, Missing: 0, Degraded: 0, Unknown: 0 });
    expect(group.podUids).toEqual(demo.filter((o) => o.kind === 'Pod' && o.name.startsWith('web-')).map((o) => o.uid).sort());
    expect(node(folded, 'Pod', 'web-5d8f7c9b4-kx2vq')).toBeUndefined();
    // Two pods of a StatefulSet stay pods; three DaemonSet pods fold.
    expect(node(folded, 'Pod', 'db-0')).toBeDefined();
    expect(node(folded, 'PodGroup', 'log-agent')).toBeDefined();
  });

  it('re-points edges at the group, once per kind and pair', () => {
    const group = podGroupId(rs);
    const touching = folded.edges.filter((e) => e.source === group || e.target === group).map((e) => e.id).sort();
    expect(touching).toEqual([
      `mounts:${group}->${uid('ConfigMap', 'web-config')}`,
      `mounts:${group}->${uid('PersistentVolumeClaim', 'web-uploads')}`,
      `mounts:${group}->${uid('Secret', 'db-credentials')}`,
      `mounts:${group}->${uid('Secret', 'web-tls')}`,
      `owns:${rs}->${group}`,
      `selects:${uid('Service', 'web')}->${group}`,
    ]);
  });

  it('leaves the pods of an expanded owner alone', () => {
    const g = buildTopology(demo, { scope: shop, podGroupThreshold: 2, expandedGroups: [rs] });
    expect(node(g, 'PodGroup', 'web-5d8f7c9b4')).toBeUndefined();
    expect(g.nodes.filter((n) => n.kind === 'Pod' && n.name.startsWith('web-'))).toHaveLength(3);
  });

  it('never folds the focused pod', () => {
    const pod = uid('Pod', 'web-5d8f7c9b4-kx2vq');
    const g = buildTopology(demo, { scope: { type: 'focus', uid: pod, hops: 2 }, podGroupThreshold: 1 });
    expectConsistent(g);
    expect(node(g, 'Pod', 'web-5d8f7c9b4-kx2vq')).toBeDefined();
    expect((node(g, 'PodGroup', 'web-5d8f7c9b4') as PodGroupNode).count).toBe(2);
  });

  it('counts and rolls up health inside a group', () => {
    const sick: HealthStatus = { status: 'Degraded', message: 'CrashLoopBackOff' };
    const objects = demo.map((o) => (o.name === 'web-5d8f7c9b4-p8d4m' ? { ...o, health: sick } : o));
    const g = buildTopology(objects, { scope: shop, podGroupThreshold: 2 });
    const group = node(g, 'PodGroup', 'web-5d8f7c9b4') as PodGroupNode;
    expect(group.health).toEqual({ status: 'Degraded', message: '1 of 3 pods Degraded' });
    expect(group.byHealth.Degraded).toBe(1);
    expect(node(g, 'Deployment', 'web')?.health.status).toBe('Degraded');
  });
});

describe('scopes', () => {
  it('all: every namespace, grouped by namespace; volumes ungrouped', () => {
    const g = buildTopology(demo, { scope: { type: 'all' } });
    expectConsistent(g);
    expect(objectNode(g, 'Deployment', 'payments-api')?.group).toBe('payments');
    expect(objectNode(g, 'Deployment', 'web')?.group).toBe('shop');
    expect(objectNode(g, 'PersistentVolume', 'pvc-3f1c9a2e-uploads')?.group).toBeUndefined();
  });

  it('workload: the web Deployment and what surrounds it', () => {
    const g = buildTopology(demo, { scope: { type: 'workload', uid: uid('Deployment', 'web') } });
    expectConsistent(g);
    expect(g.nodes.map((n) => `${n.kind}/${n.name}`).sort()).toEqual([
      'ConfigMap/web-config', 'Deployment/web', 'HorizontalPodAutoscaler/web', 'Ingress/web', 'PersistentVolume/pvc-3f1c9a2e-uploads',
      'PersistentVolumeClaim/web-uploads', 'Pod/web-5d8f7c9b4-kx2vq', 'Pod/web-5d8f7c9b4-p8d4m', 'Pod/web-5d8f7c9b4-z7w1t',
      'ReplicaSet/web-5d8f7c9b4', 'Secret/db-credentials', 'Secret/web-tls', 'Service/web',
    ]);
    expect(g.edges.filter((e) => e.kind === 'scales')).toHaveLength(1);
  });

  it('is deterministic whatever the input order', () => {
    const a = buildTopology(demo, { scope: { type: 'all' }, podGroupThreshold: 2 });
    const b = buildTopology([...demo].reverse(), { scope: { type: 'all' }, podGroupThreshold: 2 });
    expect(b).toEqual(a);
  });
});

describe('scale', () => {
  it('builds a 10,000-pod namespace into a few hundred nodes (completes, correct)', () => {
    const objects = scaleFixture({ namespaces: 1, deploymentsPerNamespace: 100, podsPerDeployment: 100 }).map((o) => projectTopoObject(o));
    const g = buildTopology(objects, { scope: { type: 'namespace', namespace: 'load-0' } });
    expectConsistent(g);
    const count = (kind: string) => g.nodes.filter((n) => n.kind === kind).length;
    expect([count('Deployment'), count('ReplicaSet'), count('PodGroup'), count('Service'), count('ConfigMap'), count('Pod')]).toEqual([100, 100, 100, 100, 100, 0]);
    expect(g.edges).toHaveLength(400);
    const group = node(g, 'PodGroup', 'app-0-abc123') as PodGroupNode;
    expect(group.count).toBe(100);
    expect(group.byHealth.Degraded).toBe(2);
    expect(node(g, 'Deployment', 'app-0')?.health.status).toBe('Degraded');
  });
});
