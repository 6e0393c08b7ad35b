import type { KubeHttp } from '../cluster/kubeHttp';
import { requireActionAccess } from './accessCheck';
import { watchObject } from './objectWatch';
import type { WorkloadRef } from './rolloutHistory';
import { WORKLOAD_RESOURCES } from './workloadResource';
import type { RolloutStatusEvent } from '../../../shared/contract/actions';
import { rolloutStatus } from '../../../shared/rollout/rolloutStatus';
import { REVISION_ANNOTATION, type Workload } from '../../../shared/rollout/workloadShapes';

/** The rollout status event for one observation of the workload (or its absence). */
export function rolloutStatusEvent(t: WorkloadRef, obj: Workload | undefined, revision = 0): RolloutStatusEvent {
  if (!obj) return { type: 'gone' };
  const ev: RolloutStatusEvent = { type: 'status', status: rolloutStatus(t.kind, obj, revision), paused: !!obj.spec?.paused };
  if (obj.metadata.generation !== undefined) ev.generation = obj.metadata.generation;
  if (obj.status?.observedGeneration !== undefined) ev.observedGeneration = obj.status.observedGeneration;
  const rev = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (rev !== undefined) ev.revision = rev;
  return ev;
}

/**
 * `kubectl rollout status -w`, kept running: every change of the object yields kubectl's message and
 * the counts behind the bars. Unlike kubectl it does not stop when done (the next rollout shows too).
 */
export async function watchRolloutStatus(http: KubeHttp, t: WorkloadRef & { revision?: number }, emit: (e: RolloutStatusEvent) => void): Promise<() => void> {
  const r = WORKLOAD_RESOURCES[t.kind];
  await requireActionAccess(http, 'rolloutStatus', { ...r, namespace: t.namespace, name: t.name });
  let last = '';
  return watchObject(http, r, t.namespace, t.name, {
    onObject: (obj) => {
      const ev = rolloutStatusEvent(t, obj, t.revision ?? 0);
      const text = JSON.stringify(ev);
      if (text !== last) { last = text; emit(ev); }
    },
  });
}
