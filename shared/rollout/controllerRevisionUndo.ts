import { isControlledBy } from '../model/kubeObject';
import { controllerRevisionTemplate } from './revisionHistory';
import { semanticEqual } from './semanticEqual';
import { revisionNotFoundMessage, skippedMessage, type UndoDecision } from './undoDecision';
import type { ControllerRevision, Workload } from './workloadShapes';

/**
 * kubectl's StatefulSetRollbacker and DaemonSetRollbacker: among the ControllerRevisions the workload
 * controls, pick `toRevision` (0 = the second highest revision), skip when the workload's template
 * already equals the revision's, else send the revision's recorded data as a strategic merge patch
 * (it replaces spec.template whole). No paused check: these kinds cannot pause.
 */
export function decideControllerRevisionUndo(owner: Workload, revisions: ControllerRevision[], toRevision = 0): UndoDecision {
  if (toRevision < 0) return { action: 'refuse', reason: 'revision-not-found', message: revisionNotFoundMessage(toRevision) };
  const history = revisions.filter((r) => isControlledBy(r, owner));
  if (toRevision === 0 && history.length <= 1) return { action: 'refuse', reason: 'no-history', message: 'no last revision to roll back to' };

  const target = toRevision === 0
    ? [...history].sort((a, b) => a.revision - b.revision)[history.length - 2]
    : history.find((h) => h.revision === toRevision);
  if (!target) return { action: 'refuse', reason: 'revision-not-found', message: revisionNotFoundMessage(toRevision) };

  const template = controllerRevisionTemplate(target);
  // kubectl compares bytes of {"spec":{"template":{...,"$patch":"replace"}}} built from the live object
  // with the revision's data; both are the same serialisation, so field equality is that comparison.
  if (semanticEqual(template, owner.spec?.template)) {
    return { action: 'skip', revision: target.revision, message: skippedMessage(target.revision) };
  }
  return {
    action: 'patch',
    revision: target.revision,
    patchType: 'application/strategic-merge-patch+json',
    patch: structuredClone(target.data ?? {}) as Record<string, unknown>,
    template,
  };
}
