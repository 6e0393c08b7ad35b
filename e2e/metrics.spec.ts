// Metrics in Chromium against the real test cluster (metrics-server scraping KWOK's simulated usage):
// the Pods table's CPU and Memory equal `kubectl top pod` from the same window; a pod's usage chart
// appears in its details and grows; an HPA-driven scale-up shows in the topology without a click; the
// HPA details say what kubectl says; a user without access is told why.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { goTo as go } from './support/navigate';

const ADMIN = 'wheelhouse-admin';
const LIMITED = 'wheelhouse-limited';
const TABLE = '[data-testid="resource-table"]';
const kc = (context = ADMIN) => ({ kubeconfig: testKubeconfig(), context });
const ns = `wh-e2e-metrics-${Math.random().toString(36).slice(2, 7)}`;

async function shots(page: Page, name: string, focus?: string): Promise<void> {
  for (const [w, h] of [[1440, 900], [1280, 720]]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: w, height: h });
      if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
      await page.waitForTimeout(150);
      await page.screenshot({ path: `test-results/metrics-${name}-${w}x${h}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Every row's CPU and Memory cells: [name, cpu, memory, window end]. */
const usageRows = (page: Page) => page.$$eval(`${TABLE} [role="row"][data-name]`, (rs) => rs.map((r) => {
  const cells = [...r.querySelectorAll('[data-testid="usage-cell"]')];
  const title = cells[0]?.getAttribute('title') ?? '';
  return [r.getAttribute('data-name')!, ...cells.map((c) => (c.querySelector('.mu-text')?.textContent ?? '').trim()), /window ending (\S+)\)/.exec(title)?.[1] ?? ''];
}));

describe('metrics in the UI (Chromium, serve mode)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    process.env.WHEELHOUSE_METRICS_INTERVAL_MS = '3000';
    await kubectl(['create', 'namespace', ns], kc());
    const deploy = (name: string, replicas: number, cpu: string, mem: string) => ({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns },
      spec: {
        replicas, selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name }, annotations: { 'kwok.x-k8s.io/usage-cpu': cpu, 'kwok.x-k8s.io/usage-memory': mem } },
          spec: { containers: [{ name, image: 'busybox:1.36', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '400m', memory: '128Mi' } } }] },
        },
      },
    });
    // `hot` runs at twice its request from the start: its HPA (target 50 %) scales it up on its own.
    const hpa = {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'hot', namespace: ns },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'hot' }, minReplicas: 1, maxReplicas: 3,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
    };
    await eventually(() => kubectl(['get', '-n', ns, 'serviceaccount', 'default'], kc()), 30_000);
    await kubectl(['apply', '-f', '-'], { ...kc(), input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [deploy('steady', 2, '70m', '90Mi'), deploy('hot', 1, '200m', '30Mi')] }) });
    serve = await startServe();
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(() => localStorage.setItem('wheelhouse.testHooks', '1'));
    // The topology is open before the HPA exists and before any scaling: what follows must arrive live.
    await go(page, `#/c/${ADMIN}/overview?ns=${ns}`);
    await page.waitForSelector('[data-testid="topology-node"][data-name="hot"]', { timeout: 60_000 });
    await kubectl(['apply', '-f', '-'], { ...kc(), input: JSON.stringify(hpa) });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    await kubectl(['delete', 'namespace', ns, '--wait=false'], kc()).catch(() => undefined);
  });

  it('an HPA-driven scale-up shows in the topology without a click', async () => {
    const shownDesired = async () => {
      const nodes = JSON.parse((await page.textContent('[data-testid="topology-nodes"]')) ?? '[]') as { kind?: string; name?: string; replicas?: { desired: number } }[];
      return nodes.find((n) => n.kind === 'Deployment' && n.name === 'hot')?.replicas?.desired;
    };
    expect(await shownDesired()).toBe(1);
    const scaled = await eventually(async () => {
      const d = JSON.parse(await kubectl(['get', 'deployment', '-n', ns, 'hot', '-o', 'json'], kc()));
      if (!(d.spec.replicas > 1)) throw new Error(`hot still at ${d.spec.replicas} replicas`);
      return d.spec.replicas as number;
    }, 150_000, 2000);
    await eventually(async () => expect(await shownDesired()).toBe(scaled), 30_000);
    await page.screenshot({ path: 'test-results/metrics-topology-scaled.png' });
    expect(page.errors).toEqual([]);
  }, 200_000);

  it('topology cards show CPU and memory when turned on: a pod its own, a Deployment the sum of its pods (kubectl top)', async () => {
    await go(page, `#/c/${ADMIN}/overview?ns=${ns}`);
    await page.waitForSelector('[data-testid="topology-node"][data-kind="Deployment"][data-name="steady"]', { timeout: 30_000 });
    expect(await page.$('[data-testid="card-usage"]')).toBeNull(); // off by default
    await page.check('[data-testid="topology-usage-toggle"]');
    const card = '[data-testid="topology-node"][data-kind="Deployment"][data-name="steady"] [data-testid="card-usage"]';
    await eventually(async () => {
      const top = (await kubectl(['top', 'pod', '-n', ns, '-l', 'app=steady', '--no-headers'], kc())).trim().split('\n').map((l) => l.trim().split(/\s+/));
      expect(top).toHaveLength(2);
      const milli = top.reduce((a, r) => a + Number(r[1].replace(/m$/, '')), 0);
      expect(Number(await page.getAttribute(card, 'data-milli'))).toBe(milli);
      expect(await page.getAttribute(card, 'title')).toContain('the sum of its 2 pods');
    }, 60_000, 1000);
    // Only pods and workloads: the HPA's card keeps its own lines.
    expect(await page.$('[data-testid="topology-node"][data-kind="HorizontalPodAutoscaler"] [data-testid="card-usage"]')).toBeNull();
    await shots(page, 'topology-usage');
    await page.uncheck('[data-testid="topology-usage-toggle"]');
    expect(await page.$('[data-testid="card-usage"]')).toBeNull();
  }, 120_000);

  it('the Pods table\'s CPU and Memory equal kubectl top pod from the same window, with bars', async () => {
    await go(page, `#/c/${ADMIN}/r/_/v1/pods?ns=${ns}`);
    await page.waitForSelector(`${TABLE} [role="row"][data-name]`, { timeout: 30_000 });
    const headers = await page.$$eval(`${TABLE} [role="columnheader"] .rt-h-label`, (hs) => hs.map((h) => (h.textContent ?? '').trim()));
    expect(headers.slice(-3)).toEqual(['CPU', 'Memory', 'Age']);
    const compared = await eventually(async () => {
      const raw = JSON.parse(await kubectl(['get', '--raw', `/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods`], kc())).items as { metadata: { name: string }; timestamp: string }[];
      const top = (await kubectl(['top', 'pod', '-n', ns, '--no-headers'], kc())).trim().split('\n').map((l) => l.trim().split(/\s+/));
      const ours = await usageRows(page);
      const window = new Map(raw.map((i) => [i.metadata.name, i.timestamp]));
      // Only a read of the same window compares; new pods (the HPA's) join after their first samples.
      if (ours.length !== top.length || ours.some(([name, , , end]) => window.get(name) !== end)) throw new Error(`not the same window yet: ${JSON.stringify({ ours, top })}`);
      return { ours, top };
    }, 90_000, 1000);
    expect(compared.ours.map(([name, cpu, mem]) => [name, cpu, mem]).sort()).toEqual(compared.top.sort());
    expect(compared.ours.find(([n]) => n.startsWith('steady-'))?.[2]).toBe('90Mi');
    expect(await page.$$eval(`${TABLE} .mu-bar`, (b) => b.length)).toBeGreaterThanOrEqual(compared.ours.length * 2);
    // Sortable: CPU descending puts a `hot` pod (200m) above the `steady` ones (70m).
    await page.click(`${TABLE} [role="columnheader"]:has-text("CPU")`);
    await page.click(`${TABLE} [role="columnheader"]:has-text("CPU")`);
    const order = await page.$$eval(`${TABLE} [role="row"][data-name]`, (rs) => rs
      .sort((a, b) => new DOMMatrix(getComputedStyle(a).transform).m42 - new DOMMatrix(getComputedStyle(b).transform).m42)
      .map((r) => r.getAttribute('data-name')!));
    expect(order[0]).toMatch(/^hot-/);
    expect(order.at(-1)).toMatch(/^steady-/);
    await shots(page, 'pods-table');
  }, 120_000);

  it('the Nodes table\'s CPU and Memory equal kubectl top node (with the % of allocatable)', async () => {
    await go(page, `#/c/${ADMIN}/r/_/v1/nodes`);
    await page.waitForSelector(`${TABLE} [role="row"][data-name] [data-testid="usage-cell"]`, { timeout: 30_000 });
    const compared = await eventually(async () => {
      const raw = JSON.parse(await kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes'], kc())).items as { metadata: { name: string }; timestamp: string }[];
      const top = (await kubectl(['top', 'node', '--no-headers'], kc())).trim().split('\n').map((l) => l.trim().split(/\s+/));
      const ours = await usageRows(page);
      const window = new Map(raw.map((i) => [i.metadata.name, i.timestamp]));
      if (ours.length !== top.length || ours.some(([name, , , end]) => window.get(name) !== end)) throw new Error(`not the same window yet: ${JSON.stringify({ ours, top })}`);
      return { ours, top };
    }, 60_000, 1000);
    // kubectl: NAME CPU CPU% MEMORY MEMORY%; ours: "CPU CPU%" and "MEMORY MEMORY%" in two cells.
    expect(compared.ours.map(([name, cpu, mem]) => [name, ...cpu.split(' '), ...mem.split(' ')]).sort()).toEqual(compared.top.sort());
    await shots(page, 'nodes-table');
  }, 90_000);

  it('a pod\'s details show a usage chart that grows', async () => {
    await go(page, `#/c/${ADMIN}/r/_/v1/pods?ns=${ns}`);
    await page.waitForSelector(`${TABLE} [role="row"][data-name]`, { timeout: 30_000 });
    const pod = (await kubectl(['get', 'pods', '-n', ns, '-l', 'app=steady', '-o', 'jsonpath={.items[0].metadata.name}'], kc())).trim();
    await page.click(`${TABLE} [role="row"][data-name="${pod}"]`);
    await page.waitForSelector('[data-testid="usage-section"] [data-testid="usage-chart"]', { timeout: 60_000 });
    const samples = () => page.getAttribute('[data-testid="usage-chart"][data-resource="cpu"]', 'data-samples').then(Number);
    const first = await samples();
    expect(first).toBeGreaterThanOrEqual(1);
    await eventually(async () => expect(await samples()).toBeGreaterThan(first), 60_000, 1000);
    const legend = await page.textContent('[data-testid="usage-chart"][data-resource="cpu"] .mu-legend');
    expect(legend).toContain('request 100m');
    expect(legend).toContain('limit 400m');
    await shots(page, 'pod-chart', '[data-testid="usage-section"]');
  }, 90_000);

  it('a Deployment\'s details chart the sum of its pods, equal to kubectl top pod -l', async () => {
    await go(page, `#/c/${ADMIN}/r/apps/v1/deployments?ns=${ns}`);
    await page.click(`${TABLE} [role="row"][data-name="steady"]`);
    await page.waitForSelector('[data-testid="workload-usage"] [data-testid="usage-chart"][data-resource="cpu"]', { timeout: 60_000 });
    const top = (await kubectl(['top', 'pod', '-n', ns, '-l', 'app=steady', '--no-headers'], kc())).trim().split('\n').map((l) => l.trim().split(/\s+/));
    const milli = top.reduce((a, r) => a + Number(r[1].replace(/m$/, '')), 0);
    expect(top).toHaveLength(2);
    // Whole millicores per container in the history: under kubectl's per-pod round-up by less than 1m a pod.
    await eventually(async () => {
      const shown = Number((await page.textContent('[data-testid="workload-usage"] [data-resource="cpu"] .mu-text'))?.replace(/m$/, ''));
      expect(milli - shown).toBeGreaterThanOrEqual(0);
      expect(milli - shown).toBeLessThanOrEqual(top.length);
    }, 60_000, 1000);
    await shots(page, 'workload-chart', '[data-testid="usage-section"]');
  }, 90_000);

  it('the Namespaces table totals each namespace\'s pods (the sum of kubectl top pod -n)', async () => {
    await go(page, `#/c/${ADMIN}/r/_/v1/namespaces`);
    const cpuCell = `${TABLE} [role="row"][data-name="${ns}"] [data-testid="usage-cell"]`;
    await page.waitForSelector(cpuCell, { timeout: 30_000 });
    // kubectl top and the table each read a window: compare when both have every pod of the namespace.
    await eventually(async () => {
      const top = (await kubectl(['top', 'pod', '-n', ns, '--no-headers'], kc())).trim().split('\n').map((l) => l.trim().split(/\s+/));
      const pods = (await kubectl(['get', 'pods', '-n', ns, '--no-headers'], kc())).trim().split('\n').length;
      expect(top.length).toBe(pods);
      const milli = top.reduce((a, r) => a + Number(r[1].replace(/m$/, '')), 0);
      const shown = Number((await page.textContent(cpuCell))?.replace(/m$/, ''));
      expect(milli - shown).toBeGreaterThanOrEqual(0);
      expect(milli - shown).toBeLessThan(top.length);
      expect(await page.getAttribute(cpuCell, 'title')).toContain(`the sum of its ${top.length} pods`);
    }, 90_000, 1000);
    await shots(page, 'namespace-totals');
  }, 150_000);

  it('the HPA details show kubectl\'s replicas and metric values, live', async () => {
    await go(page, `#/c/${ADMIN}/r/autoscaling/v2/horizontalpodautoscalers?ns=${ns}`);
    await page.click(`${TABLE} [role="row"][data-name="hot"]`, { timeout: 30_000 });
    await page.waitForSelector('[data-testid="hpa-section"]', { timeout: 30_000 });
    await eventually(async () => {
      const h = JSON.parse(await kubectl(['get', 'hpa', '-n', ns, 'hot', '-o', 'json'], kc()));
      expect(await page.textContent('[data-testid="hpa-current"]')).toBe(String(h.status.currentReplicas));
      expect(await page.textContent('[data-testid="hpa-desired"]')).toBe(String(h.status.desiredReplicas));
      expect(await page.textContent('[data-testid="hpa-metric-current"]')).toBe(`${h.status.currentMetrics[0].resource.current.averageUtilization}% (${h.status.currentMetrics[0].resource.current.averageValue} per pod)`);
    }, 60_000, 1000);
    expect(await page.textContent('[data-testid="hpa-conditions"]')).toContain('Reading its metrics and computing a replica count');
    await page.waitForSelector('[data-testid="hpa-events"]', { timeout: 30_000 });
    await shots(page, 'hpa', '[data-testid="hpa-section"]');
  }, 120_000);

  it('a user who may not read pod metrics is told so in the table, with n/a cells', async () => {
    await go(page, `#/c/${LIMITED}/r/_/v1/pods?ns=demo`);
    const note = await page.waitForSelector('[data-testid="metrics-unavailable"]', { timeout: 30_000 });
    expect(await note.textContent()).toMatch(/Not allowed to list pods\.metrics\.k8s\.io in namespace demo/);
    await page.waitForSelector(`${TABLE} [role="row"][data-name]`);
    const cells = await page.$$eval(`${TABLE} [data-testid="usage-cell"] .mu-text`, (c) => [...new Set(c.map((x) => x.textContent))]);
    expect(cells).toEqual(['n/a']);
    await shots(page, 'unavailable-forbidden');
    expect(page.errors).toEqual([]);
  }, 60_000);
});
