import type { KubeHttp } from '../cluster/kubeHttp';
import { collectionPath, objectPath } from '../cluster/resourcePath';
import { requireActionAccess } from './accessCheck';
import { listAll } from './listAll';
import { CONTROLLER_REVISIONS, REPLICA_SETS, WORKLOAD_RESOURCES } from './workloadResource';
import { labelSelectorString } from '../../../shared/model/labelSelector';
import { controllerRevisionHistory, deploymentHistory, type RevisionEntry } from '../../../shared/rollout/revisionHistory';
import type { RevisionEntry as RevisionInfo } from '../../../shared/contract/actions';
import type { ControllerRevision, ReplicaSet, RolloutKind, Workload } from '../../../shared/rollout/workloadShapes';

export interface WorkloadRef {
  namespace: string;
  kind: RolloutKind;
  name: string;
}

/** A workload and the objects that record its revisions (ReplicaSets, or ControllerRevisions). */
export type WorkloadWithRevisions =
  | { kind: 'Deployment'; object: Workload; replicaSets: ReplicaSet[] }
  | { kind: 'StatefulSet' | 'DaemonSet'; object: Workload; controllerRevisions: ControllerRevision[] };

/** Reads the workload, then what its selector selects, as kubectl does (ownership is checked later). */
export async function readWorkloadWithRevisions(http: KubeHttp, t: WorkloadRef): Promise<WorkloadWithRevisions> {
  const object: Workload = await http.request('GET', objectPath(WORKLOAD_RESOURCES[t.kind], t.namespace, t.name));
  const labelSelector = labelSelectorString(object.spec?.selector);
  if (t.kind === 'Deployment') {
    return { kind: t.kind, object, replicaSets: await listAll(http, collectionPath(REPLICA_SETS, t.namespace), { labelSelector }) };
  }
  return { kind: t.kind, object, controllerRevisions: await listAll(http, collectionPath(CONTROLLER_REVISIONS, t.namespace), { labelSelector }) };
}

export function historyOf(w: WorkloadWithRevisions): RevisionEntry[] {
  return w.kind === 'Deployment' ? deploymentHistory(w.object, w.replicaSets) : controllerRevisionHistory(w.object, w.controllerRevisions);
}

/** `kubectl rollout history`: every revision, oldest first, with change-cause, images and time. */
export async function rolloutHistory(http: KubeHttp, t: WorkloadRef): Promise<{ revisions: RevisionInfo[] }> {
  await requireActionAccess(http, 'rolloutHistory', { ...WORKLOAD_RESOURCES[t.kind], namespace: t.namespace, name: t.name });
  const revisions = historyOf(await readWorkloadWithRevisions(http, t));
  return { revisions: revisions.map((r) => ({ ...r, template: r.template as Record<string, unknown> })) };
}
