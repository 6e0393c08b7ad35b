// The renderer holds no Node and no credentials: in serve mode (the same renderer Electron loads), after
// it has connected to the real test cluster and shown cluster data, nothing a page script can reach
// contains the serve token or the kubeconfig's client keys/tokens, and `require`/`process` do not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { kubeconfigSecrets, scanPage, type Secret } from './support/pageSecrets';

const CONTEXT = 'wheelhouse-admin';

describe('no secrets in the page (serve mode, Chromium)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };
  let secrets: Secret[];

  beforeAll(async () => {
    serve = await startServe();
    secrets = [...kubeconfigSecrets(testKubeconfig()), { label: 'serve token', value: serve.token }];
    browser = await launchChromium();
    page = await openApp(browser, serve, `#/c/${CONTEXT}/overview`);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.close();
  });

  it('knows what to look for', () => {
    expect(secrets.map((s) => s.label)).toEqual(expect.arrayContaining([
      'wheelhouse-admin client-key-data', 'wheelhouse-admin client key (PEM body)', 'wheelhouse-limited client-key-data', 'serve token',
    ]));
  });

  it('selects the test context and shows data from the cluster', async () => {
    // The context picker, when the shell shows one, is set to the test context like a user would.
    const picker = page.getByTestId('context-picker');
    await picker.waitFor({ timeout: 30_000 });
    await picker.selectOption(CONTEXT);
    expect(await page.evaluate(() => window.location.hash)).toContain(`/c/${CONTEXT}/`);
    // Namespaces come from the cluster's watch: once kube-system is on the page, real data flowed.
    await page.waitForFunction(() => document.documentElement.outerHTML.includes('kube-system'), undefined, { timeout: 60_000 });
    // And the pods table, so lists, rows and their cached queries are in the page too.
    await page.evaluate((c) => { window.location.hash = `#/c/${c}/r/_/v1/pods?ns=*`; }, CONTEXT);
    await page.waitForFunction(() => document.querySelectorAll('[role="row"], tr').length > 1, undefined, { timeout: 60_000 }).catch(() => undefined);
    expect(serve.handle.sessions()).toBeGreaterThanOrEqual(1);
  });

  it('has no require, process, module or Buffer, and no secret anywhere a script can reach', async () => {
    const scan = await scanPage(page, secrets);
    console.log(`[no-secrets] searched ${secrets.length} secrets in the DOM, storage, cookies, URLs and ${scan.objectsWalked} objects / ${scan.stringsWalked} strings reachable from the page`);
    expect(scan.typeofRequire).toBe('undefined');
    expect(scan.typeofProcess).toBe('undefined');
    expect(scan.typeofModule).toBe('undefined');
    expect(scan.typeofBuffer).toBe('undefined');
    // The walk really went through the app's state (React fibers, query cache), not an empty page.
    expect(scan.objectsWalked).toBeGreaterThan(1000);
    expect(scan.stringsWalked).toBeGreaterThan(1000);
    expect(scan.hits).toEqual([]);
  });

  it('keeps the token out of the cookie jar visible to scripts and off the URL', async () => {
    expect(await page.evaluate(() => document.cookie)).not.toContain(serve.token);
    expect(page.url()).not.toContain('token=');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === `wheelhouse_token_${serve.handle.port}`)).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  });

  it('would notice a secret if one were there (positive control on a second tab)', async () => {
    const probe = await page.context().newPage();
    await probe.goto(serve.url);
    const planted = { label: 'planted', value: 'planted-secret-6f1e0c2d9a7b4e3f' };
    await probe.evaluate((v) => {
      (window as any).__plantedGlobal = { deep: { list: [new Map([['k', { v }]])] } };
      (document.body as any).__plantedExpando = { props: { value: v } };
    }, planted.value);
    const deep = await scanPage(probe, [planted]);
    expect(deep.hits.map((h) => h.where)).toEqual(expect.arrayContaining(['window.__plantedGlobal', '<body>.__plantedExpando']));
    await probe.evaluate((v) => { localStorage.setItem('x', v); }, planted.value);
    expect((await scanPage(probe, [planted])).hits.map((h) => h.where)).toContain('localStorage["x"]');
    await probe.evaluate(() => localStorage.removeItem('x'));
    await probe.close();
  });

  it('raised no page errors', () => {
    expect(page.errors.map((e) => e.message)).toEqual([]);
  });
});
