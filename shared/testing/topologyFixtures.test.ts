import { describe, expect, it } from 'vitest';
import { buildEdges } from '../topology/edges';
import { DEMO_NAMESPACE, demoObjects, scaleFixture } from './topologyFixtures';
import { projectTopoObject } from '../topology/topologyObject';

describe('demoObjects', () => {
  const raw = demoObjects();
  const objects = raw.map((o) => projectTopoObject(o));
  const health = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.name === name)?.health.status;

  it('are full objects with unique uids, a fresh copy each call', () => {
    expect(new Set(objects.map((o) => o.uid)).size).toBe(objects.length);
    for (const o of raw) expect(o.apiVersion && o.kind && o.metadata?.name && o.metadata.uid && o.metadata.creationTimestamp).toBeTruthy();
    raw[0].metadata!.name = 'changed';
    expect(demoObjects()[0].metadata!.name).not.toBe('changed');
  });

  it('hold every kind the topology draws', () => {
    expect([...new Set(objects.filter((o) => o.namespace === DEMO_NAMESPACE).map((o) => o.kind))].sort()).toEqual([
      'ConfigMap', 'CronJob', 'DaemonSet', 'Deployment', 'EndpointSlice', 'HorizontalPodAutoscaler', 'Ingress', 'Job',
      'PersistentVolumeClaim', 'Pod', 'ReplicaSet', 'Secret', 'Service', 'StatefulSet',
    ]);
    expect(objects.filter((o) => o.kind === 'ReplicaSet' && o.name.startsWith('web-')).map((o) => [o.revision, o.replicas?.desired])).toEqual([['3', 3], ['2', 0], ['1', 0]]);
  });

  it('are healthy except the stuck checkout rollout', () => {
    const unhealthy = objects.filter((o) => o.health.status !== 'Healthy').map((o) => `${o.kind}/${o.name}: ${o.health.status}`);
    expect(unhealthy).toEqual([
      'Deployment/checkout: Degraded',
      'ReplicaSet/checkout-84c6b7d9f: Progressing',
      'Pod/checkout-84c6b7d9f-j3n8w: Degraded',
    ]);
    expect(health('CronJob', 'nightly-report')).toBe('Healthy');
  });

  it('reference only objects that exist', () => {
    const edges = buildEdges(objects);
    const pods = objects.filter((o) => o.kind === 'Pod');
    const refs = pods.reduce((n, p) => n + p.pod!.configMaps.length + p.pod!.secrets.length + p.pod!.pvcs.length, 0);
    expect(edges.filter((e) => e.kind === 'mounts')).toHaveLength(refs);
    const backends = objects.filter((o) => o.kind === 'Ingress').reduce((n, o) => n + o.ingress!.backends.length, 0);
    expect(edges.filter((e) => e.kind === 'routes')).toHaveLength(backends);
    expect(edges.filter((e) => e.kind === 'binds')).toHaveLength(3);
    expect(edges.filter((e) => e.kind === 'scales')).toHaveLength(1);
    // Every pod has its owner in the set.
    expect(pods.every((p) => edges.some((e) => e.kind === 'owns' && e.target === p.uid))).toBe(true);
  });
});

describe('scaleFixture', () => {
  it('makes the requested size, with every 50th pod crash-looping', () => {
    const objects = scaleFixture({ namespaces: 2, deploymentsPerNamespace: 3, podsPerDeployment: 50 }).map((o) => projectTopoObject(o));
    const pods = objects.filter((o) => o.kind === 'Pod');
    expect(pods).toHaveLength(300);
    expect(pods.filter((p) => p.health.status === 'Degraded')).toHaveLength(6);
    expect(pods.find((p) => p.health.status === 'Degraded')?.pod?.reason).toBe('CrashLoopBackOff');
    expect(new Set(objects.map((o) => o.uid)).size).toBe(objects.length);
  });
});
