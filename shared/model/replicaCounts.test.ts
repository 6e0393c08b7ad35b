import { describe, expect, it } from 'vitest';
import { replicaCounts } from './replicaCounts';

describe('replicaCounts', () => {
  const of = (kind: string, obj: any) => replicaCounts(kind, obj?.spec, obj?.status);
  it('reads replica counts per kind', () => {
    expect(of('Deployment', { spec: { replicas: 3 }, status: { replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2 } }))
      .toEqual({ desired: 3, current: 3, updated: 1, ready: 2, available: 2 });
    expect(of('DaemonSet', { status: { desiredNumberScheduled: 5, currentNumberScheduled: 5, numberReady: 4 } })).toMatchObject({ desired: 5, ready: 4, available: 0 });
    expect(of('Pod', {})).toBeUndefined();
  });
  it('counts every pod of a ReplicaSet as updated (it has one template) and defaults desired to 1', () => {
    expect(of('ReplicaSet', { spec: {}, status: { replicas: 2, readyReplicas: 1 } })).toEqual({ desired: 1, current: 2, updated: 2, ready: 1, available: 0 });
  });
});
