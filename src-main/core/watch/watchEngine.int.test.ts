import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeResources } from './resourceSubscription';
import { LiveList, type LiveListState } from '../../../shared/model/liveList';
import { ADMIN, eventually, newCore, randomName } from '../../testing/testCluster';
import type { Core } from '../core';
import type { WatchEvent } from '../../../shared/contract/resources';

/** What a subscriber ends up believing, built exactly as the renderer builds it. */
function subscriber(core: Core, namespace: string) {
  const list = new LiveList<any>();
  let state: LiveListState<any> = list.state;
  const unsubscribe = subscribeResources(core.hub, { context: ADMIN, group: '', version: 'v1', resource: 'configmaps', namespace, projection: 'topology' },
    (e: WatchEvent) => { state = list.apply(e); });
  return { get state() { return state; }, unsubscribe };
}

async function freshList(core: Core, ns: string): Promise<Map<string, string>> {
  const list = await core.connection(ADMIN).http.request('GET', `/api/v1/namespaces/${ns}/configmaps`);
  return new Map(list.items.map((o: any) => [o.metadata.uid, o.metadata.resourceVersion]));
}

const view = (s: LiveListState<any>) => new Map([...s.items.values()].map((o) => [o.uid, o.resourceVersion]));

describe('watch engine against the real API server', () => {
  let core: Core;
  let writer: Core;
  const ns = randomName('wh-churn');

  beforeAll(async () => {
    core = newCore();
    writer = newCore();
    await writer.connection(ADMIN).http.request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns } } });
  });
  afterAll(async () => {
    await writer.connection(ADMIN).http.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => {});
    await core.dispose();
    await writer.dispose();
  });

  it('500 creates, 250 updates and 100 deletes while subscribed: three subscribers share one list+watch and equal a fresh LIST', async () => {
    const subs = [subscriber(core, ns), subscriber(core, ns), subscriber(core, ns)];
    try {
    await eventually(() => subs.every((s) => s.state.synced), 20_000, 'initial sync');
    const http = writer.connection(ADMIN).http;
    const names = Array.from({ length: 500 }, (_, i) => `cm-${i}`);
    const pool = async <T>(items: T[], n: number, fn: (x: T) => Promise<unknown>) => {
      const queue = [...items];
      await Promise.all(Array.from({ length: n }, async () => { for (let x = queue.shift(); x !== undefined; x = queue.shift()) await fn(x); }));
    };
    await pool(names, 16, (name) => http.request('POST', `/api/v1/namespaces/${ns}/configmaps`, { body: { metadata: { name }, data: { v: '0' } } }));
    await pool(names.slice(0, 250), 16, (name) => http.request('PATCH', `/api/v1/namespaces/${ns}/configmaps/${name}`, { body: { data: { v: '1' } }, contentType: 'application/merge-patch+json' }));
    await pool(names.slice(400), 16, (name) => http.request('DELETE', `/api/v1/namespaces/${ns}/configmaps/${name}`));

    const truth = await freshList(writer, ns);
    // 400 of ours, plus the kube-root-ca.crt ConfigMap every namespace gets.
    expect(truth.size).toBe(401);
    for (const s of subs) {
      await eventually(() => {
        const v = view(s.state);
        return v.size === truth.size && [...truth].every(([uid, rv]) => v.get(uid) === rv);
      }, 30_000, 'subscriber to converge on a fresh LIST');
    }
    // Objects from the LIST carry their kind (LIST items lack it on the wire).
    expect([...subs[0].state.items.values()].every((o: any) => o.kind === 'ConfigMap' && o.health)).toBe(true);
    const stats = core.hub.stats().filter((x) => x.key.includes('/configmaps|'));
    expect(stats).toHaveLength(1);
    expect(stats[0].refs).toBe(3);
    expect(stats[0].lists).toBe(1);
    expect(stats[0].relists).toBe(0);
    } finally {
      subs.forEach((s) => s.unsubscribe());
    }
  });

  it('a forced 410 (watch from a resourceVersion older than the watch window) relists with no duplicate events', async () => {
    const { HttpListWatch } = await import('./listWatch');
    const { Reflector } = await import('./reflector');
    const { Store } = await import('./store');
    const conn = core.connection(ADMIN);
    const real = new HttpListWatch(conn.http, { group: '', version: 'v1', resource: 'configmaps' }, ns, 'object');
    let first = true;
    const gone: string[] = [];
    // The real source, told to resume from resourceVersion 1 once: the API server answers 410 Gone.
    const source = {
      list: real.list.bind(real),
      watch: (opts: any, onEvent: any, signal: AbortSignal, onOpen?: () => void) => {
        if (first) { first = false; opts = { ...opts, resourceVersion: '1' }; }
        return real.watch(opts, (e: any) => { if (e.type === 'ERROR') gone.push(String(e.status.code)); onEvent(e); }, signal, onOpen);
      },
    };
    const events: string[] = [];
    const store = new Store<any>();
    const r = new Reflector(source, store, (o) => o.metadata?.uid, {
      transform: (o) => ({ uid: o.metadata!.uid, resourceVersion: o.metadata!.resourceVersion }),
      onChanges: (cs) => cs.forEach((c) => events.push(`${c.type}:${c.key}`)),
    });
    r.start();
    await eventually(() => r.stats.relists >= 1 && r.state === 'watching', 20_000, 'relist after 410');
    expect(gone.length + r.stats.relists).toBeGreaterThanOrEqual(1);
    const truth = await freshList(writer, ns);
    // Each object was announced exactly once (the initial list); the relist found nothing new.
    expect(events.length).toBe(truth.size);
    expect(new Set(events).size).toBe(events.length);
    expect(new Map([...store.values()].map((o) => [o.uid, o.resourceVersion]))).toEqual(truth);
    await r.stop();
  });

  it('stops the shared watch a short while after the last subscriber leaves', async () => {
    const s = subscriber(core, ns);
    await eventually(() => s.state.synced, 20_000, 'sync');
    const key = (x: { key: string }) => x.key.includes(`|${ns}|`);
    expect(core.hub.stats().filter(key).length).toBe(1);
    s.unsubscribe();
    await eventually(() => core.hub.stats().filter(key).length === 0, 5_000, 'informer stop after linger');
  });
});
