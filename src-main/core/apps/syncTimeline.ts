import type { Core } from '../core';
import { gitRevision } from './gitRevision';
import { FIELD_MANAGER } from '../actions/writeOptions';
import { timelineNotesOf } from '../timeline/timelineNotes';
import { syncNotes } from '../../../shared/timeline/syncNotes';
import type { AppDef, SyncResult } from '../../../shared/contract/apps';

/** Puts a finished sync on the change timeline of each workload it wrote, naming the app and its git revision. */
export async function noteSyncOnTimelines(core: Core, app: AppDef, result: SyncResult): Promise<void> {
  // The revision now, not at render time: a commit between render and sync is rare; an unknown revision is said as such.
  const revision = await gitRevision(app.path).catch(() => undefined);
  const notes = timelineNotesOf(core);
  for (const n of syncNotes(app, revision, result.items, FIELD_MANAGER)) notes.add(app.context, n);
}
