// A user who may not list namespaces (wheelhouse-limited: edit in `demo` only) is never trapped by the
// namespace picker: a remembered "All namespaces" is dropped with a message, "All namespaces" is not
// offered, and other namespaces they may use are reached by typing their name (remembered per context).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { eventually } from './support/polling';
import { screenshotsAtSizes } from './support/screens';
import { kubectl } from '../test-cluster/kubectl.mjs';

const LIMITED = 'wheelhouse-limited';
const NS = `e2e-nsaccess-${Date.now().toString(36)}`;
const TABLE = '[data-testid="resource-table"]';
const PICKER = '[data-testid="namespace-picker"]';

const admin = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: 'wheelhouse-admin' });
const limited = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: LIMITED });
const rowNames = (page: Page) => page.$$eval(`${TABLE} [role="row"][data-name]`, (rs) => rs.map((r) => r.getAttribute('data-name')!).sort());
const options = (page: Page) => page.$$eval(`${PICKER} option`, (os) => os.map((o) => o.textContent ?? ''));
const hashNs = (page: Page) => page.evaluate(() => new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('ns'));

describe('namespace picker for a user who may not list namespaces', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    await admin(['create', 'namespace', NS]);
    await admin(['create', 'rolebinding', 'limited-view', '--clusterrole=view', '--user=limited-user', '-n', NS]);
    await admin(['run', 'solo', '--image=registry.example/solo:1', '-n', NS]);
    serve = await startServe();
    // Arrive with "All namespaces" remembered for the limited context (what a user picked before).
    serve.core.prefs.update((p) => { p.namespaces[LIMITED] = '*'; p.lastContext = LIMITED; });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    await admin(['delete', 'namespace', NS, '--wait=false']).catch(() => {});
  });

  it('a remembered All namespaces is dropped with a message, back to demo without touching the URL; All is not offered', async () => {
    // Straight onto the limited context's pods (no ns in the URL: the remembered '*' applies), so the
    // app's own first navigation cannot race ours: the session cookie first, then the page at the address.
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.request.get(serve.openUrl, { maxRedirects: 0 });
    page = Object.assign(await ctx.newPage(), { errors: [] as Error[] });
    page.on('pageerror', (e) => page.errors.push(e));
    await page.goto(`${serve.url}#/c/${LIMITED}/r/_/v1/pods`);
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="namespace-picker"]')?.value === 'demo', undefined, { timeout: 30_000 });
    const toast = await page.waitForSelector('[data-testid="toast"]:has-text("All namespaces")', { timeout: 10_000 });
    expect(await toast.textContent()).toContain('Showing namespace demo');
    expect(await hashNs(page)).toBe('demo');
    expect(await options(page)).not.toContain('All namespaces');
    expect(await options(page)).toContain('Other namespace…');
    // The table is demo's pods as the limited user sees them with kubectl.
    const want = (await limited(['get', 'pods', '-n', 'demo', '-o', 'name'])).trim().split('\n').map((l) => l.replace('pod/', '')).sort();
    await eventually(async () => expect(await rowNames(page)).toEqual(want), 30_000);
    expect(serve.core.prefs.get().namespaces[LIMITED]).toBe('demo');
    await screenshotsAtSizes(page, 'namespace-access-1-dropped');
  });

  it('another namespace is reached by typing its name; a forbidden one says so; typed names are offered after a reload', async () => {
    await page.selectOption(PICKER, { label: 'Other namespace…' });
    const input = await page.waitForSelector('[data-testid="namespace-input"]');
    await input.type('kube-system');
    await page.keyboard.press('Enter');
    expect(await (await page.waitForSelector('[data-testid="namespace-input-error"]')).textContent()).toContain('You may not list pods in namespace kube-system');
    await screenshotsAtSizes(page, 'namespace-access-2-typed-forbidden');
    await input.fill(NS);
    await page.keyboard.press('Enter');
    await page.waitForFunction((ns) => document.querySelector<HTMLSelectElement>('[data-testid="namespace-picker"]')?.value === ns, NS, { timeout: 15_000 });
    await eventually(async () => expect(await rowNames(page)).toEqual(['solo']), 30_000);
    expect(await hashNs(page)).toBe(NS);
    expect(serve.core.prefs.get().typedNamespaces[LIMITED]).toEqual([NS]);

    await page.reload();
    await page.waitForFunction((ns) => document.querySelector<HTMLSelectElement>('[data-testid="namespace-picker"]')?.value === ns, NS, { timeout: 30_000 });
    await eventually(async () => expect(await options(page)).toEqual(['demo', NS, 'Other namespace…', 'Several namespaces…']), 15_000);
    // Back to demo with the picker alone.
    await page.selectOption(PICKER, 'demo');
    await page.waitForFunction(() => window.location.hash.includes('ns=demo'));
    expect(page.errors).toEqual([]);
  });

  it('a remembered namespace the user may no longer read is dropped with a message', async () => {
    await page.selectOption(PICKER, NS);
    await page.waitForFunction((ns) => window.location.hash.includes(`ns=${ns}`), NS);
    await admin(['delete', 'rolebinding', 'limited-view', '-n', NS]);
    expect(await limited(['auth', 'can-i', 'list', 'pods', '-n', NS]).catch((e) => e.stdout.trim())).toBe('no');
    await page.reload();
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="namespace-picker"]')?.value === 'demo', undefined, { timeout: 30_000 });
    const toast = await page.waitForSelector('[data-testid="toast"]:has-text("no longer list pods")', { timeout: 10_000 });
    expect(await toast.textContent()).toContain(`You may no longer list pods in namespace ${NS}. Showing namespace demo.`);
    expect(await hashNs(page)).toBe('demo');
    expect(serve.core.prefs.get().namespaces[LIMITED]).toBe('demo');
  });
});
