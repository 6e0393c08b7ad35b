import type { KubeHttp } from '../cluster/kubeHttp';
import { objectPath } from '../cluster/resourcePath';
import { requireActionAccess } from './accessCheck';
import { readWorkloadWithRevisions, type WorkloadRef } from './rolloutHistory';
import { kubectlName, WORKLOAD_RESOURCES } from './workloadResource';
import { writeQuery } from './writeOptions';
import { ContractError } from '../../../shared/contract/contractError';
import type { UndoResult } from '../../../shared/contract/actions';
import { decideControllerRevisionUndo } from '../../../shared/rollout/controllerRevisionUndo';
import { decideDeploymentUndo } from '../../../shared/rollout/deploymentUndo';
import { diffPodTemplates, summarizeTemplateChange } from '../../../shared/rollout/templateDiff';
import type { Workload } from '../../../shared/rollout/workloadShapes';

export interface UndoParams extends WorkloadRef {
  /** 0 (default) is the revision before the current one, like kubectl. */
  toRevision?: number;
  /** Server-side dry run: nothing is stored; the result carries the object that would be. */
  dryRun?: boolean;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * `kubectl rollout undo [--to-revision=N] [--dry-run=server]`: the decision of shared/rollout, then
 * exactly kubectl's patch (a JSON Patch for Deployments, the ControllerRevision's strategic merge patch
 * for StatefulSets and DaemonSets).
 */
export async function rolloutUndo(http: KubeHttp, p: UndoParams): Promise<UndoResult> {
  const resource = WORKLOAD_RESOURCES[p.kind];
  await requireActionAccess(http, 'rollback', { ...resource, namespace: p.namespace, name: p.name });
  const w = await readWorkloadWithRevisions(http, p);
  const toRevision = p.toRevision ?? 0;
  const decision = w.kind === 'Deployment'
    ? decideDeploymentUndo(w.object, w.replicaSets, toRevision)
    : decideControllerRevisionUndo(w.object, w.controllerRevisions, toRevision);

  const warnings: string[] = [];
  if (w.object.metadata.annotations?.[LAST_APPLIED] !== undefined) {
    warnings.push(`resource ${kubectlName(p.kind, p.name)} was previously managed with 'kubectl apply'. Rolling back will not update the ${LAST_APPLIED} annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.`);
  }
  const dryRun = !!p.dryRun;
  if (decision.action === 'refuse') {
    throw new ContractError(decision.reason === 'paused' ? 'refused' : 'not-found', decision.message);
  }
  if (decision.action === 'skip') {
    return { outcome: 'skipped', revision: decision.revision, message: decision.message, dryRun, changes: [], summary: 'no change to the pod template', warnings };
  }
  const current = w.object.spec?.template;
  const stored: Workload = await http.request('PATCH', objectPath(resource, p.namespace, p.name), {
    body: decision.patch, contentType: decision.patchType, query: writeQuery(dryRun),
  });
  const result: UndoResult = {
    outcome: 'rolled-back',
    revision: decision.revision,
    message: `${kubectlName(p.kind, p.name)} rolled back${dryRun ? ' (server dry run)' : ''}`,
    dryRun,
    changes: diffPodTemplates(current, stored?.spec?.template ?? decision.template),
    summary: summarizeTemplateChange(current, stored?.spec?.template ?? decision.template),
    warnings,
  };
  if (dryRun) result.object = stored as unknown as Record<string, unknown>;
  return result;
}
