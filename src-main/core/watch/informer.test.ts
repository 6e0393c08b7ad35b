import { describe, expect, it } from 'vitest';
import { SharedInformer, type InformerHandler } from './informer';
import type { ListPage, ListWatchSource, RawObject, RawWatchEvent } from './listWatch';

// A source that answers a LIST and then holds its watch open until stopped (after sending the given
// events); `serve` changes what it answers (the context's link now goes to another connection).
class HeldSource implements ListWatchSource {
  watching = false;
  lists = 0;
  constructor(private page: ListPage, private events: RawWatchEvent[] = []) {}
  serve(page: ListPage, events: RawWatchEvent[]): void { this.page = page; this.events = events; }
  async list(): Promise<ListPage> { this.lists++; return this.page; }
  async watch(_opts: unknown, onEvent: (e: RawWatchEvent) => void, signal: AbortSignal, onOpen?: () => void): Promise<void> {
    this.watching = true;
    onOpen?.();
    for (const e of this.events) onEvent(e);
    await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
    this.watching = false;
  }
}

const obj = (uid: string, rv: string): RawObject => ({ metadata: { uid, name: uid, resourceVersion: rv } });
type Row = { uid: string; resourceVersion?: string };

function recorder() {
  const log: string[] = [];
  let ended: Error | undefined;
  const handler: InformerHandler<Row> = {
    onSync: (items) => log.push(`sync:${items.map((i) => i.uid).sort().join(',')}`),
    onChanges: (changes) => changes.forEach((c) => log.push(`${c.type}:${c.key}`)),
    onFreshness: (f) => log.push(`freshness:${f.state}`),
    onEnd: (err) => { ended = err; },
  };
  return { log, handler, get ended() { return ended; } };
}

const until = async (cond: () => boolean) => { while (!cond()) await new Promise((r) => setTimeout(r, 1)); };
const informerOn = (source: ListWatchSource) =>
  new SharedInformer<Row>(source, (r) => r.metadata?.uid, (r) => ({ uid: r.metadata!.uid!, resourceVersion: r.metadata!.resourceVersion }));

describe('SharedInformer', () => {
  it('on relist (a new connection behind the link) keeps its handlers and sends them only the differences of the new list, then the new watch', async () => {
    const source = new HeldSource({ items: [obj('a', '1'), obj('b', '2')], resourceVersion: '10' });
    const informer = informerOn(source);
    const r = recorder();
    informer.addHandler(r.handler);
    informer.start();
    await until(() => source.watching);
    expect(r.log).toContain('sync:a,b');
    r.log.length = 0;

    source.serve({ items: [obj('a', '1'), obj('c', '3')], resourceVersion: '20' }, [{ type: 'ADDED', object: obj('d', '21') }]);
    informer.relist();
    await until(() => source.lists === 2 && source.watching && r.log.includes('added:d'));
    expect(r.log.filter((l) => !l.startsWith('freshness:'))).toEqual(['added:c', 'deleted:b', 'added:d']);
    // The cut watch is no trouble of the data's: no stale or reconnecting state in between.
    expect(r.log).not.toContain('freshness:stale');
    expect(r.log).not.toContain('freshness:reconnecting');
    expect([...informer.store.keys()].sort()).toEqual(['a', 'c', 'd']);
    await informer.stop();
  });

  it('says checking while the link checks its connection (a watch open, nothing else wrong), live again after', async () => {
    const source = new HeldSource({ items: [obj('a', '1')], resourceVersion: '10' });
    const informer = informerOn(source);
    const r = recorder();
    informer.addHandler(r.handler);
    informer.start();
    await until(() => source.watching && informer.freshness().state === 'live');
    const since = new Date();
    informer.setChecking(since);
    expect(informer.freshness()).toMatchObject({ state: 'checking', since: since.toISOString() });
    informer.setChecking(undefined);
    expect(r.log.slice(-2)).toEqual(['freshness:checking', 'freshness:live']);
    await informer.stop();
  });

  it('end stops it and gives every handler the reason once; nothing is sent after', async () => {
    const source = new HeldSource({ items: [obj('a', '1')], resourceVersion: '10' });
    const informer = informerOn(source);
    const r = recorder();
    informer.addHandler(r.handler);
    informer.start();
    await until(() => source.watching);
    const before = r.log.length;
    await informer.end(new Error('Context "x" is not in /tmp/config.'));
    expect(r.ended?.message).toBe('Context "x" is not in /tmp/config.');
    expect(source.watching).toBe(false);
    expect(r.log.length).toBe(before);
    expect(informer.handlerCount).toBe(0);
  });
});
