import type { LiveListState } from '../../shared/model/liveList';
import type { TopoObject } from '../../shared/topology/topologyObject';
import type { EngineRequest } from './topologyEngine';

/** What the engine was last told about one kind's live list. */
export interface ListSeen {
  items: ReadonlyMap<string, unknown>;
  version: number;
}

export interface KindList {
  kind: string;
  state: Pick<LiveListState<TopoObject>, 'items' | 'version' | 'changed' | 'deleted'>;
}

/**
 * The engine's next `sync` from the live lists' own change sets: a list one version on from what the
 * engine has sends the uids that version changed and deleted; a list the engine has not seen, one
 * that resynced (a new items Map) or one that moved more than a version (a render skipped a change
 * set) sends its kind whole; the first sync (nothing seen yet) also drops whatever the engine held for
 * another view. Updates `seen`; undefined when nothing changed.
 *
 * The items Map is updated in place by later changes, so an upsert may carry an object newer than its
 * version: the version that made it newer is sent next (or the kind whole), so the engine converges.
 */
export function listChanges(lists: readonly KindList[], seen: Map<string, ListSeen>): Extract<EngineRequest, { type: 'sync' }> | undefined {
  const first = seen.size === 0;
  const upserts: TopoObject[] = [];
  const deletes: string[] = [];
  const resetKinds: string[] = [];
  for (const { kind, state } of lists) {
    const last = seen.get(kind);
    if (last && last.items === state.items && last.version === state.version) continue;
    seen.set(kind, { items: state.items, version: state.version });
    if (!last || last.items !== state.items || state.version !== last.version + 1) {
      resetKinds.push(kind);
      for (const o of state.items.values()) upserts.push(o);
      continue;
    }
    for (const uid of state.deleted) deletes.push(uid);
    for (const uid of state.changed) {
      const o = state.items.get(uid);
      if (o) upserts.push(o);
    }
  }
  if (upserts.length === 0 && deletes.length === 0 && resetKinds.length === 0) return undefined;
  if (first) return { type: 'sync', upserts, deletes, resetKinds, reset: true };
  return resetKinds.length ? { type: 'sync', upserts, deletes, resetKinds } : { type: 'sync', upserts, deletes };
}
