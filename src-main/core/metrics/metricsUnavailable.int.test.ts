// The "metrics unavailable" reasons that need the metrics pipeline broken: metrics-server stopped (its
// APIService turns not Available) and the APIService deleted. On a private cluster this test starts
// and stops itself: the shared default cluster must keep its metrics for everyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../core';
import { eventually, tempDir } from '../../testing/testCluster';
import { freePortBlock } from '../../testing/freePortBlock';
import { recordingSink } from '../../testing/streamTesting';
import { DEFAULT_METRICS_SETTINGS, metricsHandlers } from './metricsHandlers';
import { startCluster, type ClusterHandle } from '../../../test-cluster/cluster-lib.mjs';
import { metricsApiObjects, metricsServerBuilt } from '../../../test-cluster/metrics-server.mjs';
import type { PodMetricsEvent } from '../../../shared/contract/metrics';

describe('metrics unavailable: why, precisely (private cluster with metrics-server)', () => {
  let cluster: ClusterHandle;
  let core: Core;
  let context: string;

  beforeAll(async () => {
    // The test bed builds metrics-server; if that failed this test must fail, not skip.
    expect(metricsServerBuilt(), 'metrics-server is not built: run test-cluster/build-metrics-server.sh and read its error').toBe(true);
    cluster = await startCluster({ name: 'wh-metrics-down', basePort: await freePortBlock(), seed: false, log: () => {} });
    context = cluster.contexts.admin;
    core = new Core({ dataDir: tempDir(), kubeconfigFiles: [cluster.kubeconfigPath], watchKubeconfig: false, lingerMs: 50 });
  }, 300_000);
  afterAll(async () => {
    await core?.dispose();
    await cluster?.stop({ purge: true });
  }, 120_000);

  const firstEventAfter = async (at: number) => {
    const h = metricsHandlers(core, { ...DEFAULT_METRICS_SETTINGS, intervalMs: 1000, lingerMs: 10 });
    const sink = recordingSink<PodMetricsEvent>();
    const end = h.topics['metrics.pods']!({ context, namespace: 'default' }, sink as any) as () => void;
    try {
      return await eventually(() => sink.events.find((e) => Date.parse(e.at) >= at), 20_000, 'a metrics event');
    } finally { end(); }
  };

  it('answers while metrics-server runs', async () => {
    await eventually(async () => (await cluster.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'jsonpath={.status.conditions[?(@.type=="Available")].status}'])) === 'True', 60_000, 'APIService Available');
    expect(await firstEventAfter(Date.now())).toMatchObject({ type: 'pods' });
  }, 90_000);

  it('metrics-server stopped: the APIService is not Available, with its own condition message', async () => {
    await cluster.stopMetricsServer();
    const condition = await eventually(async () => {
      const c = JSON.parse(await cluster.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'json'])).status.conditions.find((x: any) => x.type === 'Available');
      return c.status === 'False' ? c : undefined;
    }, 90_000, 'APIService Available=False');
    await expect(cluster.kubectl(['top', 'pod', '-n', 'default'])).rejects.toThrow(/Metrics API not available|ServiceUnavailable|unavailable/i);
    const ev = await eventually(async () => {
      const e = await firstEventAfter(Date.now());
      return e.type === 'unavailable' && e.unavailable.reason === 'api-unavailable' ? e : undefined;
    }, 60_000, 'api-unavailable');
    // The message is the APIService's condition as kubectl shows it (the reason, then its message).
    const now = JSON.parse(await cluster.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'json'])).status.conditions.find((x: any) => x.type === 'Available');
    expect([condition.reason, now.reason]).toContain(ev.unavailable.message.match(/not Available: (\w+)/)?.[1]);
    expect(ev.unavailable.message).toMatch(/^APIService v1beta1\.metrics\.k8s\.io is not Available: \w+: .+/);
  }, 180_000);

  it('APIService deleted: there is no metrics API', async () => {
    await cluster.kubectl(['delete', 'apiservice', 'v1beta1.metrics.k8s.io']);
    await expect(cluster.kubectl(['top', 'node'])).rejects.toThrow(/Metrics API not available/);
    const ev = await eventually(async () => {
      const e = await firstEventAfter(Date.now());
      return e.type === 'unavailable' && e.unavailable.reason === 'api-absent' ? e : undefined;
    }, 60_000, 'api-absent');
    expect(ev.unavailable.message).toMatch(/no APIService v1beta1\.metrics\.k8s\.io/);
  }, 120_000);

  it('comes back when the APIService and metrics-server are back', async () => {
    const svc = JSON.parse(await cluster.kubectl(['get', 'service', '-n', 'kube-system', 'metrics-server', '-o', 'json']));
    // The port is this cluster's (basePort+7): read it from the Service left in place.
    await cluster.kubectl(['apply', '-f', '-'], { input: JSON.stringify(metricsApiObjects(svc.spec.ports[0].port)[1]) });
    await cluster.startMetricsServer();
    await eventually(async () => (await cluster.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'jsonpath={.status.conditions[?(@.type=="Available")].status}'])) === 'True', 90_000, 'APIService Available again');
    const ev = await eventually(async () => {
      const e = await firstEventAfter(Date.now());
      return e.type === 'pods' ? e : undefined;
    }, 60_000, 'pods again');
    expect(ev.type).toBe('pods');
  }, 180_000);
});
