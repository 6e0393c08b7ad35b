// An Applications sync on the change timeline: one entry on each workload the sync applied or pruned,
// naming the application and its source revision. The watch records what the apply changed (a scale, an
// image) on its own; this entry says why it changed (issue 17: every sync on the timeline, with the
// objects it touched). The core (src-main/core/timeline/timelineNotes.ts) delivers them.

import type { TimelineChange, TrackedKind } from './workloadChanges';
import { TRACKED_KINDS } from './workloadChanges';

/** The part of a sync's outcome per object that the timeline needs (shared/contract/apps.ts SyncOutcomeItem). */
export interface SyncedObject { kind: string; name: string; namespace?: string; outcome: string }

export interface SyncNote { kind: TrackedKind; namespace: string; name: string; change: TimelineChange }

const VERB: Record<string, string> = { created: 'Created', configured: 'Synced', pruned: 'Pruned' };

/**
 * The timeline entries of one sync: for each Deployment, StatefulSet or DaemonSet it created, configured
 * or pruned (not the skipped, conflicting or failed ones: nothing was written to those).
 */
export function syncNotes(app: { name: string; namespace: string }, revision: { sha: string; dirty: boolean } | undefined, items: SyncedObject[], manager: string): SyncNote[] {
  const rev = revision ? ` at revision ${revision.sha}${revision.dirty ? ' (with uncommitted changes)' : ''}` : '';
  const out: SyncNote[] = [];
  for (const i of items) {
    const verb = VERB[i.outcome];
    if (!verb || !(TRACKED_KINDS as readonly string[]).includes(i.kind)) continue;
    out.push({
      kind: i.kind as TrackedKind, namespace: i.namespace ?? app.namespace, name: i.name,
      change: { kind: 'synced', summary: `${verb} by application ${app.name}${rev}`, manager, operation: i.outcome === 'pruned' ? 'Delete' : 'Apply' },
    });
  }
  return out;
}
