import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { goTo as go } from './support/navigate';

const ADMIN = 'wheelhouse-admin';
const LIMITED = 'wheelhouse-limited';

const TABLE = '[data-testid="resource-table"]';
// The server's columns: Pods and Nodes also get CPU and Memory from the metrics API (e2e/metrics.spec.ts checks those).
const USAGE_COLUMNS = ['CPU', 'Memory'];
const headers = (page: Page) => page.$$eval(`${TABLE} [role="columnheader"] .rt-h-label`, (hs) => hs.map((h) => (h.textContent ?? '').trim()))
  .then((hs) => hs.filter((h) => !USAGE_COLUMNS.includes(h)));
const rowNames = (page: Page) => page.$$eval(`${TABLE} [role="row"][data-name]`, (rs) => rs.map((r) => r.getAttribute('data-name')!));
/** The text of every cell of a row, in column order. */
// The app's own columns are left out where the table is compared with kubectl: Health, and CPU/Memory.
const rowCells = (page: Page, name: string) => page.$$eval(`${TABLE} [role="row"][data-name="${name}"] [role="gridcell"]:not(.rt-health)`,
  (cs) => cs.filter((c) => !c.querySelector('[data-testid="usage-cell"]')).map((c) => (c.textContent ?? '').trim()));

/** kubectl's header line, split into column names (they are separated by two or more spaces). */
const kubectlHeader = (out: string) => out.split('\n')[0].trim().split(/\s{2,}/);

async function openTable(page: Page, context: string, path: string): Promise<void> {
  await go(page, `#/c/${context}/r/${path}`);
  await page.waitForSelector(`${TABLE} [role="columnheader"]`, { timeout: 30_000 });
}

describe('resource tables print what kubectl prints', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };
  const kc = () => ({ kubeconfig: testKubeconfig(), context: ADMIN });

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    serve = await startServe();
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1500, height: 950 });
  });
  afterAll(async () => { await browser?.close(); await serve?.close(); });

  it('pods in demo, Wide on: the columns are `kubectl get pods -o wide`\'s and the rows are kubectl\'s pods', async () => {
    await openTable(page, ADMIN, '_/v1/pods?ns=demo');
    await page.waitForSelector(`${TABLE} [role="row"][data-name]`, { timeout: 30_000 });
    const narrow = await headers(page);
    await page.check('[data-testid="wide-toggle"]');
    const wide = kubectlHeader(await kubectl(['get', 'pods', '-n', 'demo', '-o', 'wide'], kc()));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="resource-table"] [role="columnheader"]:not(.rt-health-h)').length === n, wide.length + USAGE_COLUMNS.length);
    expect((await headers(page)).map((h) => h.toUpperCase())).toEqual(wide);
    expect(narrow.map((h) => h.toUpperCase())).toEqual(kubectlHeader(await kubectl(['get', 'pods', '-n', 'demo'], kc())));

    // Rows: the same pods as kubectl (retrying briefly: demo has pods that crash and restart).
    let want: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      want = (await kubectl(['get', 'pods', '-n', 'demo', '--no-headers', '-o', 'custom-columns=NAME:.metadata.name'], kc())).trim().split('\n').sort();
      if (JSON.stringify((await rowNames(page)).sort()) === JSON.stringify(want)) break;
      await page.waitForTimeout(500);
    }
    expect((await rowNames(page)).sort()).toEqual(want);
    expect(want.length).toBeGreaterThan(3);

    // One row cell by cell against kubectl -o wide (Age is live on our side, so compare the rest).
    const line = (await kubectl(['get', 'pods', '-n', 'demo', '-o', 'wide', '--no-headers', want[0]], kc())).trim().split(/\s{2,}/);
    const cells = await rowCells(page, want[0]);
    const age = wide.indexOf('AGE');
    const restarts = wide.indexOf('RESTARTS');
    expect(cells.filter((_, i) => i !== age && i !== restarts)).toEqual(line.filter((_, i) => i !== age && i !== restarts));
    await page.screenshot({ path: 'test-results/tables-pods-wide.png' });
    expect(page.errors).toEqual([]);
  });

  it('sorts by a column and back, keeps the order stable, and moves with the keyboard', async () => {
    await openTable(page, ADMIN, '_/v1/pods?ns=demo');
    await page.waitForSelector(`${TABLE} [role="row"][data-name]`);
    const byName = await page.$$eval(`${TABLE} [role="row"][data-name]`, (rs) => rs
      .sort((a, b) => new DOMMatrix(getComputedStyle(a).transform).m42 - new DOMMatrix(getComputedStyle(b).transform).m42)
      .map((r) => r.getAttribute('data-name')!));
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    await page.click(`${TABLE} [role="columnheader"]:first-child`);
    expect(await page.getAttribute(`${TABLE} [role="columnheader"]:first-child`, 'aria-sort')).toBe('descending');
    await page.click(`${TABLE} [role="columnheader"]:first-child`);
    expect(await page.getAttribute(`${TABLE} [role="columnheader"]:first-child`, 'aria-sort')).toBe('ascending');

    // Keyboard: focus the grid, down twice, Enter opens the second row's details.
    await page.focus(TABLE);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="details"] [data-testid="dp-title"]');
    const sorted = [...byName].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    expect(await page.textContent('[data-testid="dp-title"]')).toBe(sorted[1]);
    expect(await page.getAttribute(`${TABLE} [role="row"][data-name="${sorted[1]}"]`, 'aria-selected')).toBe('true');
    await page.waitForSelector('[data-testid="dp-containers"]');
    await page.screenshot({ path: 'test-results/tables-pod-details.png' });
    await page.keyboard.press('Escape');
  });

  it('Widgets (a CRD) under Custom resources: the CRD\'s printer columns and its objects', async () => {
    await go(page, `#/c/${ADMIN}/overview?ns=demo`);
    const link = page.locator('nav[aria-label="Kinds"] a', { hasText: 'Widgets' });
    await link.waitFor({ timeout: 30_000 });
    expect(await page.textContent('nav[aria-label="Kinds"]')).toContain('demo.wheelhouse.dev');
    await link.click();
    await page.waitForSelector(`${TABLE} [role="row"][data-name="alpha"]`, { timeout: 30_000 });
    const kubectlCols = kubectlHeader(await kubectl(['get', 'widgets.demo.wheelhouse.dev', '-n', 'demo'], kc()));
    expect(kubectlCols).toEqual(['NAME', 'SIZE', 'COLOUR', 'AGE']);
    expect((await headers(page)).map((h) => h.toUpperCase())).toEqual(kubectlCols);
    expect((await rowNames(page)).sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect((await rowCells(page, 'gamma')).slice(0, 3)).toEqual(['gamma', 'large', 'blue']);
    await page.screenshot({ path: 'test-results/tables-widgets.png' });
    expect(page.errors).toEqual([]);
  });

  it('a CRD created while the app is open appears under Custom resources, lists its objects, and goes when deleted', async () => {
    const group = `e2e-${Date.now().toString(36)}.tables.wheelhouse.dev`;
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `gizmos.${group}` },
      spec: {
        group, scope: 'Cluster', names: { kind: 'Gizmo', plural: 'gizmos', singular: 'gizmo', listKind: 'GizmoList' },
        versions: [{
          name: 'v1', served: true, storage: true,
          additionalPrinterColumns: [{ name: 'Colour', type: 'string', jsonPath: '.spec.colour' }],
          schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { colour: { type: 'string' } } } } } },
        }],
      },
    };
    await go(page, `#/c/${ADMIN}/r/_/v1/pods?ns=demo`);
    await page.waitForSelector('nav[aria-label="Kinds"] a:has-text("Widgets")', { timeout: 30_000 });
    try {
      await kubectl(['apply', '-f', '-'], { ...kc(), input: JSON.stringify(crd) });
      await kubectl(['wait', '--for=condition=Established', '--timeout=60s', `crd/gizmos.${group}`], kc());
      await kubectl(['apply', '-f', '-'], { ...kc(), input: JSON.stringify({ apiVersion: `${group}/v1`, kind: 'Gizmo', metadata: { name: 'sprocket' }, spec: { colour: 'teal' } }) });
      const link = page.locator(`[data-testid="nav-${group}/gizmos"]`);
      await link.waitFor({ timeout: 30_000 });
      expect(await page.textContent('nav[aria-label="Kinds"]')).toContain(group);
      await link.click();
      await page.waitForSelector(`${TABLE} [role="row"][data-name="sprocket"]`, { timeout: 30_000 });
      expect((await headers(page)).map((h) => h.toUpperCase())).toEqual(kubectlHeader(await kubectl(['get', `gizmos.${group}`], kc())));
      expect(await rowCells(page, 'sprocket')).toContain('teal');
      // Cluster-scoped: the namespace picker does not filter it, and the toolbar says so.
      expect(await page.textContent('.table-view .toolbar')).toContain('cluster-scoped');
      await page.screenshot({ path: 'test-results/tables-crd-live.png' });
    } finally {
      await kubectl(['delete', 'crd', `gizmos.${group}`, '--wait=false'], kc()).catch(() => undefined);
    }
    await page.waitForSelector(`[data-testid="nav-${group}/gizmos"]`, { state: 'detached', timeout: 60_000 });
  });

  it('the owner chain of a pod links to its ReplicaSet and Deployment, and selecting one shows it', async () => {
    await go(page, `#/c/${ADMIN}/r/_/v1/pods?ns=demo`);
    await page.click(`${TABLE} [role="row"][data-name^="web-"]`, { timeout: 30_000 });
    await page.click('[data-testid="dp-tab-overview"]');
    const owners = page.locator('[data-testid="dp-owner-link"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="dp-owner-link"]').length >= 2, null, { timeout: 30_000 });
    const rsName = await owners.nth(0).textContent();
    expect(rsName).toMatch(/^web-[a-z0-9]+$/);
    expect(await owners.nth(1).textContent()).toBe('web');
    await owners.nth(1).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="dp-title"]')?.textContent === 'web');
    await page.waitForSelector('[data-testid="dp-replicas"]');
    const want = JSON.parse(await kubectl(['get', 'deployment', 'web', '-n', 'demo', '-o', 'json'], kc()));
    expect(await page.textContent('[data-testid="dp-replicas-desired"]')).toContain(String(want.spec.replicas));
    await page.screenshot({ path: 'test-results/tables-owner-deployment.png' });
  });

  it('a user who may not list nodes sees Nodes disabled with the reason, and a clear forbidden state if opened', async () => {
    await go(page, `#/c/${LIMITED}/r/_/v1/pods?ns=demo`);
    const nodes = page.locator('[data-testid="nav-/nodes"]');
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="nav-/nodes"]');
      return el?.getAttribute('aria-disabled') === 'true' && /You may not list Nodes/.test(el.getAttribute('title') ?? '');
    }, null, { timeout: 30_000 });
    expect(await nodes.getAttribute('href')).toBeNull();
    await page.screenshot({ path: 'test-results/tables-limited-sidebar.png' });
    // Pods in demo are allowed: a link, and the table lists them.
    expect(await page.getAttribute('[data-testid="nav-/pods"]', 'href')).toContain('/pods');
    await page.waitForSelector(`${TABLE} [role="row"][data-name]`, { timeout: 30_000 });
    // Opening a forbidden kind by address: a readable forbidden state, not an endless "Loading".
    await go(page, `#/c/${LIMITED}/r/_/v1/nodes`);
    await page.waitForSelector('[data-testid="table-forbidden"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="table-forbidden"]')).toMatch(/You may not list nodes/);
    await page.screenshot({ path: 'test-results/tables-forbidden.png' });
  });
});
