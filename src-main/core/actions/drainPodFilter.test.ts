import { describe, expect, it } from 'vitest';
import { classifyPodForDrain, DAEMONSET_FATAL, DAEMONSET_WARNING, LOCAL_STORAGE_FATAL, LOCAL_STORAGE_WARNING, MIRROR_POD, UNMANAGED_FATAL, UNMANAGED_WARNING, type PodLike } from './drainPodFilter';

const opts = { force: false, ignoreDaemonSets: true, deleteEmptyDirData: false };
const exists = () => true;
const pod = (extra: { owner?: string; phase?: string; mirror?: boolean; emptyDir?: boolean } = {}): PodLike => ({
  metadata: {
    name: 'p', namespace: 'ns',
    ...(extra.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'x' } } : {}),
    ...(extra.owner ? { ownerReferences: [{ apiVersion: extra.owner === 'DaemonSet' ? 'apps/v1' : 'apps/v1', kind: extra.owner, name: 'o', controller: true }] } : {}),
  },
  spec: { volumes: extra.emptyDir ? [{ emptyDir: {} }] : [] },
  status: { phase: extra.phase ?? 'Running' },
});

describe('classifyPodForDrain', () => {
  it('evicts controlled pods', () => {
    expect(classifyPodForDrain(pod({ owner: 'ReplicaSet' }), opts, exists)).toEqual({ evict: true });
  });

  it('skips DaemonSet pods with --ignore-daemonsets, refuses them without', () => {
    expect(classifyPodForDrain(pod({ owner: 'DaemonSet' }), opts, exists)).toEqual({ evict: false, skip: true, reason: DAEMONSET_WARNING });
    expect(classifyPodForDrain(pod({ owner: 'DaemonSet' }), { ...opts, ignoreDaemonSets: false }, exists)).toEqual({ evict: false, skip: false, error: DAEMONSET_FATAL });
  });

  it('treats a pod of a deleted DaemonSet as an orphan: refused, or deleted with force', () => {
    expect(classifyPodForDrain(pod({ owner: 'DaemonSet' }), opts, () => false)).toEqual({ evict: false, skip: false, error: 'daemonsets.apps "o" not found' });
    expect(classifyPodForDrain(pod({ owner: 'DaemonSet' }), { ...opts, force: true }, () => false)).toEqual({ evict: true, warning: 'daemonsets.apps "o" not found' });
  });

  it('skips mirror pods', () => {
    expect(classifyPodForDrain(pod({ mirror: true }), opts, exists)).toEqual({ evict: false, skip: true, reason: MIRROR_POD });
  });

  it('refuses unmanaged pods unless forced', () => {
    expect(classifyPodForDrain(pod(), opts, exists)).toEqual({ evict: false, skip: false, error: UNMANAGED_FATAL });
    expect(classifyPodForDrain(pod(), { ...opts, force: true }, exists)).toEqual({ evict: true, warning: UNMANAGED_WARNING });
    expect(classifyPodForDrain(pod({ phase: 'Succeeded' }), opts, exists)).toEqual({ evict: true });
  });

  it('refuses emptyDir pods unless their data may go', () => {
    expect(classifyPodForDrain(pod({ owner: 'ReplicaSet', emptyDir: true }), opts, exists)).toEqual({ evict: false, skip: false, error: LOCAL_STORAGE_FATAL });
    expect(classifyPodForDrain(pod({ owner: 'ReplicaSet', emptyDir: true }), { ...opts, deleteEmptyDirData: true }, exists)).toEqual({ evict: true, warning: LOCAL_STORAGE_WARNING });
  });
});
