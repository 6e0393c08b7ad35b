import { describe, expect, it } from 'vitest';
import { LiveList } from '../../shared/model/liveList';
import type { Freshness, WatchEvent, WatchParams } from '../../shared/contract/resources';
import { namespaceList, openNamespaceUnion, type WatchHandlers } from './namespaceUnion';
import { mergeFreshness } from './watchUnion';

const live: Freshness = { state: 'live', since: 't' };
const params: WatchParams = { context: 'c', group: '', version: 'v1', resource: 'pods', namespace: 'a,b', projection: 'meta' };

/** Per-namespace handlers the union opened, to drive by hand, and what reached the merged side. */
function harness() {
  const opened = new Map<string, WatchHandlers>();
  const closed: string[] = [];
  const list = new LiveList<{ uid: string; name: string }>();
  let ended: Error | undefined | 'no';
  const sub = openNamespaceUnion((p, h) => { opened.set(p.namespace!, h); return { close: () => closed.push(p.namespace!) }; }, params, {
    onEvent: (e: WatchEvent) => list.apply(e), onEnd: (err) => { ended = err ?? 'no'; },
  });
  return { opened, closed, list, sub, ended: () => ended };
}
const names = (l: LiveList<{ name: string }>) => [...l.state.items.values()].map((x) => x.name).sort();

describe('namespaceUnion', () => {
  it('parses a list of two or more', () => {
    expect(namespaceList('a,b, a')).toEqual(['a', 'b']);
    expect(namespaceList('a')).toBeUndefined();
    expect(namespaceList(undefined)).toBeUndefined();
  });
  it('one watch per namespace; one snapshot once all have listed; deltas pass; a resync deletes what vanished', () => {
    const t = harness();
    expect([...t.opened.keys()]).toEqual(['a', 'b']);
    t.opened.get('a')!.onEvent({ type: 'snapshot', items: [{ uid: '1', name: 'a1' }], freshness: live });
    expect(t.list.state.synced).toBe(false);
    t.opened.get('b')!.onEvent({ type: 'delta', upserts: [{ uid: '0', name: 'early' }], deletes: [] });
    t.opened.get('b')!.onEvent({ type: 'snapshot', items: [{ uid: '2', name: 'b1' }], freshness: live });
    expect(names(t.list)).toEqual(['a1', 'b1']);
    t.opened.get('a')!.onEvent({ type: 'delta', upserts: [{ uid: '3', name: 'a2' }], deletes: [] });
    expect(names(t.list)).toEqual(['a1', 'a2', 'b1']);
    t.opened.get('a')!.onEvent({ type: 'snapshot', items: [{ uid: '3', name: 'a2' }], freshness: live });
    expect(names(t.list)).toEqual(['a2', 'b1']);
    t.sub.close();
    expect(t.closed).toEqual(['a', 'b']);
  });
  it('freshness is the worst part, naming its namespace; one ending ends the union', () => {
    const named = (k: string) => `namespace ${k}`;
    expect(mergeFreshness(new Map<string, Freshness>([['a', live], ['b', { state: 'forbidden', since: 't', reason: 'no' }]]), named)).toMatchObject({ state: 'forbidden', since: 't', reason: 'namespace b: no' });
    expect(mergeFreshness(new Map<string, Freshness | undefined>([['a', live], ['b', undefined]]), named)?.state).toBe('syncing');
    const t = harness();
    t.opened.get('b')!.onEnd(new Error('gone'));
    expect((t.ended() as Error).message).toBe('namespace b: gone');
    expect(t.closed.sort()).toEqual(['a', 'b']);
  });
});
