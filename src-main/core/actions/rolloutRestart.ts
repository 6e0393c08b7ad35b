import type { KubeHttp } from '../cluster/kubeHttp';
import { readWorkloadForPatch } from './workloadForPatch';
import type { WorkloadRef } from './rolloutHistory';
import { kubectlName } from './workloadResource';
import { STRATEGIC_MERGE_PATCH, writeQuery } from './writeOptions';
import { ContractError } from '../../../shared/contract/contractError';
import type { RestartResult } from '../../../shared/contract/actions';
import { decideRestart } from '../../../shared/rollout/restartPatch';

/**
 * `kubectl rollout restart`: a strategic merge patch setting the pod template annotation
 * `kubectl.kubernetes.io/restartedAt` to now (RFC 3339); the controller then replaces every pod.
 */
export async function rolloutRestart(http: KubeHttp, t: WorkloadRef, now: () => Date = () => new Date()): Promise<RestartResult> {
  const { path, obj } = await readWorkloadForPatch(http, t);
  const decision = decideRestart(t.kind, obj, now());
  if (decision.action === 'refuse') throw new ContractError('refused', decision.message);
  await http.request('PATCH', path, { body: decision.patch, contentType: STRATEGIC_MERGE_PATCH, query: writeQuery() });
  return { restartedAt: decision.restartedAt, message: `${kubectlName(t.kind, t.name)} restarted` };
}
