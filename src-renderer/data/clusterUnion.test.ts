import { describe, expect, it } from 'vitest';
import { LiveList } from '../../shared/model/liveList';
import type { Freshness, WatchEvent, WatchParams } from '../../shared/contract/resources';
import { clusterFreshness, clusterKey, openClusterUnion, type ClusterTagged } from './clusterUnion';
import type { UnionFreshness, WatchHandlers } from './watchUnion';

const live: Freshness = { state: 'live', since: 't' };
const params: WatchParams = { context: 'a', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'demo', projection: 'table' };
type Row = { uid: string; name: string } & ClusterTagged;

function harness(others = ['b']) {
  const opened = new Map<string, WatchHandlers>();
  const openedParams: WatchParams[] = [];
  const closed: string[] = [];
  const list = new LiveList<Row>();
  let ended: Error | undefined | 'no';
  const sub = openClusterUnion((p, h) => { opened.set(p.context, h); openedParams.push(p); return { close: () => closed.push(p.context) }; }, params, others, {
    onEvent: (e: WatchEvent) => { list.push(e); list.flush(); }, onEnd: (err) => { ended = err ?? 'no'; },
  });
  return { opened, openedParams, closed, list, sub, ended: () => ended };
}
const rows = (l: LiveList<Row>) => [...l.state.items.values()].map((x) => `${x.cluster}/${x.name}`).sort();

describe('clusterUnion', () => {
  it('one watch per context with the same resource and namespace; rows tagged with their cluster, keyed apart even with one uid', () => {
    const t = harness();
    expect(t.openedParams.map((p) => p.context)).toEqual(['a', 'b']);
    expect(t.openedParams.every((p) => p.namespace === 'demo' && p.resource === 'deployments')).toBe(true);
    // The same uid on both sides (two contexts of one cluster): two rows, not one.
    t.opened.get('a')!.onEvent({ type: 'snapshot', items: [{ uid: 'u1', name: 'web' }], freshness: live });
    expect(t.list.state.synced).toBe(false);
    t.opened.get('b')!.onEvent({ type: 'snapshot', items: [{ uid: 'u1', name: 'web' }], freshness: live });
    expect(rows(t.list)).toEqual(['a/web', 'b/web']);
    const b = t.list.state.items.get(clusterKey('b', 'u1'))!;
    expect(b).toMatchObject({ cluster: 'b', objectUid: 'u1', name: 'web' });
    // A delete on one side removes that cluster's row only.
    t.opened.get('b')!.onEvent({ type: 'delta', upserts: [], deletes: ['u1'] });
    expect(rows(t.list)).toEqual(['a/web']);
    t.sub.close();
    expect(t.closed).toEqual(['a', 'b']);
  });

  it('an unreachable cluster never blanks the others: the union starts once each has listed or said why not, each keeps its freshness', () => {
    const t = harness();
    t.opened.get('a')!.onEvent({ type: 'snapshot', items: [{ uid: 'u1', name: 'web' }], freshness: live });
    t.opened.get('b')!.onEvent({ type: 'freshness', freshness: { state: 'reconnecting', since: 't', reason: 'connection refused' } });
    expect(t.list.state.synced).toBe(true);
    expect(rows(t.list)).toEqual(['a/web']);
    const f = t.list.state.freshness as UnionFreshness;
    expect(f.state).toBe('reconnecting');
    expect(f.reason).toBe('cluster b: connection refused');
    expect(clusterFreshness(f, 'a')?.state).toBe('live');
    expect(clusterFreshness(f, 'b')?.state).toBe('reconnecting');
    // b answers: its rows arrive as a delta, its freshness goes live.
    t.opened.get('b')!.onEvent({ type: 'snapshot', items: [{ uid: 'u2', name: 'web' }], freshness: live });
    expect(rows(t.list)).toEqual(['a/web', 'b/web']);
    expect(clusterFreshness(t.list.state.freshness as UnionFreshness, 'b')?.state).toBe('live');
    expect(t.list.state.freshness?.state).toBe('live');
    // b goes stale later: only b's part says so; its rows stay (marked by the view), a's are untouched.
    t.opened.get('b')!.onEvent({ type: 'freshness', freshness: { state: 'stale', since: 't2', reason: 'watch lost' } });
    expect(clusterFreshness(t.list.state.freshness as UnionFreshness, 'b')).toMatchObject({ state: 'stale', reason: 'watch lost' });
    expect(clusterFreshness(t.list.state.freshness as UnionFreshness, 'a')?.state).toBe('live');
    expect(rows(t.list)).toEqual(['a/web', 'b/web']);
  });

  it('a cluster whose watch ends loses its rows, with the reason; the union goes on', () => {
    const t = harness();
    t.opened.get('a')!.onEvent({ type: 'snapshot', items: [{ uid: 'u1', name: 'web' }], freshness: live });
    t.opened.get('b')!.onEvent({ type: 'snapshot', items: [{ uid: 'u2', name: 'web' }], freshness: live });
    t.opened.get('b')!.onEnd(new Error('context b was removed from the kubeconfig'));
    expect(t.ended()).toBeUndefined();
    expect(rows(t.list)).toEqual(['a/web']);
    expect(clusterFreshness(t.list.state.freshness as UnionFreshness, 'b')).toMatchObject({ state: 'error', reason: 'context b was removed from the kubeconfig' });
    t.opened.get('a')!.onEvent({ type: 'delta', upserts: [{ uid: 'u3', name: 'api' }], deletes: [] });
    expect(rows(t.list)).toEqual(['a/api', 'a/web']);
  });
});
