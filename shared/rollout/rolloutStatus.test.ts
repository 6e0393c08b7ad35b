import { describe, expect, it } from 'vitest';
import { rolloutStatus } from './rolloutStatus';
import type { Workload } from './workloadShapes';

const dep = (status: Workload['status'], generation = 2, replicas = 3, annotations: Record<string, string> = {}): Workload => ({
  metadata: { name: 'web', generation, annotations }, spec: { replicas }, status,
});

describe('deployment rollout status', () => {
  it('waits for the spec to be observed', () => {
    expect(rolloutStatus('Deployment', dep({ observedGeneration: 1 }))).toMatchObject({ message: 'Waiting for deployment spec update to be observed...', done: false });
  });

  it('walks through kubectl\'s messages in order', () => {
    expect(rolloutStatus('Deployment', dep({ observedGeneration: 2, replicas: 4, updatedReplicas: 1 })).message)
      .toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(rolloutStatus('Deployment', dep({ observedGeneration: 2, replicas: 4, updatedReplicas: 3 })).message)
      .toBe('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...');
    const s = rolloutStatus('Deployment', dep({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 2, readyReplicas: 2 }));
    expect(s.message).toBe('Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...');
    expect(s.counts).toEqual({ desired: 3, current: 3, updated: 3, ready: 2, available: 2 });
    expect(rolloutStatus('Deployment', dep({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 })))
      .toMatchObject({ message: 'deployment "web" successfully rolled out', done: true, stuck: false });
  });

  it('reports a stuck rollout', () => {
    const s = rolloutStatus('Deployment', dep({ observedGeneration: 2, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }));
    expect(s).toMatchObject({ stuck: true, done: false, error: 'deployment "web" exceeded its progress deadline' });
  });

  it('checks a requested revision', () => {
    const d = dep({ observedGeneration: 2, replicas: 3, updatedReplicas: 3, availableReplicas: 3 }, 2, 3, { 'deployment.kubernetes.io/revision': '4' });
    expect(rolloutStatus('Deployment', d, 4).done).toBe(true);
    expect(rolloutStatus('Deployment', d, 3).error).toBe('desired revision (3) is different from the running revision (4)');
  });
});

describe('daemon set rollout status', () => {
  const ds = (status: Workload['status'], type = 'RollingUpdate'): Workload => ({ metadata: { name: 'agent', generation: 1 }, spec: { updateStrategy: { type } }, status });
  it('follows kubectl', () => {
    expect(rolloutStatus('DaemonSet', ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 1 })).message)
      .toBe('Waiting for daemon set "agent" rollout to finish: 1 out of 3 new pods have been updated...');
    expect(rolloutStatus('DaemonSet', ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 })).message)
      .toBe('Waiting for daemon set "agent" rollout to finish: 2 of 3 updated pods are available...');
    expect(rolloutStatus('DaemonSet', ds({ observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 })))
      .toMatchObject({ message: 'daemon set "agent" successfully rolled out', done: true });
    expect(rolloutStatus('DaemonSet', ds({ observedGeneration: 0 })).message).toBe('Waiting for daemon set spec update to be observed...');
    expect(rolloutStatus('DaemonSet', ds({}, 'OnDelete'))).toMatchObject({ done: true, error: 'rollout status is only available for RollingUpdate strategy type' });
  });
});

describe('stateful set rollout status', () => {
  const sts = (status: Workload['status'], rollingUpdate?: { partition?: number }): Workload => ({
    metadata: { name: 'db', generation: 1 }, spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate', ...(rollingUpdate ? { rollingUpdate } : {}) } }, status,
  });
  it('follows kubectl', () => {
    expect(rolloutStatus('StatefulSet', sts({ observedGeneration: 0 })).message).toBe('Waiting for statefulset spec update to be observed...');
    expect(rolloutStatus('StatefulSet', sts({ observedGeneration: 1, readyReplicas: 1 })).message).toBe('Waiting for 2 pods to be ready...');
    expect(rolloutStatus('StatefulSet', sts({ observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1 }, { partition: 1 })).message)
      .toBe('Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...');
    expect(rolloutStatus('StatefulSet', sts({ observedGeneration: 1, readyReplicas: 3, updatedReplicas: 3 }, { partition: 0 })))
      .toMatchObject({ message: 'partitioned roll out complete: 3 new pods have been updated...', done: true });
    expect(rolloutStatus('StatefulSet', sts({ observedGeneration: 1, readyReplicas: 3, updatedReplicas: 1, updateRevision: 'db-2', currentRevision: 'db-1' })).message)
      .toBe('waiting for statefulset rolling update to complete 1 pods at revision db-2...');
    expect(rolloutStatus('StatefulSet', sts({ observedGeneration: 1, readyReplicas: 3, currentReplicas: 3, updateRevision: 'db-2', currentRevision: 'db-2' })))
      .toMatchObject({ message: 'statefulset rolling update complete 3 pods at revision db-2...', done: true });
  });
});
