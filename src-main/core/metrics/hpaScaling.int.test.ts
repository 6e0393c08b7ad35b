// The demo's HPA really scales demo/load because of simulated load (KWOK's square-wave CPU, read by
// metrics-server, acted on by the controller-manager's HPA controller), and Wheelhouse's HPA view says
// what kubectl says: current and desired replicas, each metric's current value and target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, eventually, newCore } from '../../testing/testCluster';
import { kubectl } from '../../testing/twinTestKit';
import type { Core } from '../core';
import { hpaSummary } from '../../../shared/metrics/hpaStatus';

describe('HPA on simulated load (real cluster with metrics-server)', () => {
  let core: Core;
  beforeAll(() => { core = newCore(); });
  afterAll(async () => { await core?.dispose(); });

  it('scales demo/load up under load, and Wheelhouse shows the replicas and metric values kubectl does', async () => {
    const hpaJson = async () => JSON.parse(await kubectl(['get', 'hpa', '-n', 'demo', 'load', '-o', 'json']));
    // The load is high for the first half of every 4 minutes: a scale-up is at most ~3 minutes away.
    const up = await eventually(async () => {
      const h = await hpaJson();
      const util = h.status.currentMetrics?.[0]?.resource?.current?.averageUtilization ?? 0;
      return h.status.currentReplicas > 1 && util > 50 ? h : undefined;
    }, 300_000, 'demo/load above 1 replica while its CPU is above target');
    expect(up.status.currentMetrics[0].resource.current.averageUtilization).toBeGreaterThan(50);
    // The HPA controller's own account of why it scaled: the simulated CPU above target.
    const events = JSON.parse(await kubectl(['get', 'events', '-n', 'demo', '--field-selector', 'involvedObject.kind=HorizontalPodAutoscaler,involvedObject.name=load,reason=SuccessfulRescale', '-o', 'json'])).items;
    expect(events.some((e: any) => /cpu resource utilization \(percentage of request\) above target/.test(e.message))).toBe(true);
    const dep = JSON.parse(await kubectl(['get', 'deployment', '-n', 'demo', 'load', '-o', 'json']));
    expect(dep.spec.replicas).toBeGreaterThan(1);

    // Wheelhouse's view and kubectl's read of the same resourceVersion.
    const pair = await eventually(async () => {
      const ours = await core.connection(ADMIN).http.request<any>('GET', '/apis/autoscaling/v2/namespaces/demo/horizontalpodautoscalers/load');
      const theirs = await hpaJson();
      return ours.metadata.resourceVersion === theirs.metadata.resourceVersion ? { ours, theirs } : undefined;
    }, 30_000, 'the same resourceVersion on both sides');
    const view = hpaSummary(pair.ours);
    const st = pair.theirs.status;
    expect(view.currentReplicas).toBe(st.currentReplicas);
    expect(view.desiredReplicas).toBe(st.desiredReplicas);
    const cur = st.currentMetrics[0].resource.current;
    const milli = (q: string) => (q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000);
    expect(view.metrics[0]).toEqual({ name: 'resource cpu', target: '50% of request', current: `${cur.averageUtilization}% (${milli(cur.averageValue)}m per pod)` });
    expect(view.conditions.map((c) => `${c.type}=${c.status}`)).toEqual(st.conditions.map((c: any) => `${c.type}=${c.status}`));
  }, 330_000);
});
