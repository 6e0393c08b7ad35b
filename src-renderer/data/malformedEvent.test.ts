// A watch event that fails validation in the renderer is never dropped quietly: the list starts over
// from a fresh snapshot and its freshness says why meanwhile. Driven through the transport (a fake
// FrameChannel), the contract client and the live-list store, as useLiveList wires them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractClient } from './contractClient';
import type { FrameChannel } from './frameChannel';
import { liveListStore } from './liveListStore';
import type { ClientFrame } from '../../shared/contract/frames';

function fakeChannel() {
  const sent: ClientFrame[] = [];
  let deliver: (f: unknown) => void = () => {};
  const channel: FrameChannel = {
    send: (f) => { sent.push(f); },
    onFrame: (cb) => { deliver = cb; return () => {}; },
    onLink: () => () => {},
  };
  return { channel, sent, deliver: (f: unknown) => deliver(f) };
}

const microtasks = () => new Promise<void>((r) => setImmediate(r));
const live = { state: 'live', since: '2026-01-01T00:00:00Z' } as const;

describe('a malformed watch event', () => {
  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

  it('resyncs the list, and the freshness shows it until the new snapshot', async () => {
    const t = fakeChannel();
    const client = new ContractClient(t.channel);
    const params = { context: 'c', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'shop', projection: 'meta' as const };
    const store = liveListStore<{ uid: string; name: string }>((h) => client.subscribe('resources.watch', params, h));
    const unsubscribe = store.subscribe(() => {});
    const first = t.sent[0];
    expect(first).toMatchObject({ t: 'sub', topic: 'resources.watch', params });
    const id = (first as { id: number }).id;

    t.deliver({ t: 'ev', id, seq: 1, event: { type: 'snapshot', items: [{ uid: 'a', name: 'web' }], freshness: live } });
    await microtasks();
    expect([...store.get().items.keys()]).toEqual(['a']);
    expect(store.get().freshness?.state).toBe('live');

    // A delta whose upserts are not a list: it fails the WatchEvent schema.
    vi.advanceTimersByTime(300);
    t.deliver({ t: 'ev', id, seq: 2, event: { type: 'delta', upserts: 'not a list', deletes: [] } });
    await microtasks();
    expect(t.sent.slice(1)).toEqual([
      { t: 'unsub', id },
      { t: 'sub', id: expect.any(Number), topic: 'resources.watch', params },
    ]);
    const again = (t.sent[2] as { id: number }).id;
    expect(again).not.toBe(id);
    expect(store.get().freshness).toMatchObject({ state: 'syncing', reason: expect.stringMatching(/malformed resources\.watch event was dropped/) });

    // The old id's events are ignored; the new snapshot is the truth and brings its own freshness.
    vi.advanceTimersByTime(300);
    t.deliver({ t: 'ev', id, seq: 3, event: { type: 'delta', upserts: [{ uid: 'stale', name: 'x' }], deletes: [] } });
    t.deliver({ t: 'ev', id: again, seq: 1, event: { type: 'snapshot', items: [{ uid: 'a', name: 'web' }, { uid: 'b', name: 'api' }], freshness: live } });
    await microtasks();
    expect([...store.get().items.keys()].sort()).toEqual(['a', 'b']);
    expect(store.get().freshness?.state).toBe('live');

    unsubscribe();
    expect(t.sent.at(-1)).toEqual({ t: 'unsub', id: again });
  });
});
