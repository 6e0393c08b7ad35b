import { equalIgnoreHash, withoutPodTemplateHash } from './podTemplateHash';
import { deploymentReplicaSets, replicaSetRevision } from './revisionHistory';
import { revisionNotFoundMessage, skippedMessage, type UndoDecision } from './undoDecision';
import { REVISION_ANNOTATION, type ReplicaSet, type Workload } from './workloadShapes';

/**
 * The Deployment's own bookkeeping annotations, kept from the Deployment rather than copied back from
 * the ReplicaSet (kubectl's `annotationsToSkip` in polymorphichelpers/rollback.go).
 */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export const PAUSED_MESSAGE = "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again";

/**
 * kubectl's DeploymentRollbacker: find the ReplicaSet of `toRevision` (0 = the one before the latest),
 * refuse a paused Deployment, skip when the template already matches, else a JSON Patch replacing
 * spec.template with that ReplicaSet's (minus pod-template-hash) and metadata.annotations with the
 * Deployment's bookkeeping annotations plus the ReplicaSet's others.
 */
export function decideDeploymentUndo(deployment: Workload, replicaSets: ReplicaSet[], toRevision = 0): UndoDecision {
  if (toRevision < 0) return { action: 'refuse', reason: 'revision-not-found', message: revisionNotFoundMessage(toRevision) };

  const { old, current } = deploymentReplicaSets(deployment, replicaSets);
  let target: ReplicaSet | undefined;
  let targetRevision = -1;
  let latest: ReplicaSet | undefined;
  let latestRevision = -1;
  for (const rs of current ? [...old, current] : old) {
    const v = replicaSetRevision(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      // The same walk as kubectl: keep the newest and the second newest seen so far.
      if (latestRevision < v) {
        targetRevision = latestRevision;
        target = latest;
        latestRevision = v;
        latest = rs;
      } else if (targetRevision < v) {
        targetRevision = v;
        target = rs;
      }
    } else if (v === toRevision) {
      target = rs;
      targetRevision = v;
      break;
    }
  }
  if (toRevision > 0 && !target) return { action: 'refuse', reason: 'revision-not-found', message: revisionNotFoundMessage(toRevision) };
  if (!target) return { action: 'refuse', reason: 'no-history', message: `no rollout history found for deployment "${deployment.metadata.name}"` };

  if (deployment.spec?.paused) return { action: 'refuse', reason: 'paused', message: PAUSED_MESSAGE };

  if (equalIgnoreHash(target.spec?.template, deployment.spec?.template)) {
    return { action: 'skip', revision: targetRevision, message: skippedMessage(targetRevision) };
  }

  const template = withoutPodTemplateHash(target.spec?.template);
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(deployment.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;

  return {
    action: 'patch',
    revision: targetRevision,
    patchType: 'application/json-patch+json',
    patch: [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
    template,
  };
}
