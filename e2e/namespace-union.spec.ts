// Several namespaces at once, as a user who may not list cluster-wide (wheelhouse-limited: demo, plus a
// namespace of this test where it may view): the picker's "Several namespaces…" shows the union in the
// tables (one watch per namespace), the rows being what kubectl lists in each, and the topology draws both.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { eventually } from './support/polling';
import { screenshotsAtSizes } from './support/screens';
import { kubectl } from '../test-cluster/kubectl.mjs';

const LIMITED = 'wheelhouse-limited';
const NS = `e2e-nsunion-${Date.now().toString(36)}`;
const TABLE = '[data-testid="resource-table"]';
const PICKER = '[data-testid="namespace-picker"]';

const admin = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: 'wheelhouse-admin' });
const limited = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: LIMITED });
const rows = (page: Page) => page.$$eval(`${TABLE} [role="row"][data-name]`, (rs) => rs.map((r) => `${r.querySelector('[role="gridcell"]')?.textContent?.trim()}/${r.getAttribute('data-name')}`).sort());

describe('several namespaces at once', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    await admin(['create', 'namespace', NS]);
    await admin(['create', 'rolebinding', 'limited-view', '--clusterrole=view', '--user=limited-user', '-n', NS]);
    await admin(['run', 'solo', '--image=registry.example/solo:1', '-n', NS]);
    serve = await startServe();
    serve.core.prefs.update((p) => { p.typedNamespaces[LIMITED] = [NS]; });
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForSelector(PICKER, { timeout: 30_000 });
    await page.evaluate(() => { window.location.hash = '#/c/wheelhouse-limited/r/_/v1/pods?ns=demo'; });
    await page.waitForSelector(`${TABLE} [role="row"][data-name]`, { timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    await admin(['delete', 'namespace', NS, '--wait=false']).catch(() => {});
  });

  it('pods of demo and the other namespace together, as kubectl lists them in each, with a Namespace column', async () => {
    await page.selectOption(PICKER, { label: 'Several namespaces…' });
    await page.waitForSelector('[data-testid="namespace-several"] input:focus');
    // Keyboard: demo is checked already (the current one); Tab to the other, Space, Enter.
    expect(await page.isChecked('[data-testid="ns-check-demo"]')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe(`ns-check-${NS}`);
    await page.keyboard.press('Space');
    await screenshotsAtSizes(page, 'namespace-several');
    await page.keyboard.press('Enter');
    await page.waitForFunction((ns) => decodeURIComponent(window.location.hash).includes(`ns=demo,${ns}`), NS, { timeout: 10_000 });

    const want = async () => {
      const out: string[] = [];
      for (const ns of ['demo', NS]) for (const l of (await limited(['get', 'pods', '-n', ns, '-o', 'name'])).trim().split('\n').filter(Boolean)) out.push(`${ns}/${l.replace('pod/', '')}`);
      return out.sort();
    };
    await eventually(async () => expect(await rows(page)).toEqual(await want()), 30_000);
    expect(await page.$$eval(`${TABLE} [role="columnheader"]`, (hs) => hs.map((h) => h.textContent?.trim()))).toContain('Namespace');
    // Cluster-wide listing is forbidden to this user: the union came from per-namespace watches, not a forbidden one.
    expect(await page.$(`${TABLE} [data-testid="table-forbidden"]`)).toBeNull();
    const [picked] = await page.$$eval(`${PICKER} option:checked`, (os) => os.map((o) => o.textContent));
    expect(picked).toBe(`demo + ${NS}`);
    await screenshotsAtSizes(page, 'namespace-union-table');

    // A change in either namespace arrives live.
    await admin(['run', 'solo-2', '--image=registry.example/solo:1', '-n', NS]);
    await eventually(async () => expect(await rows(page)).toContain(`${NS}/solo-2`), 30_000);
  });

  it('the topology draws both namespaces', async () => {
    await page.evaluate(() => { window.location.hash = window.location.hash.replace('/r/_/v1/pods', '/overview'); });
    await page.waitForSelector('.react-flow__node', { timeout: 30_000 });
    await eventually(async () => {
      const text = await page.textContent('.react-flow');
      expect(text).toContain('solo');
      expect(text).toContain('web');
    }, 30_000);
    expect(page.errors).toEqual([]);
  });
});
