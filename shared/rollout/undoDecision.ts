import type { PodTemplate } from './workloadShapes';

/** One JSON Patch (RFC 6902) operation. */
export interface JsonPatchOperation {
  op: 'replace' | 'add' | 'remove';
  path: string;
  value?: unknown;
}

/**
 * What `kubectl rollout undo` decides before it writes: refuse (with kubectl's message), skip (the
 * template already matches the target revision; nothing is written), or send exactly this patch.
 */
export type UndoDecision =
  | { action: 'refuse'; reason: 'revision-not-found' | 'no-history' | 'paused'; message: string }
  | { action: 'skip'; revision: number; message: string }
  | {
    action: 'patch';
    revision: number;
    /** The patch's Content-Type, as kubectl sends it. */
    patchType: 'application/json-patch+json' | 'application/strategic-merge-patch+json';
    patch: JsonPatchOperation[] | Record<string, unknown>;
    /** The pod template the workload will have afterwards. */
    template: PodTemplate;
  };

export const revisionNotFoundMessage = (revision: number) => `unable to find specified revision ${revision} in history`;

/**
 * kubectl prints `skipped rollback (current template already matches revision N)` with N the
 * requested --to-revision, which reads "revision 0" when undoing to the previous one; we name the
 * revision actually compared, the same number whenever one was requested.
 */
export const skippedMessage = (revision: number) => `skipped rollback (current template already matches revision ${revision})`;
