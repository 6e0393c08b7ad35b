import { describe, expect, it } from 'vitest';
import { subscribeEventsForObject } from './resourceHandlers';
import { LiveList, type LiveListState } from '../../shared/model/liveList';
import { ADMIN, eventually, useTestNamespace } from '../testing/testCluster';
import type { KubeEventRow } from '../../shared/contract/resources';

describe('events.forObject against the real API server', () => {
  const t = useTestNamespace('wh-events');

  it("streams only the object's events, live, selected by involvedObject.uid", async () => {
    const http = t.core.connection(ADMIN).http;
    const mine = await http.request('POST', `/api/v1/namespaces/${t.ns}/configmaps`, { body: { metadata: { name: 'mine' } } });
    const other = await http.request('POST', `/api/v1/namespaces/${t.ns}/configmaps`, { body: { metadata: { name: 'other' } } });
    const event = (name: string, cm: any, reason: string) => http.request('POST', `/api/v1/namespaces/${t.ns}/events`, { body: {
      metadata: { name }, type: 'Normal', reason, message: `${reason} happened`, count: 1,
      involvedObject: { kind: 'ConfigMap', apiVersion: 'v1', namespace: t.ns, name: cm.metadata.name, uid: cm.metadata.uid },
      firstTimestamp: new Date().toISOString(), lastTimestamp: new Date().toISOString(), source: { component: 'wheelhouse-test' },
    } });
    await event('before', mine, 'Before');
    await event('noise', other, 'Noise');

    const list = new LiveList<KubeEventRow>();
    let state: LiveListState<KubeEventRow> = list.state;
    const stop = subscribeEventsForObject(t.core.hub, { context: ADMIN, namespace: t.ns, uid: mine.metadata.uid }, (e) => { state = list.apply(e); });
    try {
      await eventually(() => state.synced && state.items.size === 1, 20_000, 'snapshot with the one existing event');
      expect([...state.items.values()][0]).toMatchObject({ reason: 'Before', message: 'Before happened', source: 'wheelhouse-test', involvedObject: { name: 'mine', kind: 'ConfigMap' } });

      await event('after', mine, 'After');
      await event('noise-2', other, 'Noise');
      await eventually(() => [...state.items.values()].some((r) => r.reason === 'After'), 20_000, 'the new event to arrive live');
      await new Promise((r) => setTimeout(r, 500));
      expect([...state.items.values()].map((r) => r.reason).sort()).toEqual(['After', 'Before']);
      expect(state.freshness?.state).toBe('live');
    } finally {
      stop();
    }
  });
});
