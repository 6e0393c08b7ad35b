import type { KubeHttp } from '../cluster/kubeHttp';
import { readWorkloadForPatch } from './workloadForPatch';
import type { WorkloadRef } from './rolloutHistory';
import { kubectlName, kubectlQuoted } from './workloadResource';
import { STRATEGIC_MERGE_PATCH, writeQuery } from './writeOptions';
import { ContractError } from '../../../shared/contract/contractError';
import type { ChangeResult } from '../../../shared/contract/actions';

/** `kubectl rollout pause`: `{"spec":{"paused":true}}`. Only Deployments can pause. */
export function rolloutPause(http: KubeHttp, t: WorkloadRef): Promise<ChangeResult> {
  return setPaused(http, t, true);
}

/**
 * `kubectl rollout resume`: kubectl's two-way merge patch from paused to not paused, which removes the
 * field (`paused` is omitted when false), i.e. `{"spec":{"paused":null}}`.
 */
export function rolloutResume(http: KubeHttp, t: WorkloadRef): Promise<ChangeResult> {
  return setPaused(http, t, false);
}

async function setPaused(http: KubeHttp, t: WorkloadRef, paused: boolean): Promise<ChangeResult> {
  if (t.kind !== 'Deployment') throw new ContractError('refused', paused ? 'pausing is not supported' : 'resuming is not supported');
  const { path, obj } = await readWorkloadForPatch(http, t);
  if (!!obj.spec?.paused === paused) {
    // kubectl exits with an error here without writing; nothing changes either way.
    return { changed: false, message: `${kubectlQuoted(t.kind, t.name)} ${paused ? 'is already paused' : 'is not paused'}` };
  }
  await http.request('PATCH', path, { body: { spec: { paused: paused ? true : null } }, contentType: STRATEGIC_MERGE_PATCH, query: writeQuery() });
  return { changed: true, message: `${kubectlName(t.kind, t.name)} ${paused ? 'paused' : 'resumed'}` };
}
