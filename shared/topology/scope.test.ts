import { describe, expect, it } from 'vitest';
import { buildEdges } from './edges';
import { demoObjects } from '../testing/topologyFixtures';
import { podGroupId, selectScope, type TopologyScope } from './scope';
import { projectTopoObject } from './topologyObject';

const objects = demoObjects().map((o) => projectTopoObject(o)).filter((o) => o.kind !== 'EndpointSlice');
const edges = buildEdges(objects);
const uid = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.name === name)!.uid;
const names = (scope: TopologyScope) => {
  const set = selectScope(objects, edges, scope);
  return objects.filter((o) => set.has(o.uid)).map((o) => `${o.kind}/${o.name}`).sort();
};

describe('selectScope', () => {
  it('namespace: its objects plus the volumes its claims bind', () => {
    const shop = names({ type: 'namespace', namespace: 'shop' });
    expect(shop).toContain('PersistentVolume/pvc-3f1c9a2e-uploads');
    expect(shop).toContain('PersistentVolume/pvc-8e2d4b10-data-db-0');
    expect(shop.some((n) => n.includes('payments'))).toBe(false);
    expect(names({ type: 'namespace', namespace: 'payments' })).toEqual([
      'Deployment/payments-api', 'Pod/payments-api-66f7d8c9b-c4v7n', 'Pod/payments-api-66f7d8c9b-h2k9p', 'ReplicaSet/payments-api-66f7d8c9b', 'Service/payments-api',
    ]);
  });

  it('all: everything', () => expect(selectScope(objects, edges, { type: 'all' }).size).toBe(objects.length));

  it('workload: the owner tree down and what serves, scales and feeds it', () => {
    expect(names({ type: 'workload', uid: uid('Deployment', 'web') })).toEqual([
      'ConfigMap/web-config',
      'Deployment/web',
      'HorizontalPodAutoscaler/web',
      'Ingress/web',
      'PersistentVolume/pvc-3f1c9a2e-uploads',
      'PersistentVolumeClaim/web-uploads',
      'Pod/web-5d8f7c9b4-kx2vq', 'Pod/web-5d8f7c9b4-p8d4m', 'Pod/web-5d8f7c9b4-z7w1t',
      'ReplicaSet/web-5d8f7c9b4', 'ReplicaSet/web-6b7d9c8f5', 'ReplicaSet/web-7c9f8d6b3',
      'Secret/db-credentials', 'Secret/web-tls',
      'Service/web',
    ]);
  });

  it('workload: a CronJob brings its Jobs, their pods and what they mount', () => {
    expect(names({ type: 'workload', uid: uid('CronJob', 'nightly-report') })).toEqual([
      'CronJob/nightly-report', 'Job/nightly-report-29551320', 'Pod/nightly-report-29551320-v9q4s', 'Secret/db-credentials',
    ]);
  });

  it('focus: neighbours within 1 or 2 hops, both directions', () => {
    const svc = uid('Service', 'web');
    expect(names({ type: 'focus', uid: svc, hops: 1 })).toEqual([
      'Ingress/web', 'Pod/web-5d8f7c9b4-kx2vq', 'Pod/web-5d8f7c9b4-p8d4m', 'Pod/web-5d8f7c9b4-z7w1t', 'Service/web',
    ]);
    const two = names({ type: 'focus', uid: svc, hops: 2 });
    expect(two).toEqual(expect.arrayContaining(['ReplicaSet/web-5d8f7c9b4', 'ConfigMap/web-config', 'Secret/web-tls', 'PersistentVolumeClaim/web-uploads', 'Service/checkout']));
    expect(two).not.toContain('Deployment/web');
    expect(two).not.toContain('PersistentVolume/pvc-3f1c9a2e-uploads');
  });

  it('a pod group id stands for its owner, and an unknown uid selects nothing', () => {
    const rs = uid('ReplicaSet', 'web-5d8f7c9b4');
    expect(names({ type: 'focus', uid: podGroupId(rs), hops: 1 })).toEqual(names({ type: 'focus', uid: rs, hops: 1 }));
    expect(selectScope(objects, edges, { type: 'workload', uid: 'nope' }).size).toBe(0);
    expect(selectScope(objects, edges, { type: 'focus', uid: 'nope', hops: 2 }).size).toBe(0);
  });

  it('objects: exactly the given objects and what they own, nothing that merely serves or mounts them', () => {
    expect(names({ type: 'objects', uids: [uid('Deployment', 'web'), uid('Service', 'web'), 'gone-uid'] })).toEqual([
      'Deployment/web',
      'Pod/web-5d8f7c9b4-kx2vq', 'Pod/web-5d8f7c9b4-p8d4m', 'Pod/web-5d8f7c9b4-z7w1t',
      'ReplicaSet/web-5d8f7c9b4', 'ReplicaSet/web-6b7d9c8f5', 'ReplicaSet/web-7c9f8d6b3',
      'Service/web',
    ]);
    expect(selectScope(objects, edges, { type: 'objects', uids: [] }).size).toBe(0);
  });
});
