// Shared e2e plumbing: the built renderer, serve mode on the real test cluster, and headless Chromium
// (the system's /usr/bin/chromium driven by playwright-core; no browser download). Specs use it as:
//
//   const serve = await startServe();                 // Core + serve server on loopback, tmp data dir
//   const browser = await launchChromium();
//   const page = await openApp(browser, serve, '#/c/wheelhouse-admin/overview');
//   ...
//   await browser.close(); await serve.close();
//
// The test cluster's kubeconfig comes from process.env.WHEELHOUSE_TEST_KUBECONFIG, set by the e2e
// project's globalSetup (test-cluster/vitest-global-setup.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Core } from '../../src-main/core/core';
import { coreHandlers } from '../../src-main/core/service';
import { startServeServer, type ServeHandle } from '../../src-main/transport/serveServer';

export const projectRoot = resolve(import.meta.dirname, '..', '..');
export const rendererDir = join(projectRoot, 'dist', 'renderer');

/** Override with WHEELHOUSE_CHROMIUM; install with `apt-get install -y chromium`. */
export const chromiumPath = process.env.WHEELHOUSE_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The test cluster's kubeconfig; throws with a pointer when the e2e globalSetup did not run. */
export function testKubeconfig(): string {
  const k = process.env.WHEELHOUSE_TEST_KUBECONFIG;
  if (!k) throw new Error('WHEELHOUSE_TEST_KUBECONFIG is not set: run e2e specs through the vitest e2e project (npm run test:e2e), whose globalSetup starts the test cluster.');
  return k;
}

/**
 * Builds main, preload and renderer (scripts/build.mjs) unless they are already in dist/. The build
 * empties dist/ first, so it only runs when something is missing, never under a running spec.
 */
export function ensureBuilt(): void {
  const needed = ['dist/main/main.js', 'dist/main/serve.js', 'dist/preload/preload.cjs', 'dist/renderer/index.html'];
  if (needed.every((f) => existsSync(join(projectRoot, f)))) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, WHEELHOUSE_QUIET_BUILD: '1' } });
  if (r.status !== 0) throw new Error(`scripts/build.mjs failed (exit ${r.status})`);
}

export interface ServeFixture {
  core: Core;
  handle: ServeHandle;
  /** The app's URL without the token (what the page ends up on). */
  url: string;
  /** The URL carrying the token once; it is exchanged for an HttpOnly cookie. */
  openUrl: string;
  token: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A Core on the test cluster's kubeconfig and serve mode on a random loopback port. */
export async function startServe(opts: { kubeconfig?: string; staticDir?: string; /** Several files, merged as kubectl merges KUBECONFIG. */ kubeconfigs?: string[] } = {}): Promise<ServeFixture> {
  if (!opts.staticDir) ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-e2e-'));
  const core = new Core({ dataDir, kubeconfigFiles: opts.kubeconfigs ?? [opts.kubeconfig ?? testKubeconfig()], watchKubeconfig: false });
  const handle = await startServeServer({ handlers: coreHandlers(core), staticDir: opts.staticDir ?? rendererDir });
  return {
    core, handle, dataDir,
    url: handle.url, openUrl: handle.openUrl, token: handle.token,
    async close() {
      await handle.close();
      await core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium, or set WHEELHOUSE_CHROMIUM.`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/**
 * Opens the app in a fresh browser context the way a user does (the token URL, then the cookie),
 * optionally at a route (`#/c/<context>/overview`). Page errors are collected on `page.errors`.
 */
export async function openApp(browser: Browser, serve: ServeFixture, hash = ''): Promise<Page & { errors: Error[] }> {
  const context = await browser.newContext();
  const page = Object.assign(await context.newPage(), { errors: [] as Error[] });
  page.on('pageerror', (e) => page.errors.push(e));
  await page.goto(serve.openUrl);
  if (hash) await page.evaluate((h) => { window.location.hash = h; }, hash);
  return page;
}
