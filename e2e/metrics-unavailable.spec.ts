// What the app says when the metrics pipeline is broken, on a private cluster this spec starts and stops
// (the shared default cluster keeps its metrics for everyone else): metrics-server stopped (APIService
// not Available, with its condition), and the APIService deleted (no metrics API). And a pod too new to
// have samples. Screenshots of each state.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, type ServeFixture } from './support/browser';
import { eventually } from './support/polling';
import { freePortBlock } from '../src-main/testing/freePortBlock';
import { startCluster, type ClusterHandle } from '../test-cluster/cluster-lib.mjs';
import { metricsServerBuilt } from '../test-cluster/metrics-server.mjs';
import { goTo } from './support/navigate';

const TABLE = '[data-testid="resource-table"]';

describe('metrics unavailable, in the UI (private cluster)', () => {
  let cluster: ClusterHandle;
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    expect(metricsServerBuilt(), 'metrics-server is not built: run test-cluster/build-metrics-server.sh and read its error').toBe(true);
    process.env.WHEELHOUSE_METRICS_INTERVAL_MS = '2000';
    cluster = await startCluster({ name: 'wh-e2e-metrics-down', basePort: await freePortBlock(), seed: false, log: () => {} });
    serve = await startServe({ kubeconfig: cluster.kubeconfigPath });
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    await cluster?.stop({ purge: true });
  }, 120_000);

  const openNodes = async () => {
    await goTo(page, `#/c/${cluster.contexts.admin}/r/_/v1/nodes`);
    await page.waitForSelector(`${TABLE} [role="row"][data-name]`, { timeout: 30_000 });
  };

  it('a pod without samples yet says so in its details', async () => {
    await cluster.kubectl(['run', 'fresh', '-n', 'default', '--image=busybox:1.36']);
    await goTo(page, `#/c/${cluster.contexts.admin}/r/_/v1/pods?ns=default`);
    await page.click(`${TABLE} [role="row"][data-name="fresh"]`, { timeout: 30_000 });
    const note = await page.waitForSelector('[data-testid="usage-unavailable"][data-reason="no-samples"]', { timeout: 30_000 });
    expect(await note.textContent()).toMatch(/metrics-server has no sample for pod default\/fresh yet/);
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/metrics-unavailable-no-samples.png' });
  }, 90_000);

  it('metrics-server stopped: the Nodes table says the APIService is not Available, with its condition', async () => {
    await openNodes();
    await page.waitForSelector(`${TABLE} [data-testid="usage-cell"]`);
    await cluster.stopMetricsServer();
    const reason = await eventually(async () => {
      const c = JSON.parse(await cluster.kubectl(['get', 'apiservice', 'v1beta1.metrics.k8s.io', '-o', 'json'])).status.conditions.find((x: { type: string }) => x.type === 'Available');
      if (c.status !== 'False') throw new Error('still Available');
      return c.reason as string;
    }, 90_000, 1000);
    // The first failed read may come before the APIService turned False (then it says the read failed);
    // the sampler's next round (15 s) reads the condition.
    const want = `APIService v1beta1.metrics.k8s.io is not Available: ${reason}`;
    await page.waitForFunction((w) => (document.querySelector('[data-testid="metrics-unavailable"]')?.textContent ?? '').includes(w), want, { timeout: 60_000 });
    expect([...new Set(await page.$$eval(`${TABLE} [data-testid="usage-cell"] .mu-text`, (c) => c.map((x) => x.textContent)))]).toEqual(['n/a']);
    await page.screenshot({ path: 'test-results/metrics-unavailable-apiservice-down.png' });
  }, 180_000);

  it('APIService deleted: the Nodes table says there is no metrics API', async () => {
    await cluster.kubectl(['delete', 'apiservice', 'v1beta1.metrics.k8s.io']);
    await page.waitForFunction(() => /no APIService v1beta1\.metrics\.k8s\.io/.test(document.querySelector('[data-testid="metrics-unavailable"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await page.screenshot({ path: 'test-results/metrics-unavailable-no-api.png' });
    expect(page.errors).toEqual([]);
  }, 90_000);
});
