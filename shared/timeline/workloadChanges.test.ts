import { describe, expect, it } from 'vitest';
import { attribute, diffPod, diffReplicaSet, diffWorkload, historyOf, projectPod, projectReplicaSet, projectWorkload } from './workloadChanges';
import { fieldsNode, ownersOf, writersOf } from './managedFields';

/** A Deployment as the API server returns it, with managedFields written by several managers. */
function deployment(over: { replicas?: number; image?: string; restartedAt?: string; paused?: boolean; env?: string; managed?: any[]; conditions?: any[] } = {}) {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: {
      name: 'web', namespace: 'shop', uid: 'u-web', resourceVersion: String(Math.random()), creationTimestamp: '2026-11-23T10:00:00Z',
      managedFields: over.managed ?? [],
    },
    spec: {
      replicas: over.replicas ?? 2,
      ...(over.paused ? { paused: true } : {}),
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' }, ...(over.restartedAt ? { annotations: { 'kubectl.kubernetes.io/restartedAt': over.restartedAt } } : {}) },
        spec: { containers: [{ name: 'web', image: over.image ?? 'nginx:1.25', ...(over.env ? { env: [{ name: 'MODE', value: over.env }] } : {}) }] },
      },
    },
    status: { conditions: over.conditions ?? [] },
  };
}

const created = { manager: 'kubectl-create', operation: 'Update', time: '2026-11-23T10:00:00Z', fieldsV1: {
  'f:spec': { 'f:replicas': {}, 'f:template': { 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } },
} };
const scaledByWheelhouse = { manager: 'wheelhouse', operation: 'Update', subresource: 'scale', time: '2026-11-23T11:00:00Z', fieldsV1: { 'f:spec': { 'f:replicas': {} } } };
const setImage = { manager: 'kubectl-set', operation: 'Update', time: '2026-11-23T11:05:00Z', fieldsV1: {
  'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { 'f:image': {} } } } } },
} };
const restarted = { manager: 'kubectl-rollout', operation: 'Update', time: '2026-11-23T11:10:00Z', fieldsV1: {
  'f:spec': { 'f:template': { 'f:metadata': { 'f:annotations': { '.': {}, 'f:kubectl.kubernetes.io/restartedAt': {} } } } },
} };
const statusWriter = { manager: 'kube-controller-manager', operation: 'Update', subresource: 'status', time: '2026-11-23T12:00:00Z', fieldsV1: { 'f:status': { 'f:replicas': {} } } };

const w = (o: Parameters<typeof deployment>[0]) => projectWorkload(deployment(o))!;

describe('managedFields', () => {
  it('finds fields by name and list items by their name key', () => {
    expect(fieldsNode(created.fieldsV1, ['spec', 'replicas'])).toEqual({});
    expect(fieldsNode(created.fieldsV1, ['spec', 'template', 'spec', 'containers', { name: 'web' }, 'image'])).toEqual({});
    expect(fieldsNode(created.fieldsV1, ['spec', 'template', 'spec', 'containers', { name: 'side' }, 'image'])).toBeUndefined();
    expect(fieldsNode(created.fieldsV1, ['spec', 'paused'])).toBeUndefined();
  });

  it('lists the owners of a field newest first', () => {
    expect(ownersOf([created, scaledByWheelhouse, statusWriter], ['spec', 'replicas']).map((o) => o.manager)).toEqual(['wheelhouse', 'kubectl-create']);
    expect(ownersOf('nonsense', ['spec'])).toEqual([]);
  });
});

describe('diffWorkload', () => {
  it('records a scale by the manager that owns spec.replicas (the /scale subresource)', () => {
    const changes = diffWorkload(w({ managed: [created] }), w({ replicas: 5, managed: [created, scaledByWheelhouse, statusWriter] }));
    expect(changes).toEqual([{ kind: 'scale', summary: 'Scaled 2 → 5', manager: 'wheelhouse', operation: 'Update', subresource: 'scale' }]);
  });

  it('records an image change by its manager, and nothing else for it', () => {
    const changes = diffWorkload(w({ managed: [created] }), w({ image: 'nginx:1.26', managed: [created, setImage] }));
    expect(changes).toEqual([{ kind: 'image', summary: 'web: nginx:1.25 → nginx:1.26', manager: 'kubectl-set', operation: 'Update' }]);
  });

  it('records a restart from the restartedAt annotation', () => {
    const changes = diffWorkload(w({ managed: [created] }), w({ restartedAt: '2026-11-23T11:10:00Z', managed: [created, restarted] }));
    expect(changes).toEqual([{ kind: 'restart', summary: 'Restarted (restartedAt 2026-11-23T11:10:00Z)', manager: 'kubectl-rollout', operation: 'Update' }]);
  });

  it('records other template changes, pause and resume, and a rollout that stops progressing', () => {
    const before = w({ managed: [created] });
    const after = w({ env: 'fast', paused: true, managed: [created], conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-1" has timed out progressing.' }] });
    const changes = diffWorkload(before, after);
    expect(changes.map((c) => c.kind)).toEqual(['template', 'paused', 'degraded']);
    expect(changes[0].summary).toBe('Pod template changed: spec.containers[web].env');
    // No one owns env (this fixture's managedFields say nothing of it): the latest spec writer, marked as inferred.
    expect(changes[0]).toMatchObject({ manager: 'kubectl-create' });
    expect(changes[2].summary).toBe('Rollout failing: ProgressDeadlineExceeded: ReplicaSet "web-1" has timed out progressing.');
    expect(diffWorkload(after, before).map((c) => c.kind)).toEqual(['template', 'resumed', 'recovered']);
  });

  it('reports no change for a status-only update', () => {
    expect(diffWorkload(w({ managed: [created] }), w({ managed: [created, statusWriter] }))).toEqual([]);
  });

  it('infers the latest writer (not the status writer) when no one owns a changed field', () => {
    expect(attribute([created, statusWriter], ['spec', 'paused'])).toEqual({ manager: 'kubectl-create', managerInferred: true, operation: 'Update' });
    expect(attribute([], ['spec', 'paused'])).toEqual({});
  });
});

describe('attribution to the writer of the update (issue 14)', () => {
  // kubectl apply created the Deployment with an env var; within the same second Wheelhouse rolled it
  // back to a template without it. Both entries say 10:00:00, and kubectl-client-side-apply still owns
  // the container (the parent of the removed field) and sorts first.
  const T = '2026-11-23T10:00:00Z';
  const applied = { manager: 'kubectl-client-side-apply', operation: 'Update', time: T, fieldsV1: {
    'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:env': {}, 'f:image': {}, 'f:name': {} } } } } },
  } };
  const appliedAfter = { ...applied, fieldsV1: {
    'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:name': {} } } } } },
  } };
  const rolledBack = { manager: 'wheelhouse', operation: 'Update', time: T, fieldsV1: {
    'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { 'f:image': {} } } } } },
  } };

  it('finds the entries an update created, re-timed or grew, not the ones that only lost fields', () => {
    expect(writersOf([applied], [appliedAfter, rolledBack]).map((o) => o.manager)).toEqual(['wheelhouse']);
    expect(writersOf([applied, rolledBack], [{ ...applied, time: '2026-11-23T10:00:05Z' }, rolledBack]).map((o) => o.manager)).toEqual(['kubectl-client-side-apply']);
    // The same manager writing again in the same second leaves no trace.
    expect(writersOf([applied], [applied])).toEqual([]);
    expect(writersOf(undefined, 'nonsense')).toEqual([]);
  });

  it('names the rollback\'s manager for a removed field, where the parent\'s owners would have named kubectl apply', () => {
    const before = w({ env: 'fast', managed: [applied] });
    const after = w({ image: 'nginx:1.24', managed: [appliedAfter, rolledBack] });
    const changes = diffWorkload(before, after);
    expect(changes.map((c) => [c.kind, c.manager, c.managerInferred])).toEqual([['image', 'wheelhouse', undefined], ['template', 'wheelhouse', undefined]]);
    // Without the previous managedFields, ownership alone picks the first of the tied owners.
    expect(attribute([applied, rolledBack], ['spec', 'template', 'spec', 'containers', { name: 'web' }, 'env'], 2).manager).toBe('kubectl-client-side-apply');
  });

  it('prefers, among several writers, the one that owns the changed field', () => {
    const status = { ...statusWriter, time: '2026-11-23T13:00:00Z' };
    expect(attribute([created, scaledByWheelhouse, setImage, status], ['spec', 'replicas'], 2, [created])).toMatchObject({ manager: 'wheelhouse', subresource: 'scale' });
  });

  it('falls back to the field\'s owner when the update left managedFields unchanged (a repeated scale)', () => {
    expect(diffWorkload(w({ replicas: 3, managed: [created, scaledByWheelhouse] }), w({ replicas: 4, managed: [created, scaledByWheelhouse] }))[0])
      .toMatchObject({ manager: 'wheelhouse', subresource: 'scale' });
  });
});

describe('ReplicaSets and pods', () => {
  const rs = (revision: string, image: string, extra: any = {}) => projectReplicaSet({
    metadata: { uid: 'u-rs1', name: 'web-abc', creationTimestamp: '2026-11-23T10:00:00Z', annotations: { 'deployment.kubernetes.io/revision': revision, ...extra },
      ownerReferences: [{ kind: 'Deployment', name: 'web', controller: true }] },
    spec: { template: { spec: { containers: [{ name: 'web', image }] } } },
  })!;

  it('names a new ReplicaSet and a reused one (rollback) with their revision and image', () => {
    expect(diffReplicaSet(undefined, rs('2', 'nginx:1.26', { 'kubernetes.io/change-cause': 'bump' }))).toEqual([
      { kind: 'revision', summary: 'New ReplicaSet web-abc: revision 2 (nginx:1.26) — bump', revision: 2, object: 'web-abc' },
    ]);
    expect(diffReplicaSet(rs('1', 'nginx:1.25'), rs('3', 'nginx:1.25'))[0].summary).toBe('ReplicaSet web-abc (nginx:1.25) is revision 3 now, was 1');
    expect(diffReplicaSet(rs('1', 'nginx:1.25'), rs('1', 'nginx:1.25'))).toEqual([]);
  });

  const pod = (status: any) => projectPod({ metadata: { uid: 'p1', name: 'web-abc-x', ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc', controller: true }] }, status })!;

  it('records a pod that starts failing, restarts, and recovers', () => {
    const ok = pod({ phase: 'Running', containerStatuses: [{ name: 'web', ready: true, restartCount: 0, state: { running: {} } }] });
    const crash = pod({ phase: 'Running', containerStatuses: [{ name: 'web', ready: false, restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { reason: 'Error', exitCode: 1 } } }] });
    expect(ok.owner).toEqual({ kind: 'ReplicaSet', name: 'web-abc' });
    expect(diffPod(ok, crash).map((c) => c.summary)).toEqual([
      'Pod web-abc-x failing: web: CrashLoopBackOff',
      'Pod web-abc-x: container web restarted (1; last Error, exit 1)',
    ]);
    expect(diffPod(crash, { ...ok, restarts: { web: { count: 1 } } })).toEqual([{ kind: 'recovered', summary: 'Pod web-abc-x no longer failing', object: 'web-abc-x' }]);
    expect(diffPod(undefined, ok)).toEqual([]);
    expect(pod({ phase: 'Failed', reason: 'Evicted' }).failing).toBe('Failed Evicted');
    expect(pod({ phase: 'Pending', containerStatuses: [{ name: 'web', state: { waiting: { reason: 'ContainerCreating' } } }] }).failing).toBeUndefined();
  });

  it('starts a Deployment timeline from its creation and the revisions its ReplicaSets hold', () => {
    const r1 = { ...rs('1', 'nginx:1.25'), uid: 'a', name: 'web-1', createdAt: '2026-11-23T10:00:01Z' };
    const r2 = { ...rs('2', 'nginx:1.26'), uid: 'b', name: 'web-2', createdAt: '2026-11-23T10:05:00Z' };
    const other = { ...r1, uid: 'c', owner: 'api' };
    expect(historyOf(w({}), [r2, other, r1]).map((e) => [e.at, e.kind, e.summary])).toEqual([
      ['2026-11-23T10:00:00Z', 'created', 'Deployment web created'],
      ['2026-11-23T10:00:01Z', 'revision', 'ReplicaSet web-1: revision 1 (nginx:1.25)'],
      ['2026-11-23T10:05:00Z', 'revision', 'ReplicaSet web-2: revision 2 (nginx:1.26)'],
    ]);
  });
});
