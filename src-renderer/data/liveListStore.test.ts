import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveListStore } from './liveListStore';
import type { WatchEvent } from '../../shared/contract/resources';

/** Frames on demand: `frame()` runs the callbacks requested so far, as the browser does before a paint. */
function fakeFrames() {
  let callbacks = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => { callbacks.set(next, cb); return next++; });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => { callbacks.delete(id); });
  return {
    frame() { const due = callbacks; callbacks = new Map(); due.forEach((cb) => cb(0)); },
    get requested() { return callbacks.size; },
  };
}

const delta = (uid: string, v: number): WatchEvent => ({ type: 'delta', upserts: [{ uid, v }], deletes: [] });
const microtasks = () => new Promise<void>((r) => setImmediate(r));

describe('liveListStore', () => {
  let frames: ReturnType<typeof fakeFrames>;
  let emit: (e: WatchEvent) => void;
  let closed = 0;
  const open = (h: { onEvent(e: WatchEvent): void }) => { emit = (e) => h.onEvent(e); return { close: () => { closed++; } }; };

  beforeEach(() => { frames = fakeFrames(); vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); closed = 0; });
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

  it('applies the first change after a quiet frame at once, and what follows within the frame at the next frame, together', async () => {
    const store = liveListStore<{ uid: string; v: number }>(open);
    const seen: number[] = [];
    const off = store.subscribe(() => seen.push(store.get().version));
    emit({ type: 'snapshot', items: [], freshness: { state: 'live', since: '2026-01-01T00:00:00Z' } });
    await microtasks();
    expect(seen).toEqual([1]);

    emit(delta('a', 1));
    emit(delta('b', 1));
    emit(delta('a', 2));
    await microtasks();
    expect(seen).toEqual([1]);
    frames.frame();
    expect(seen).toEqual([1, 2]);
    expect([...store.get().changed].sort()).toEqual(['a', 'b']);
    expect(store.get().items.get('a')).toEqual({ uid: 'a', v: 2 });

    // A frame with nothing new ends the wait: the next change is applied at once again.
    frames.frame();
    expect(frames.requested).toBe(0);
    emit(delta('c', 1));
    await microtasks();
    expect(seen).toEqual([1, 2, 3]);
    off();
    expect(closed).toBe(1);
  });

  it('moves on without frames (a hidden page), on a timer', async () => {
    const store = liveListStore<{ uid: string; v: number }>(open);
    let calls = 0;
    store.subscribe(() => calls++);
    emit(delta('a', 1));
    await microtasks();
    emit(delta('a', 2));
    expect(calls).toBe(1);
    vi.advanceTimersByTime(300);
    expect(calls).toBe(2);
    expect(store.get().items.get('a')).toEqual({ uid: 'a', v: 2 });
  });
});
