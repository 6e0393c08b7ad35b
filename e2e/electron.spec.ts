// The Electron app itself, launched with playwright-core's _electron against the real test cluster:
// the window loads from app://, the page has no Node and exactly the frame bridge, contexts are listed
// over IPC, no secret reaches the page, and the shell refuses navigation and new windows.
//
// Electron's binary downloads on `npm install`; where it could not (no network), these tests are
// skipped, visibly, with the reason printed. The same page scenarios run in Chromium against serve mode
// (e2e/no-secrets-in-page.spec.ts and the other specs), so the renderer is covered either way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { findElectronBinary } from '../scripts/electronBinary.mjs';
import { ensureBuilt, projectRoot, testKubeconfig } from './support/browser';
import { kubeconfigSecrets, scanPage } from './support/pageSecrets';

const electron = findElectronBinary();
if (!electron.bin) {
  console.log(`[e2e] electron.spec.ts skipped: Electron's binary is not installed (${electron.reason}); it downloads on npm install, which this machine could not do. The renderer scenarios run in Chromium against serve mode instead.`);
}

describe.skipIf(!electron.bin)('Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-electron-e2e-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    app = await _electron.launch({
      executablePath: electron.bin!,
      // Chromium refuses to run its OS sandbox as root (containers); everywhere else it stays on.
      args: [projectRoot, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: projectRoot,
      env: { ...env, KUBECONFIG: testKubeconfig(), WHEELHOUSE_DATA_DIR: dataDir, WHEELHOUSE_DEV_URL: '' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the packaged renderer from app://wheelhouse', async () => {
    expect(page.url()).toMatch(/^app:\/\/wheelhouse\//);
    expect(await page.title()).toBe('Wheelhouse');
  });

  it('gives the page no Node, and exactly the frame bridge', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as any).require,
      process: typeof (globalThis as any).process,
      module: typeof (globalThis as any).module,
      bridge: Object.keys((window as any).wheelhouse ?? {}).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridge: ['onFrame', 'send'] });
  });

  it('denies permission requests and checks', async () => {
    const result = await page.evaluate(async () => ({
      notifications: (await navigator.permissions.query({ name: 'notifications' })).state,
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
      request: await Notification.requestPermission(),
    }));
    expect(result).toEqual({ notifications: 'denied', geolocation: 'denied', request: 'denied' });
  });

  it('lists the test cluster contexts over IPC', async () => {
    await page.waitForFunction(() => document.documentElement.outerHTML.includes('wheelhouse-limited'), undefined, { timeout: 60_000 });
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    expect(html).toContain('wheelhouse-admin');
    expect(html).toContain('wheelhouse-limited');
  });

  it('shows cluster data and no secret reaches the page', async () => {
    await page.waitForFunction(() => document.documentElement.outerHTML.includes('kube-system'), undefined, { timeout: 60_000 });
    const scan = await scanPage(page, kubeconfigSecrets(testKubeconfig()));
    expect(scan.typeofRequire).toBe('undefined');
    expect(scan.typeofProcess).toBe('undefined');
    expect(scan.hits).toEqual([]);
  });

  it('refuses to navigate away or open windows; hands only checked http(s) links to the OS browser', async () => {
    // Record instead of really opening a browser on the test machine.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as any).__opened = opened;
      Object.defineProperty(shell, 'openExternal', { value: async (url: string) => { opened.push(url); }, configurable: true, writable: true });
    });
    const before = page.url();
    await page.evaluate(() => { window.location.href = 'https://example.com/docs'; });
    await page.evaluate(() => window.open('https://example.com/new', '_blank'));
    await page.evaluate(() => window.open('file:///etc/passwd', '_blank'));
    await page.evaluate(() => window.open('https://good.example@evil.example/', '_blank'));
    await page.evaluate(() => { window.location.href = 'file:///etc/passwd'; });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(() => (globalThis as any).__opened)).toEqual(['https://example.com/docs', 'https://example.com/new']);
  });
});
