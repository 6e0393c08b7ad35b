import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Dialog, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, type ServeFixture } from './support/browser';
import { goTo as go } from './support/navigate';

const ADMIN = 'wheelhouse-admin';
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';

/** Nothing the cluster said became markup: no injected elements, and the page never ran alert(). */
async function expectNoInjection(page: Page, dialogs: Dialog[]): Promise<void> {
  expect(await page.$$('img[src="x"]')).toHaveLength(0);
  expect(await page.$$eval('img', (imgs) => imgs.filter((i) => i.getAttribute('onerror') !== null).length)).toBe(0);
  expect(await page.$$eval('svg[onload]', (s) => s.length)).toBe(0);
  // Only the bundle's own script tags exist.
  expect(await page.$$eval('script', (ss) => ss.filter((s) => !s.src).map((s) => s.textContent))).toEqual([]);
  expect(dialogs.map((d) => d.message())).toEqual([]);
}

describe('cluster data is text, never markup', () => {
  let serve: ServeFixture;
  let browser: Browser;
  beforeAll(async () => { mkdirSync('test-results', { recursive: true }); serve = await startServe(); browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); await serve?.close(); });

  it('the hostile ConfigMap: annotations and data shown literally in the table, Overview and YAML; no element injected, no dialog', async () => {
    const page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1500, height: 1000 });
    const dialogs: Dialog[] = [];
    page.on('dialog', (d) => { dialogs.push(d); void d.dismiss(); });

    await go(page, `#/c/${ADMIN}/r/_/v1/configmaps?ns=demo`);
    await page.waitForSelector('[data-testid="resource-table"] [role="row"][data-name="hostile"]', { timeout: 30_000 });
    await page.click('[data-testid="resource-table"] [role="row"][data-name="hostile"]');
    await page.waitForSelector('[data-testid="dp-annotations"]', { timeout: 30_000 });

    const annotations = await page.textContent('[data-testid="dp-annotations"]');
    expect(annotations).toContain(IMG);
    expect(annotations).toContain(SCRIPT);
    // The right-to-left override that makes "\u202Egnp.exe" read as "exe.png" is shown as what it is.
    expect(annotations).toContain('"><svg onload=alert(1)> & ⟦U+202E⟧gnp.exe');
    expect(annotations).not.toContain('\u202E');
    const data = await page.textContent('[data-testid="dp-configmap-data"]');
    expect(data).toContain(SCRIPT);
    expect(data).toContain(IMG);
    await page.locator('[data-testid="dp-annotations-section"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/hostile-overview.png' });
    await expectNoInjection(page, dialogs);

    await page.click('[data-testid="dp-tab-yaml"]');
    await page.waitForSelector('[data-testid="dp-yaml"]');
    const yaml = await page.textContent('[data-testid="dp-yaml"]');
    expect(yaml).toContain(`wheelhouse.dev/img: ${IMG}`);
    expect(yaml).toContain(SCRIPT);
    await page.screenshot({ path: 'test-results/hostile-yaml.png' });
    await expectNoInjection(page, dialogs);

    // Give any deferred handler (an onerror that would fire after a failed load) time to run.
    await page.waitForTimeout(500);
    expect(dialogs).toHaveLength(0);
    expect(page.errors).toEqual([]);
  });

  it("the hostile-logs pod's Logs tab in the details panel shows its <script> line as text", async () => {
    const page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1500, height: 1000 });
    const dialogs: Dialog[] = [];
    page.on('dialog', (d) => { dialogs.push(d); void d.dismiss(); });
    await go(page, `#/c/${ADMIN}/r/_/v1/pods?ns=demo`);
    await page.click('[data-testid="resource-table"] [role="row"][data-name^="hostile-logs-"]', { timeout: 30_000 });
    await page.click('[data-testid="dp-tab-logs"]');
    await page.waitForFunction((s) => (document.querySelector('[data-testid="details"] [data-testid="log-scroll"]')?.textContent ?? '').includes(s), SCRIPT, { timeout: 30_000 });
    await page.screenshot({ path: 'test-results/hostile-logs-tab.png' });
    await expectNoInjection(page, dialogs);
  });

  it('a Secret: values masked until one key is revealed, and only that key', async () => {
    const page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1500, height: 1000 });
    await go(page, `#/c/${ADMIN}/r/_/v1/secrets?ns=demo`);
    await page.click('[data-testid="resource-table"] [role="row"][data-name="app-secret"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="dp-secret-data"]');
    const before = await page.textContent('[data-testid="details"]');
    expect(before).not.toContain('s3cr3t');
    expect(before).not.toContain('not-a-real-token');
    await page.click('[data-testid="dp-secret-API_TOKEN"] [data-testid="dp-reveal"]');
    await page.waitForSelector('[data-testid="dp-secret-API_TOKEN"] [data-testid="dp-secret-value"]');
    expect(await page.textContent('[data-testid="dp-secret-API_TOKEN"] [data-testid="dp-secret-value"]')).toBe('not-a-real-token');
    expect(await page.textContent('[data-testid="details"]')).not.toContain('s3cr3t');
    await page.screenshot({ path: 'test-results/secret-reveal.png' });
    await page.click('[data-testid="dp-tab-yaml"]');
    await page.waitForSelector('[data-testid="dp-yaml"]');
    const yaml = await page.textContent('[data-testid="dp-yaml"]');
    expect(yaml).not.toContain('s3cr3t');
    expect(yaml).not.toContain(Buffer.from('not-a-real-token').toString('base64'));
  });
});
