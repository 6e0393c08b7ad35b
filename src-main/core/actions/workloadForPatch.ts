import type { KubeHttp } from '../cluster/kubeHttp';
import { objectPath, type ResourcePath } from '../cluster/resourcePath';
import { requireActionAccess } from './accessCheck';
import type { WorkloadRef } from './rolloutHistory';
import { WORKLOAD_RESOURCES } from './workloadResource';
import type { Workload } from '../../../shared/rollout/workloadShapes';

/** Checks that the user may patch the workload (RBAC first, as every action: restart, pause and resume need the same), then reads it. */
export async function readWorkloadForPatch(http: KubeHttp, t: WorkloadRef): Promise<{ resource: ResourcePath; path: string; obj: Workload }> {
  const resource = WORKLOAD_RESOURCES[t.kind];
  await requireActionAccess(http, 'restart', { ...resource, namespace: t.namespace, name: t.name });
  const path = objectPath(resource, t.namespace, t.name);
  return { resource, path, obj: await http.request('GET', path) };
}
