import { useMemo, useSyncExternalStore } from 'react';
import { useClient } from '../../data/clientContext';
import { applyWatchEvent, emptyLiveList, type LiveListState } from '../../../shared/model/liveList';
import type { KubeEventRow } from '../../../shared/contract/resources';

/** Events about one object, live (the core list+watches them by involvedObject.uid). */
export function useObjectEvents(context: string, namespace: string | undefined, uid: string | undefined): LiveListState<KubeEventRow> {
  const client = useClient();
  const store = useMemo(() => {
    let state = emptyLiveList<KubeEventRow>();
    const listeners = new Set<() => void>();
    const set = (s: LiveListState<KubeEventRow>) => { state = s; listeners.forEach((l) => l()); };
    let sub: { close(): void } | undefined;
    return {
      get: () => state,
      subscribe(l: () => void) {
        listeners.add(l);
        if (!sub && uid) {
          sub = client.subscribe('events.forObject', namespace ? { context, namespace, uid } : { context, uid }, {
            onEvent: (e) => set(applyWatchEvent(state, e)),
            onEnd: (err) => set({ ...state, error: err?.message ?? 'subscription ended' }),
          });
        }
        return () => {
          listeners.delete(l);
          if (listeners.size === 0) { sub?.close(); sub = undefined; }
        };
      },
    };
  }, [client, context, namespace, uid]);
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Newest first, by when the event was last seen. */
export function sortEvents(rows: Iterable<KubeEventRow>): KubeEventRow[] {
  const t = (r: KubeEventRow) => Date.parse(r.lastTimestamp ?? r.firstTimestamp ?? '') || 0;
  return [...rows].sort((a, b) => t(b) - t(a) || a.uid.localeCompare(b.uid));
}
