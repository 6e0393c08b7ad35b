import { LiveList, type LiveListState } from '../../shared/model/liveList';
import type { WatchEvent } from '../../shared/contract/resources';

/** What useSyncExternalStore takes. */
export interface ExternalStore<S> {
  get(): S;
  subscribe(listener: () => void): () => void;
}

interface WatchHandlers { onEvent(e: WatchEvent): void; onEnd(err?: Error): void; onResync(reason: string): void }

/**
 * Stands in for the next frame where requestAnimationFrame does not run (a hidden page): the list
 * still moves on there, just not per frame.
 */
const HIDDEN_FRAME_MS = 250;

/**
 * A live list as a store for useSyncExternalStore. The subscription opens with the first listener and
 * closes with the last. Events are applied at most once per animation frame: the first change after a
 * quiet frame at once (in a microtask, so one socket message is one change), anything arriving after
 * it at the next frame, before that frame paints. Under churn a frame costs one change and one render
 * however many batches arrived in it.
 */
export function liveListStore<T>(open: ((h: WatchHandlers) => { close(): void }) | undefined): ExternalStore<LiveListState<T>> {
  const list = new LiveList<T>();
  const listeners = new Set<() => void>();
  let sub: { close(): void } | undefined;
  /** Set from a flush until the next frame: later events wait for that frame. */
  let frame: { raf: number; timer: ReturnType<typeof setTimeout> } | undefined;
  let flushQueued = false;

  const endFrameWait = () => {
    if (!frame) return;
    cancelAnimationFrame(frame.raf);
    clearTimeout(frame.timer);
    frame = undefined;
  };
  const flush = () => {
    flushQueued = false;
    if (!list.flush()) return;
    // Until the next frame, whatever arrives waits for it.
    endFrameWait();
    frame = { raf: requestAnimationFrame(nextFrame), timer: setTimeout(nextFrame, HIDDEN_FRAME_MS) };
    listeners.forEach((l) => l());
  };
  function nextFrame() {
    endFrameWait();
    flush();
  }
  const changed = () => {
    if (frame || flushQueued) return;
    flushQueued = true;
    queueMicrotask(flush);
  };

  return {
    get: () => list.state,
    subscribe(l) {
      listeners.add(l);
      if (!sub && open) {
        sub = open({
          onEvent: (e) => { list.push(e); changed(); },
          onEnd: (err) => { list.fail(err?.message ?? 'subscription ended'); changed(); },
          onResync: (reason) => { list.resyncing(reason, new Date()); changed(); },
        });
      }
      return () => {
        listeners.delete(l);
        if (listeners.size === 0) { sub?.close(); sub = undefined; endFrameWait(); }
      };
    },
  };
}
