// Every kind the API serves is reachable from the sidebar (Chromium, serve mode, the real test
// cluster): "All kinds…" lists what `kubectl api-resources` lists, and PodDisruptionBudgets, Leases and
// ResourceQuotas open their tables without typing a URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { pickNamespace, screenshots } from './support/navigate';
import { kubectl } from '../test-cluster/kubectl.mjs';

const ADMIN = 'wheelhouse-admin';
const k = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN });

describe('the kinds browser (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    serve = await startStreamsServe();
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    cleanRendererBuild();
  });

  it('lists the kinds kubectl api-resources lists, and opens non-sidebar kinds from there', async () => {
    await pickNamespace(page, 'kube-system');
    await page.click('[data-testid="nav-all-kinds"]');
    await page.waitForSelector('[data-testid="kinds-row"]');
    const want = (await k(['api-resources', '--no-headers', '-o', 'name'])).trim().split('\n').length;
    expect(await page.$$eval('[data-testid="kinds-row"]', (r) => r.length)).toBe(want);
    await screenshots(page, 'kinds-1-all-kinds');

    for (const [filter, key, kubectlName] of [['pdb', 'policy/poddisruptionbudgets', 'pdb'], ['lease', 'coordination.k8s.io/leases', 'leases'], ['quota', '/resourcequotas', 'resourcequotas']] as const) {
      await page.click('[data-testid="nav-all-kinds"]');
      await page.fill('[data-testid="kinds-filter"]', filter);
      await page.click(`[data-testid="kinds-link-${key}"]`);
      await page.waitForSelector('[data-testid="resource-table"]');
      const names = (await k(['get', kubectlName, '-n', 'kube-system', '--no-headers', '-o', 'custom-columns=N:.metadata.name']).catch(() => '')).trim();
      if (names) await page.waitForSelector(`[data-testid="resource-table"] [role="row"][data-name="${names.split('\n')[0]}"]`, { timeout: 30_000 });
      else await page.waitForSelector('[data-testid="table-empty"]', { timeout: 30_000 });
    }
    expect(page.errors).toEqual([]);
  });

  it('the api-resources table fits 1280×720 without scrolling sideways, every cell whole or in its title', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.click('[data-testid="nav-all-kinds"]');
    await page.click('[data-testid="kinds-api-resources"]');
    await page.waitForSelector('[data-testid="api-resources-row"]');
    const scroll = '[data-testid="api-resources"]';
    await screenshots(page, 'kinds-2-api-resources');
    for (const [w, h] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width: w, height: h });
      const { scrollWidth, clientWidth } = await page.$eval(scroll, (e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
      expect(scrollWidth, `at ${w}×${h}`).toBeLessThanOrEqual(clientWidth);
    }
    // At 1280×720 every cell is whole on the page: wrapped, or cut with the whole text in its title.
    const cut = await page.$$eval('[data-testid="api-resources-row"] .kb-cut', (els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => ({ text: e.textContent, title: e.getAttribute('title') })));
    for (const c of cut) expect(c.title).toBe(c.text);
    const overflowing = await page.$$eval('[data-testid="api-resources-row"] td', (tds) => tds.filter((td) => td.scrollWidth > td.clientWidth).map((td) => td.textContent));
    expect(overflowing).toEqual([]);
    // CATEGORIES as kubectl prints it (pods are in "all"; the Gateway API CRDs in "gateway-api").
    const categories = await page.$$eval('[data-testid="api-resources-row"]', (rs) => rs.map((r) => [r.getAttribute('data-name'), r.querySelector('td:last-child')?.textContent]));
    const wide = (await k(['api-resources', '--no-headers', '-o', 'wide'])).trim().split('\n').map((l) => l.trim().split(/\s+/));
    expect(categories).toHaveLength(wide.length);
    expect(categories.find(([n]) => n === 'pods')?.[1]).toBe(wide.find((f) => f[0] === 'pods')?.at(-1));
    expect(categories.find(([n]) => n === 'pods')?.[1]).toBe('all');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
