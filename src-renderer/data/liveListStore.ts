import { LiveList, type LiveListState } from '../../shared/model/liveList';
import type { WatchEvent } from '../../shared/contract/resources';

/** What useSyncExternalStore takes. */
export interface ExternalStore<S> {
  get(): S;
  subscribe(listener: () => void): () => void;
}

interface WatchHandlers { onEvent(e: WatchEvent): void; onEnd(err?: Error): void }

/**
 * A frame's wait at most: requestAnimationFrame does not run in a hidden page, where the list still
 * has to move on (a background window's state is current when it comes back), just not per frame.
 */
const HIDDEN_FLUSH_MS = 250;

/**
 * A live list as a store for useSyncExternalStore. The subscription opens with the first listener and
 * closes with the last. Events are applied at most once per animation frame: whatever arrived within a
 * frame (several core batches under churn) becomes one change and one render.
 */
export function liveListStore<T>(open: ((h: WatchHandlers) => { close(): void }) | undefined): ExternalStore<LiveListState<T>> {
  const list = new LiveList<T>();
  const listeners = new Set<() => void>();
  let sub: { close(): void } | undefined;
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const cancel = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = timer = undefined;
  };
  const flush = () => {
    cancel();
    if (list.flush()) listeners.forEach((l) => l());
  };
  const schedule = () => {
    if (frame !== undefined) return;
    frame = requestAnimationFrame(flush);
    timer = setTimeout(flush, HIDDEN_FLUSH_MS);
  };

  return {
    get: () => list.state,
    subscribe(l) {
      listeners.add(l);
      if (!sub && open) {
        sub = open({
          onEvent: (e) => { list.push(e); schedule(); },
          onEnd: (err) => { list.fail(err?.message ?? 'subscription ended'); flush(); },
        });
      }
      return () => {
        listeners.delete(l);
        if (listeners.size === 0) { sub?.close(); sub = undefined; cancel(); }
      };
    },
  };
}
