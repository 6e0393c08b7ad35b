import type { KubeHttp } from '../cluster/kubeHttp';
import { objectPath } from '../cluster/resourcePath';
import { requireAccess } from './accessCheck';
import type { WorkloadRef } from './rolloutHistory';
import { kubectlName, WORKLOAD_RESOURCES } from './workloadResource';
import { STRATEGIC_MERGE_PATCH, writeQuery } from './writeOptions';
import { ContractError } from '../../../shared/contract/contractError';
import type { RestartResult } from '../../../shared/contract/actions';
import { decideRestart } from '../../../shared/rollout/restartPatch';
import type { Workload } from '../../../shared/rollout/workloadShapes';

/**
 * `kubectl rollout restart`: a strategic merge patch setting the pod template annotation
 * `kubectl.kubernetes.io/restartedAt` to now (RFC 3339); the controller then replaces every pod.
 */
export async function rolloutRestart(http: KubeHttp, t: WorkloadRef, now: () => Date = () => new Date()): Promise<RestartResult> {
  const resource = WORKLOAD_RESOURCES[t.kind];
  await requireAccess(http, [
    { verb: 'get', group: resource.group, resource: resource.resource, namespace: t.namespace, name: t.name },
    { verb: 'patch', group: resource.group, resource: resource.resource, namespace: t.namespace, name: t.name },
  ]);
  const path = objectPath(resource, t.namespace, t.name);
  const obj: Workload = await http.request('GET', path);
  const decision = decideRestart(t.kind, obj, now());
  if (decision.action === 'refuse') throw new ContractError('refused', decision.message);
  await http.request('PATCH', path, { body: decision.patch, contentType: STRATEGIC_MERGE_PATCH, query: writeQuery() });
  return { restartedAt: decision.restartedAt, message: `${kubectlName(t.kind, t.name)} restarted` };
}
