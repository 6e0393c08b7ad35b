import { describe, expect, it, vi } from 'vitest';
import { Reflector } from './reflector';
import { Store } from './store';
import { ApiError } from '../cluster/apiError';
import { Backoff } from './backoff';
import type { ListPage, ListWatchSource, RawObject, RawWatchEvent } from './listWatch';

// A scripted ListWatchSource, the way client-go's reflector tests drive a fake watch: each call to
// list/watch takes the next step from a script. This tests the reflector's decisions; the real API
// server behaviour is covered by the integration tests.
type WatchStep = { events?: RawWatchEvent[]; end?: 'close' | Error; hang?: boolean; lastsMs?: number };
type Obj = { uid: string; resourceVersion?: string; name: string };

const obj = (uid: string, rv: string): RawObject => ({ metadata: { uid, name: `n-${uid}`, resourceVersion: rv } });

class ScriptedSource implements ListWatchSource {
  lists: { limit: number; continue?: string }[] = [];
  watches: { resourceVersion: string; timeoutSeconds: number }[] = [];
  constructor(public listScript: (ListPage | Error)[], public watchScript: WatchStep[], private onExhausted: () => void, private advance: (ms: number) => void) {}
  async list(opts: { limit: number; continue?: string }): Promise<ListPage> {
    this.lists.push(opts);
    const step = this.listScript.shift();
    if (!step) throw new Error('list script exhausted');
    if (step instanceof Error) throw step;
    return step;
  }
  async watch(opts: { resourceVersion: string; timeoutSeconds: number }, onEvent: (e: RawWatchEvent) => void, signal: AbortSignal, onOpen?: () => void): Promise<void> {
    this.watches.push(opts);
    const step = this.watchScript.shift();
    if (!step) { this.onExhausted(); await new Promise<void>((r) => signal.addEventListener('abort', () => r())); return; }
    onOpen?.();
    for (const e of step.events ?? []) onEvent(e);
    this.advance(step.lastsMs ?? 0);
    if (step.end instanceof Error) throw step.end;
  }
}

function harness(listScript: (ListPage | Error)[], watchScript: WatchStep[]) {
  let done!: () => void;
  const finished = new Promise<void>((r) => { done = r; });
  // The reflector times watches on this clock; a scripted watch advances it by its lastsMs.
  let clock = 1_000_000;
  const source = new ScriptedSource(listScript, watchScript, () => done(), (ms) => { clock += ms; });
  const store = new Store<Obj>();
  const changes: string[] = [];
  const states: string[] = [];
  const sleeps: number[] = [];
  const reflector = new Reflector<Obj>(source, store, (r) => r.metadata?.uid, {
    transform: (r) => ({ uid: r.metadata!.uid!, name: r.metadata!.name!, resourceVersion: r.metadata!.resourceVersion }),
    onChanges: (cs) => cs.forEach((c) => changes.push(`${c.type}:${c.key}`)),
    onState: (s) => states.push(s),
    sleep: async (ms) => { sleeps.push(ms); },
    random: () => 0.5,
    now: () => clock,
    backoff: new Backoff(800, 30_000, 120_000, Date.now, () => 0),
  });
  return { source, store, changes, states, sleeps, reflector, finished };
}

// A watch that ends normally must not look like a "very short watch": give it an event.
const bookmark = (rv: string): RawWatchEvent => ({ type: 'BOOKMARK', resourceVersion: rv });

describe('Reflector', () => {
  it('lists in pages of 500 and watches from the list resourceVersion with bookmarks and a 5–10 min timeout', async () => {
    const h = harness([
      { items: [obj('a', '1')], resourceVersion: '10', continue: 'tok' },
      { items: [obj('b', '2')], resourceVersion: '11' },
    ], []);
    h.reflector.start();
    await h.finished;
    expect(h.source.lists).toEqual([{ limit: 500, continue: undefined }, { limit: 500, continue: 'tok' }]);
    expect(h.source.watches[0].resourceVersion).toBe('11');
    expect(h.source.watches[0].timeoutSeconds).toBeGreaterThanOrEqual(300);
    expect(h.source.watches[0].timeoutSeconds).toBeLessThan(600);
    expect([...h.store.keys()].sort()).toEqual(['a', 'b']);
    await h.reflector.stop();
  });

  it('restarts the list from the top when a continue token expires (410)', async () => {
    const h = harness([
      { items: [obj('a', '1')], resourceVersion: '10', continue: 'tok' },
      new ApiError(410, 'continue token expired', 'Expired'),
      { items: [obj('a', '1'), obj('b', '2')], resourceVersion: '12' },
    ], []);
    h.reflector.start();
    await h.finished;
    expect(h.source.lists.map((l) => l.continue)).toEqual([undefined, 'tok', undefined]);
    expect(h.store.size).toBe(2);
    await h.reflector.stop();
  });

  it('re-watches from the last resourceVersion (bookmarks included) after a closed watch, without relisting', async () => {
    const h = harness([{ items: [], resourceVersion: '5' }], [
      { events: [{ type: 'ADDED', object: obj('a', '6') }, bookmark('9')], end: 'close' },
      { events: [{ type: 'MODIFIED', object: obj('a', '10') }], end: 'close' },
    ]);
    h.reflector.start();
    await h.finished;
    expect(h.source.lists).toHaveLength(1);
    expect(h.source.watches.map((w) => w.resourceVersion)).toEqual(['5', '9', '10']);
    expect(h.changes).toEqual(['added:a', 'updated:a']);
    await h.reflector.stop();
  });

  it('on connection refused backs off (800 ms doubling) and re-watches from the same resourceVersion', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const h = harness([{ items: [], resourceVersion: '5' }], [{ end: refused }, { end: refused }, { end: refused }]);
    h.reflector.start();
    await h.finished;
    expect(h.source.lists).toHaveLength(1);
    expect(h.source.watches.map((w) => w.resourceVersion)).toEqual(['5', '5', '5', '5']);
    expect(h.sleeps).toEqual([800, 1600, 3200]);
    expect(h.states).toContain('backoff');
    await h.reflector.stop();
  });

  it('honours Retry-After on 429 and does not relist', async () => {
    const h = harness([{ items: [], resourceVersion: '5' }], [{ end: new ApiError(429, 'too many requests', 'TooManyRequests', 7) }]);
    h.reflector.start();
    await h.finished;
    expect(h.sleeps).toEqual([7000]);
    expect(h.source.lists).toHaveLength(1);
    await h.reflector.stop();
  });

  it('on 410 Gone relists and emits exactly the differences: no stale object survives, no duplicate events', async () => {
    const h = harness([
      { items: [obj('a', '1'), obj('b', '2'), obj('c', '3')], resourceVersion: '5' },
      { items: [obj('a', '1'), obj('b', '8'), obj('d', '9')], resourceVersion: '20' },
    ], [{ events: [{ type: 'ERROR', status: { code: 410, reason: 'Expired', message: 'too old resource version' } }] }]);
    h.reflector.start();
    await h.finished;
    expect(h.changes).toEqual(['added:a', 'added:b', 'added:c', 'updated:b', 'added:d', 'deleted:c']);
    expect(h.source.watches.map((w) => w.resourceVersion)).toEqual(['5', '20']);
    expect(h.reflector.stats.relists).toBe(1);
    await h.reflector.stop();
  });

  it('relists from scratch when the server says the resourceVersion is too large (504, cause ResourceVersionTooLarge)', async () => {
    const tooLarge = { code: 504, reason: 'Timeout', message: 'Timeout: Too large resource version: 900, current: 20', details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }] } };
    const h = harness([
      { items: [obj('a', '1')], resourceVersion: '900' },
      { items: [obj('a', '1'), obj('b', '15')], resourceVersion: '20' },
      { items: [obj('b', '15')], resourceVersion: '21' },
    ], [
      { events: [{ type: 'ERROR', status: tooLarge }] },
      { end: new ApiError(504, tooLarge.message, 'Timeout', undefined, { ...tooLarge, kind: 'Status' }) },
    ]);
    h.reflector.start();
    await h.finished;
    expect(h.source.lists).toHaveLength(3);
    expect(h.source.watches.map((w) => w.resourceVersion)).toEqual(['900', '20', '21']);
    expect(h.changes).toEqual(['added:a', 'added:b', 'deleted:a']);
    expect(h.sleeps).toEqual([]);
    expect(h.reflector.stats.relists).toBe(2);
    await h.reflector.stop();
  });

  it('relists when a watch runs to its end without a single event or bookmark (a resourceVersion the server has not reached)', async () => {
    const h = harness([
      { items: [obj('a', '1')], resourceVersion: '900' },
      { items: [obj('a', '1'), obj('b', '15')], resourceVersion: '20' },
    ], [{ end: 'close', lastsMs: 300_000 }]);
    h.reflector.start();
    await h.finished;
    expect(h.source.watches.map((w) => w.resourceVersion)).toEqual(['900', '20']);
    expect(h.changes).toEqual(['added:a', 'added:b']);
    expect(h.reflector.stats.relists).toBe(1);
    expect(h.sleeps).toEqual([]);
    await h.reflector.stop();
  });

  it('re-watches without relisting after a quiet watch that was shorter than a bookmark interval, or that had a bookmark', async () => {
    const h = harness([{ items: [], resourceVersion: '5' }], [
      { end: 'close', lastsMs: 30_000 },
      { events: [bookmark('7')], end: 'close', lastsMs: 300_000 },
    ]);
    h.reflector.start();
    await h.finished;
    expect(h.source.lists).toHaveLength(1);
    expect(h.source.watches.map((w) => w.resourceVersion)).toEqual(['5', '5', '7']);
    expect(h.reflector.stats.relists).toBe(0);
    await h.reflector.stop();
  });

  it('treats a watch that closes at once with no events as an error and backs off', async () => {
    const h = harness([{ items: [], resourceVersion: '5' }], [{ end: 'close' }]);
    h.reflector.start();
    await h.finished;
    expect(h.sleeps).toEqual([800]);
    await h.reflector.stop();
  });

  it('stops on 403 with a forbidden state, and on a second 401 with an unauthorized state', async () => {
    const f = harness([new ApiError(403, 'pods is forbidden', 'Forbidden')], []);
    f.reflector.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(f.reflector.state).toBe('forbidden');
    expect(f.source.lists).toHaveLength(1);

    const u = harness([new ApiError(401, 'Unauthorized'), new ApiError(401, 'Unauthorized')], []);
    u.reflector.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(u.reflector.state).toBe('unauthorized');
    expect(u.source.lists).toHaveLength(2); // retried once: credentials may just have been refreshed
  });

  it('applies DELETED events and reports reconnecting trouble until a watch opens again', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const h = harness([{ items: [obj('a', '1')], resourceVersion: '5' }], [
      { end: refused },
      { events: [{ type: 'DELETED', object: obj('a', '6') }], end: 'close' },
    ]);
    let sawTrouble = false;
    h.reflector.start();
    const poll = setInterval(() => { if (h.reflector.troubleSince) sawTrouble = true; }, 0);
    await h.finished;
    clearInterval(poll);
    expect(h.store.size).toBe(0);
    expect(h.changes).toEqual(['added:a', 'deleted:a']);
    expect(h.reflector.troubleSince).toBeUndefined();
    expect(sawTrouble || h.states.includes('backoff')).toBe(true);
    await h.reflector.stop();
  });
});

// A source whose calls fail at the network level until `up` is set, with a link-like untilHealthy
// that the test resolves (the context's link learnt that the server answers again).
class FlakySource implements ListWatchSource {
  up = false;
  lists = 0;
  watches = 0;
  private waiters: (() => void)[] = [];
  private readonly refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  async list(): Promise<ListPage> {
    this.lists++;
    if (!this.up) throw this.refused();
    return { items: [obj('a', '1')], resourceVersion: '10' };
  }
  async watch(_o: unknown, _e: (e: RawWatchEvent) => void, signal: AbortSignal, onOpen?: () => void): Promise<void> {
    this.watches++;
    if (!this.up) throw this.refused();
    onOpen?.();
    await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
  }
  untilHealthy(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => { this.waiters.push(resolve); signal.addEventListener('abort', () => resolve(), { once: true }); });
  }
  serverBack(): void { this.up = true; for (const w of this.waiters.splice(0)) w(); }
}

describe('Reflector recovery', () => {
  const flaky = (source: ListWatchSource, sleeps: number[] = []) => new Reflector<Obj>(source, new Store<Obj>(), (r) => r.metadata?.uid, {
    transform: (r) => ({ uid: r.metadata!.uid!, name: r.metadata!.name!, resourceVersion: r.metadata!.resourceVersion }),
    onChanges: () => {},
    // Real waits, long ones: only a wake-up can end them within the test.
    sleep: (ms, signal) => { sleeps.push(ms); return new Promise<void>((r) => { const t = setTimeout(r, ms); signal.addEventListener('abort', () => { clearTimeout(t); r(); }, { once: true }); }); },
    backoff: new Backoff(60_000, 60_000, 120_000, Date.now, () => 0),
  });

  it('a network-error backoff ends as soon as the source says the server answers again', async () => {
    const source = new FlakySource();
    const sleeps: number[] = [];
    const r = flaky(source, sleeps);
    r.start();
    await vi.waitFor(() => expect(r.state).toBe('backoff'));
    expect(sleeps).toEqual([60_000]);
    const t0 = Date.now();
    source.serverBack();
    await vi.waitFor(() => expect(r.state).toBe('watching'));
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(source.lists).toBe(2);
    await r.stop();
  });

  it('relist() cuts a backoff wait and an open watch short and lists at once', async () => {
    const source = new FlakySource();
    const r = flaky(source);
    r.start();
    await vi.waitFor(() => expect(r.state).toBe('backoff'));
    source.up = true; // the new connection works; nobody told the old one
    r.relist();
    await vi.waitFor(() => expect(r.state).toBe('watching'));
    expect(source.lists).toBe(2);
    r.relist();
    await vi.waitFor(() => expect(source.lists).toBe(3));
    await vi.waitFor(() => expect(source.watches).toBe(2));
    expect(r.state).toBe('watching');
    await r.stop();
  });

  it('a backoff after a server error (not the network) is not cut short by the server answering', async () => {
    const source = new FlakySource();
    source.up = true;
    source.list = async () => { source.lists++; throw new ApiError(500, 'etcdserver: leader changed'); };
    const r = flaky(source);
    r.start();
    await vi.waitFor(() => expect(r.state).toBe('backoff'));
    source.serverBack();
    await new Promise((res) => setTimeout(res, 100));
    expect(source.lists).toBe(1);
    await r.stop();
  });
});
