import type { KubeHttp } from '../cluster/kubeHttp';
import { objectPath, type ResourcePath } from '../cluster/resourcePath';
import { requireAccess } from './accessCheck';
import type { WorkloadRef } from './rolloutHistory';
import { WORKLOAD_RESOURCES } from './workloadResource';
import type { Workload } from '../../../shared/rollout/workloadShapes';

/** Checks that the user may get and patch the workload (RBAC first, as every action), then reads it. */
export async function readWorkloadForPatch(http: KubeHttp, t: WorkloadRef): Promise<{ resource: ResourcePath; path: string; obj: Workload }> {
  const resource = WORKLOAD_RESOURCES[t.kind];
  await requireAccess(http, [
    { verb: 'get', group: resource.group, resource: resource.resource, namespace: t.namespace, name: t.name },
    { verb: 'patch', group: resource.group, resource: resource.resource, namespace: t.namespace, name: t.name },
  ]);
  const path = objectPath(resource, t.namespace, t.name);
  return { resource, path, obj: await http.request('GET', path) };
}
