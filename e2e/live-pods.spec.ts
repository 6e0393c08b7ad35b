import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { kubectl } from '../test-cluster/kubectl.mjs';

const CONTEXT = 'wheelhouse-admin';

/** The names of the rows the pods table shows right now. */
const rowNames = (page: import('playwright-core').Page) =>
  page.$$eval('[data-testid="resource-table"] [role="row"][data-name]', (rows) => rows.map((r) => r.getAttribute('data-name')!));

describe('live pods: the page follows the cluster without reloading', () => {
  let serve: ServeFixture;
  let browser: Browser;
  beforeAll(async () => { serve = await startServe(); browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); await serve?.close(); });

  it('lists the seeded pods, then shows a deleted pod vanish and its replacement appear', async () => {
    const page = await openApp(browser, serve);
    // Pick the test context from the context picker, as a user would.
    await page.waitForSelector('[data-testid="context-picker"]');
    await page.selectOption('[data-testid="context-picker"]', CONTEXT);
    await page.evaluate((ctx) => { window.location.hash = `#/c/${ctx}/r/_/v1/pods?ns=demo`; }, CONTEXT);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="resource-table"] [data-name^="web-"]').length >= 3, null, { timeout: 30_000 });

    const kc = { kubeconfig: testKubeconfig(), context: CONTEXT };
    const expected = JSON.parse(await kubectl(['get', 'pods', '-n', 'demo', '-o', 'json'], kc)).items.map((p: any) => p.metadata.name).sort();
    expect((await rowNames(page)).sort()).toEqual(expected);

    const victim = expected.find((n: string) => n.startsWith('web-'))!;
    await page.screenshot({ path: 'test-results/live-pods-before.png' });
    const reloads: string[] = [];
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) reloads.push(f.url()); });

    await kubectl(['delete', 'pod', victim, '-n', 'demo', '--wait=false'], kc);
    // Gone from the table (a terminating pod is still listed by the API until KWOK finishes it).
    await page.waitForFunction((name) => !document.querySelector(`[data-testid="resource-table"] [data-name="${name}"]`), victim, { timeout: 60_000 });
    // The ReplicaSet's replacement appears, and the table again equals kubectl's list.
    await page.waitForFunction((before) => {
      const names = [...document.querySelectorAll('[data-testid="resource-table"] [data-name^="web-"]')].map((r) => r.getAttribute('data-name'));
      return names.length >= 3 && names.some((n) => !before.includes(n!));
    }, expected, { timeout: 60_000 });
    const after = JSON.parse(await kubectl(['get', 'pods', '-n', 'demo', '-o', 'json'], kc)).items
      .filter((p: any) => !p.metadata.deletionTimestamp).map((p: any) => p.metadata.name).sort();
    await page.waitForFunction((want) => {
      const names = [...document.querySelectorAll('[data-testid="resource-table"] [role="row"][data-name]')].map((r) => r.getAttribute('data-name')).sort();
      return JSON.stringify(names) === JSON.stringify(want);
    }, after, { timeout: 30_000 });
    expect(after).not.toContain(victim);
    expect(reloads.filter((u) => !u.includes('#'))).toEqual([]);
    expect(await page.getAttribute('[data-testid="freshness"]', 'data-state')).toBe('live');
    await page.screenshot({ path: 'test-results/live-pods-after.png' });
    expect(page.errors).toEqual([]);
  });
});
