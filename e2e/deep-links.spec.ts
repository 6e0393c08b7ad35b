// The URL names what is on screen (Chromium, serve mode, the real test cluster): the selected object
// and its details tab, and a table's text filter and label selector, survive a reload and open from a
// copied link in a fresh tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { openKind, openRow, pickNamespace } from './support/navigate';
import { kubectl } from '../test-cluster/kubectl.mjs';

const ADMIN = 'wheelhouse-admin';
const k = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN });

describe('deep links (real test cluster)', () => {
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

  it('details (object and tab) and the table filters come back from the URL', async () => {
    const pods = JSON.parse(await k(['get', 'pods', '-n', 'demo', '-l', 'app=web', '-o', 'json'])).items.map((p: any) => p.metadata.name).sort();
    await pickNamespace(page, 'demo');
    await openKind(page, '/pods');
    await page.fill('input[aria-label="Label selector"]', 'app=web');
    await page.fill('input[aria-label="Filter rows"]', pods[0].slice(0, -2));
    await openRow(page, pods[0]);
    await page.click('[data-testid="dp-tab-yaml"]');
    await page.waitForFunction(() => window.location.hash.includes('tab=yaml'));
    const link = await page.evaluate(() => window.location.hash);
    expect(link).toContain(`obj=%2Fv1%2Fpods%2Fdemo%2F${pods[0]}`);
    expect(new URLSearchParams(link.split('?')[1]).get('l')).toBe('app=web');

    // A fresh tab on the copied link.
    const other = await openApp(browser, serve);
    await other.waitForSelector('[data-testid="context-picker"]');
    await other.evaluate((h) => { window.location.hash = h; }, link);
    await other.waitForSelector(`[data-testid="details"] [data-testid="dp-title"]:text-is("${pods[0]}")`, { timeout: 30_000 });
    expect(await other.getAttribute('[data-testid="dp-tab-yaml"]', 'aria-selected')).toBe('true');
    expect(await other.inputValue('input[aria-label="Label selector"]')).toBe('app=web');
    expect(await other.inputValue('input[aria-label="Filter rows"]')).toBe(pods[0].slice(0, -2));
    await other.waitForSelector(`[data-testid="resource-table"] [role="row"][data-name="${pods[0]}"]`);
    // Closing the details takes them out of the URL.
    await other.click('[data-testid="details"] .dp-close');
    await other.waitForFunction(() => !window.location.hash.includes('obj='));
    expect(other.errors).toEqual([]);
    await other.context().close();
    expect(page.errors).toEqual([]);
  });
});
