import { describe, expect, it } from 'vitest';
import { controllerRevisionHistory, deploymentHistory, deploymentReplicaSets, replicaSetRevision } from './revisionHistory';
import type { ControllerRevision, PodTemplate, ReplicaSet, Workload } from './workloadShapes';

const tpl = (image: string, hash?: string): PodTemplate => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'web', image }] },
});
const deployment: Workload = { metadata: { name: 'web', uid: 'd1' }, spec: { template: tpl('nginx:3') } };
const rs = (name: string, revision: string | undefined, image: string, created: string, extra: Partial<ReplicaSet['metadata']> = {}): ReplicaSet => ({
  metadata: {
    name, creationTimestamp: created,
    annotations: revision === undefined ? {} : { 'deployment.kubernetes.io/revision': revision },
    ownerReferences: [{ uid: 'd1', controller: true, kind: 'Deployment', name: 'web' }],
    ...extra,
  },
  spec: { replicas: 0, template: tpl(image, name.slice(-3)) },
});

describe('replicaSetRevision', () => {
  it('parses like strconv.ParseInt, 0 when absent', () => {
    expect(replicaSetRevision({ metadata: { annotations: { 'deployment.kubernetes.io/revision': '12' } } })).toBe(12);
    expect(replicaSetRevision({ metadata: {} })).toBe(0);
    expect(replicaSetRevision({ metadata: { annotations: { 'deployment.kubernetes.io/revision': ' 1' } } })).toBeUndefined();
    expect(replicaSetRevision({ metadata: { annotations: { 'deployment.kubernetes.io/revision': 'x' } } })).toBeUndefined();
  });
});

describe('deploymentHistory', () => {
  const sets = [
    rs('web-ccc', '3', 'nginx:3', '2026-01-03T00:00:00Z', { annotations: { 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'bump to 3' } }),
    rs('web-aaa', '1', 'nginx:1', '2026-01-01T00:00:00Z'),
    rs('web-bbb', '2', 'nginx:2', '2026-01-02T00:00:00Z'),
    // Selected by labels but controlled by someone else: not part of the history.
    { ...rs('other-ddd', '9', 'nginx:9', '2026-01-04T00:00:00Z'), metadata: { name: 'other-ddd', annotations: { 'deployment.kubernetes.io/revision': '9' }, ownerReferences: [{ uid: 'zz', controller: true, kind: 'Deployment', name: 'other' }] } },
  ];

  it('lists owned revisions in order with change-cause, images and the current one', () => {
    const h = deploymentHistory(deployment, sets);
    expect(h.map((e) => e.revision)).toEqual([1, 2, 3]);
    expect(h.map((e) => e.current)).toEqual([false, false, true]);
    expect(h[2]).toMatchObject({ source: 'web-ccc', changeCause: 'bump to 3', images: [{ container: 'web', image: 'nginx:3' }], createdAt: '2026-01-03T00:00:00Z' });
    expect(h[0].changeCause).toBeUndefined();
    expect(h[0].template.metadata?.labels).toEqual({ app: 'web' });
  });

  it('finds the new ReplicaSet ignoring the hash label and keeps old ones by creation time', () => {
    const { old, current } = deploymentReplicaSets(deployment, sets);
    expect(current?.metadata.name).toBe('web-ccc');
    expect(old.map((r) => r.metadata.name)).toEqual(['web-aaa', 'web-bbb']);
  });

  it('skips ReplicaSets whose revision does not parse', () => {
    const h = deploymentHistory(deployment, [rs('web-xxx', 'abc', 'nginx:0', '2026-01-01T00:00:00Z'), ...sets]);
    expect(h.map((e) => e.revision)).toEqual([1, 2, 3]);
  });
});

describe('controllerRevisionHistory', () => {
  const sts: Workload = { metadata: { name: 'db', uid: 's1' }, spec: { template: tpl('pg:2') } };
  const cr = (name: string, revision: number, image: string, cause?: string): ControllerRevision => ({
    metadata: {
      name, creationTimestamp: `2026-01-0${revision}T00:00:00Z`,
      ownerReferences: [{ uid: 's1', controller: true, kind: 'StatefulSet', name: 'db' }],
      ...(cause ? { annotations: { 'kubernetes.io/change-cause': cause } } : {}),
    },
    revision,
    data: { spec: { template: { ...tpl(image), $patch: 'replace' } } },
  });

  it('reads revision numbers and templates from ControllerRevisions', () => {
    const h = controllerRevisionHistory(sts, [cr('db-2', 2, 'pg:2', 'upgrade'), cr('db-1', 1, 'pg:1'), { ...cr('x-1', 7, 'pg:7'), metadata: { name: 'x-1' } }]);
    expect(h.map((e) => [e.revision, e.current, e.changeCause])).toEqual([[1, false, undefined], [2, true, 'upgrade']]);
    expect(h[0].template).toEqual(tpl('pg:1'));
    expect(h[0].images).toEqual([{ container: 'web', image: 'pg:1' }]);
  });
});
