// A context whose API server was never reachable: the table and the status bar say so and offer
// Retry (never an endless spinner); once the server answers, Retry fills the table within seconds.
// The server's address is a free loopback port where, later, a TCP proxy to the real API server opens.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { TcpProxy } from '../src-main/testing/tcpProxy';
import { tempDir } from '../src-main/testing/testCluster';
import { goTo } from './support/navigate';

const ADMIN = 'wheelhouse-admin';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('a context never reachable', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let proxy: TcpProxy | undefined;
  let port: number;

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    port = await freePort();
    const kc = parse(readFileSync(testKubeconfig(), 'utf8'));
    for (const c of kc.clusters) c.cluster.server = `https://127.0.0.1:${port}`;
    const file = join(tempDir(), 'config');
    writeFileSync(file, stringify(kc));
    serve = await startServe({ kubeconfig: file });
    browser = await launchChromium();
  });
  afterAll(async () => { await browser?.close(); await serve?.close(); await proxy?.stop(); });

  it('shows its error and Retry in the table and the status bar, and Retry brings the list once the server answers', async () => {
    const page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
    await goTo(page, `#/c/${ADMIN}/r/_/v1/configmaps?ns=demo`);

    const unreachable = page.locator('[data-testid="table-unreachable"]');
    await unreachable.waitFor({ timeout: 15_000 });
    expect(await unreachable.textContent()).toContain('Cannot list configmaps in namespace demo: the cluster does not answer');
    expect(await unreachable.textContent()).toMatch(/ECONNREFUSED|refused/i);
    expect(await page.locator('.rt-spinner').count()).toBe(0);
    await page.locator('[data-testid="cluster-status"][data-state="unreachable"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="cluster-retry"]').isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/unreachable-1440.png' });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/unreachable-1280-dark.png' });
    await page.emulateMedia({ colorScheme: 'light' });

    // The server comes (a proxy to the real API server opens on that address); the user retries.
    const api = new URL(parse(readFileSync(testKubeconfig(), 'utf8')).clusters[0].cluster.server);
    proxy = new TcpProxy(api.hostname, Number(api.port));
    await proxy.start(port);
    const t0 = Date.now();
    await unreachable.locator('button', { hasText: 'Retry' }).click();
    await page.locator('[data-testid="resource-table"] [role="row"][data-name="hostile"]').waitFor({ timeout: 5_000 });
    await page.locator('[data-testid="freshness"][data-state="live"]').waitFor({ timeout: 5_000 });
    const ms = Date.now() - t0;
    console.log(`[unreachable] Retry to rows: ${ms} ms`);
    expect(ms).toBeLessThanOrEqual(5_000);
    await page.locator('[data-testid="cluster-status"][data-state="ready"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="cluster-retry"]').count()).toBe(0);

    // The connection drops again: the rows stay, dimmed, until the list is right again.
    expect(await page.locator('[data-testid="resource-table"] .rt-body[data-stale]').count()).toBe(0);
    await proxy.cut();
    await page.locator('[data-testid="resource-table"] .rt-body[data-stale]').waitFor({ timeout: 20_000 });
    const opacity = await page.locator('[data-testid="resource-table"] [role="row"][data-name="hostile"]').evaluate((el) => getComputedStyle(el).opacity);
    expect(Number(opacity)).toBeLessThan(1);
    await page.screenshot({ path: 'test-results/unreachable-stale-rows.png' });
    await proxy.restore();
    await page.locator('[data-testid="freshness"][data-state="live"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="resource-table"] .rt-body[data-stale]').count()).toBe(0);
    expect(page.errors).toEqual([]);
  });
});
