import { useMemo, useSyncExternalStore } from 'react';
import { useClient } from '../../data/clientContext';
import type { LiveListState } from '../../../shared/model/liveList';
import { liveListStore } from '../../data/liveListStore';
import type { KubeEventRow } from '../../../shared/contract/resources';

/** Events about one object, live (the core list+watches them by involvedObject.uid). */
export function useObjectEvents(context: string, namespace: string | undefined, uid: string | undefined): LiveListState<KubeEventRow> {
  const client = useClient();
  const store = useMemo(
    () => liveListStore<KubeEventRow>(uid ? (h) => client.subscribe('events.forObject', namespace ? { context, namespace, uid } : { context, uid }, h) : undefined),
    [client, context, namespace, uid],
  );
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Newest first, by when the event was last seen. */
export function sortEvents(rows: Iterable<KubeEventRow>): KubeEventRow[] {
  const t = (r: KubeEventRow) => Date.parse(r.lastTimestamp ?? r.firstTimestamp ?? '') || 0;
  return [...rows].sort((a, b) => t(b) - t(a) || a.uid.localeCompare(b.uid));
}
