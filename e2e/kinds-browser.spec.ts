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
});
