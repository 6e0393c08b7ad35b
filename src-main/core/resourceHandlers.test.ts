import { describe, expect, it } from 'vitest';
import { projectEventRow } from './resourceHandlers';

describe('projectEventRow', () => {
  it('keeps what the details panel shows of a core/v1 Event', () => {
    const row = projectEventRow({
      metadata: { uid: 'e1', name: 'web.1', namespace: 'demo', resourceVersion: '42' },
      involvedObject: { kind: 'Pod', name: 'web', uid: 'p1', fieldPath: 'spec.containers{web}', apiVersion: 'v1' },
      type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container', count: 7,
      firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:05:00Z', source: { component: 'kubelet', host: 'node-1' },
    });
    expect(row).toEqual({
      uid: 'e1', type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container', count: 7,
      firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:05:00Z', source: 'kubelet, node-1', resourceVersion: '42',
      involvedObject: { kind: 'Pod', name: 'web', uid: 'p1', fieldPath: 'spec.containers{web}' },
    });
  });

  it('folds in events.k8s.io series and eventTime, which leave count and timestamps empty', () => {
    const row = projectEventRow({
      metadata: { uid: 'e2' }, involvedObject: { kind: 'Deployment', name: 'd' }, reason: 'ScalingReplicaSet',
      eventTime: '2026-01-01T00:00:00.000000Z', series: { count: 3, lastObservedTime: '2026-01-01T00:02:00.000000Z' }, reportingComponent: 'deployment-controller',
    });
    expect(row).toMatchObject({ count: 3, firstTimestamp: '2026-01-01T00:00:00.000000Z', lastTimestamp: '2026-01-01T00:02:00.000000Z', source: 'deployment-controller' });
  });

  it('drops objects without a uid', () => {
    expect(projectEventRow({ metadata: {} })).toBeUndefined();
  });
});
