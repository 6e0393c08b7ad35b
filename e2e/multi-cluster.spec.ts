// Two clusters at once: the test cluster and a second one this spec starts on free ports. Both are
// shown together from the top bar's "+ Cluster"; a Deployment with the same name in each shows twice with
// its Cluster, rows equal to what kubectl lists in each; stopping the second cluster's API server marks
// only its rows stale with the reason while the first stays live; starting it again converges. An action
// from the merged table acts on the row's own cluster, and its dialog names that cluster.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { eventually } from './support/polling';
import { screenshotsAtSizes } from './support/screens';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { freeBasePort, startCluster, type ClusterHandle } from '../test-cluster/cluster-lib.mjs';
import { goTo } from './support/navigate';

const FIRST = 'wheelhouse-admin';
const NS = `e2e-multi-${Date.now().toString(36)}`;
const TABLE = '[data-testid="resource-table"]';
const ROWS = `${TABLE} [role="row"][data-name]`;

const first = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: FIRST });

/** What the merged table shows: cluster/name of each row, and which rows say they are stale. */
const tableRows = (page: Page) => page.$$eval(ROWS, (rs) => rs.map((r) => ({
  cluster: r.querySelector('[data-testid="row-cluster"]')?.textContent ?? '',
  name: r.getAttribute('data-name') ?? '',
  stale: r.getAttribute('data-stale') === 'true',
  title: r.getAttribute('title') ?? '',
  ready: r.querySelectorAll('[role="gridcell"]')[3]?.textContent ?? '',
})));

describe('several clusters at once', () => {
  let second: ClusterHandle;
  let secondCtx: string;
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };
  const other = (args: string[]) => second.kubectl(args);

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    second = await startCluster({ name: 'wheelhouse-e2e-second', basePort: await freeBasePort(), fresh: true, log: () => {} });
    secondCtx = second.contexts.admin;
    for (const k of [first, other]) {
      await k(['create', 'namespace', NS]);
      await k(['create', 'deployment', 'twin', '--image=registry.example/twin:1', '-n', NS]);
    }
    await first(['create', 'deployment', 'only-first', '--image=registry.example/solo:1', '-n', NS]);
    await other(['create', 'deployment', 'only-second', '--image=registry.example/solo:1', '-n', NS]);
    // The app reads both kubeconfigs, merged as kubectl merges KUBECONFIG.
    serve = await startServe({ kubeconfigs: [testKubeconfig(), second.kubeconfigPath] });
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
    await goTo(page, `#/c/${FIRST}/r/apps/v1/deployments?ns=${NS}`);
    await page.waitForSelector(`${ROWS}[data-name="twin"]`, { timeout: 30_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    await first(['delete', 'namespace', NS, '--wait=false']).catch(() => {});
    await second?.stop({ purge: true });
  }, 120_000);

  it('shows the second cluster with the first from the top bar (keyboard), one row per cluster, as kubectl lists each', async () => {
    await page.focus('[data-testid="cluster-set-add"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="cluster-several"] input:focus');
    // The first checkbox is the first other context: move to the second cluster's admin context and check it.
    const boxes = await page.$$eval('[data-testid="cluster-several"] input[type="checkbox"]', (bs) => bs.map((b) => b.getAttribute('data-testid')));
    for (const id of boxes) {
      if (id === `cluster-check-${secondCtx}`) break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe(`cluster-check-${secondCtx}`);
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="cluster-dot-${secondCtx}"]`);

    const want = async () => {
      const out: string[] = [];
      for (const [ctx, k] of [[FIRST, first], [secondCtx, other]] as const) {
        for (const l of (await k(['get', 'deployments', '-n', NS, '-o', 'name'])).trim().split('\n').filter(Boolean)) out.push(`${ctx}/${l.replace('deployment.apps/', '')}`);
      }
      return out.sort();
    };
    const expected = await want();
    expect(expected).toEqual([`${FIRST}/only-first`, `${FIRST}/twin`, `${secondCtx}/only-second`, `${secondCtx}/twin`].sort());
    await eventually(async () => expect((await tableRows(page)).map((r) => `${r.cluster}/${r.name}`).sort()).toEqual(expected));
    // The Cluster column heads the table; each cluster's freshness is live.
    expect(await page.$$eval(`${TABLE} [role="columnheader"]`, (hs) => hs[0]?.textContent)).toContain('Cluster');
    await eventually(async () => {
      for (const c of [FIRST, secondCtx]) expect(await page.getAttribute(`[data-testid="cluster-freshness-${c}"]`, 'data-state')).toBe('live');
    });
    // The set is in the URL and survives a sidebar navigation.
    await page.click('a.nav-kind:has-text("Pods")');
    await page.waitForFunction((c) => decodeURIComponent(window.location.hash).includes(`with=${c}`) && window.location.hash.includes('/pods'), secondCtx);
    await page.goBack();
    await page.waitForSelector(`${ROWS}[data-name="twin"][data-cluster="${secondCtx}"]`, { timeout: 30_000 });
    await screenshotsAtSizes(page, 'multi-cluster-table');
  });

  it('an action from the merged table acts on the row’s own cluster, and its dialog names it', async () => {
    const row = page.locator(`${ROWS}[data-name="twin"][data-cluster="${secondCtx}"]`);
    await row.click({ button: 'right' });
    await page.waitForSelector('[data-testid="row-menu"] [data-testid="action-scale"]:not([disabled])', { timeout: 30_000 });
    await page.click('[data-testid="row-menu"] [data-testid="action-scale"]');
    await page.waitForSelector('[data-testid="scale-dialog"]');
    expect(await page.textContent('[data-testid="scale-dialog"] [data-testid="dialog-cluster"]')).toContain(secondCtx);
    await page.fill('[data-testid="scale-input"]', '3');
    await page.click('[data-testid="scale-confirm"]');
    await eventually(async () => expect((await other(['get', 'deployment', 'twin', '-n', NS, '-o', 'jsonpath={.spec.replicas}'])).trim()).toBe('3'));
    // The menu closes with its dialog.
    await page.waitForSelector('[data-testid="row-menu"]', { state: 'detached', timeout: 10_000 });
    // The first cluster's twin is untouched.
    expect((await first(['get', 'deployment', 'twin', '-n', NS, '-o', 'jsonpath={.spec.replicas}'])).trim()).toBe('1');
    await eventually(async () => {
      const rows = await tableRows(page);
      expect(rows.find((r) => r.cluster === secondCtx && r.name === 'twin')?.ready).toMatch(/\/3$/);
      expect(rows.find((r) => r.cluster === FIRST && r.name === 'twin')?.ready).toMatch(/\/1$/);
    });
  });

  it('the palette finds the object in both clusters, each tagged; an action on the second one runs there (its dialog names it)', async () => {
    await page.keyboard.press('Control+k');
    await page.waitForSelector('[data-testid="palette"][open] [data-testid="palette-input"]:focus');
    await page.keyboard.type('deploy twin');
    const hits = () => page.$$eval('[data-testid="palette-row"]', (rs) => rs.map((r) => r.querySelector('[data-testid="palette-cluster"]')?.textContent ?? ''));
    await eventually(async () => expect((await hits()).sort()).toEqual([FIRST, secondCtx].sort()));
    // Down to the second cluster's row, Enter, then `scale 2`.
    const at = (await hits()).indexOf(secondCtx);
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.textContent('[data-testid="palette-chosen"]')).toContain(`on ${secondCtx}`);
    await page.keyboard.type('scale 2');
    await page.waitForSelector('[data-testid="palette-row"][aria-selected="true"]:not([aria-disabled="true"])', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="scale-dialog"][open] [data-testid="scale-input"]:focus', { timeout: 15_000 });
    expect(await page.textContent('[data-testid="scale-dialog"] [data-testid="dialog-cluster"]')).toContain(secondCtx);
    await screenshotsAtSizes(page, 'multi-cluster-palette-scale');
    await page.keyboard.press('Enter');
    await eventually(async () => expect((await other(['get', 'deployment', 'twin', '-n', NS, '-o', 'jsonpath={.spec.replicas}'])).trim()).toBe('2'));
    expect((await first(['get', 'deployment', 'twin', '-n', NS, '-o', 'jsonpath={.spec.replicas}'])).trim()).toBe('1');
    await page.waitForSelector('[data-testid="scale-dialog"]', { state: 'detached', timeout: 10_000 });
    // The details panel it opened is the second cluster's object.
    expect(decodeURIComponent(await page.evaluate(() => window.location.hash))).toContain(`octx=${secondCtx}`);
    await page.keyboard.press('Escape');
    // The activity log merges the clusters shown: the second cluster's scales are there, each saying where.
    await page.click('[data-testid="activity-button"]');
    await eventually(async () => {
      const where = await page.$$eval('[data-testid="activity-panel"] [data-testid="activity-entry"][data-action="scale"]', (es) => es.map((e) => e.textContent ?? ''));
      expect(where.filter((w) => w.includes(secondCtx)).length).toBe(2);
    });
    await page.click('[data-testid="activity-button"]');
    // The topology: one box per cluster, each its own cluster's objects.
    await page.click('a.nav-kind:has-text("Topology")');
    for (const [ctx, only] of [[FIRST, 'only-first'], [secondCtx, 'only-second']] as const) {
      await page.waitForSelector(`[data-testid="topology-box-${ctx}"] [data-testid="topology-node"][data-name="twin"]`, { timeout: 30_000, state: 'attached' });
      await page.waitForSelector(`[data-testid="topology-box-${ctx}"] [data-testid="topology-node"][data-name="${only}"]`, { timeout: 30_000, state: 'attached' });
    }
    expect(await page.$$(`[data-testid="topology-box-${FIRST}"] [data-testid="topology-node"][data-name="only-second"]`)).toHaveLength(0);
    await screenshotsAtSizes(page, 'multi-cluster-topology');
    // Views that draw one cluster say so.
    await page.click('a.nav-kind:has-text("Network")');
    expect(await page.textContent('[data-testid="merged-note"]')).toContain(`shows ${FIRST} only`);
    await page.goBack();
    await page.goBack();
    await page.waitForSelector(`${ROWS}[data-name="twin"][data-cluster="${secondCtx}"]`, { timeout: 30_000 });
  });

  it('stopping the second cluster’s API server marks only its rows stale, with the reason; starting it again converges', async () => {
    await second.stopApiServer();
    await eventually(async () => {
      const rows = await tableRows(page);
      const mine = rows.filter((r) => r.cluster === secondCtx);
      const theirs = rows.filter((r) => r.cluster === FIRST);
      expect(mine.length).toBe(2);
      expect(mine.every((r) => r.stale && r.title.startsWith(`Cluster ${secondCtx}:`))).toBe(true);
      expect(theirs.length).toBe(2);
      expect(theirs.some((r) => r.stale)).toBe(false);
    }, 60_000);
    const state = await page.getAttribute(`[data-testid="cluster-freshness-${secondCtx}"]`, 'data-state');
    expect(['reconnecting', 'stale', 'checking']).toContain(state);
    expect(await page.getAttribute(`[data-testid="cluster-freshness-${FIRST}"]`, 'data-state')).toBe('live');
    // The top bar's dot for the second cluster says it too.
    await eventually(async () => expect(await page.getAttribute(`[data-testid="cluster-dot-${secondCtx}"]`, 'data-state')).not.toBe('ready'), 30_000);
    // The first cluster stays live meanwhile: a change there shows at once.
    await first(['scale', 'deployment', 'twin', '-n', NS, '--replicas=2']);
    await eventually(async () => expect((await tableRows(page)).find((r) => r.cluster === FIRST && r.name === 'twin')?.ready).toMatch(/\/2$/));
    await screenshotsAtSizes(page, 'multi-cluster-stale');

    await second.startApiServer();
    await other(['create', 'deployment', 'after-restart', '--image=registry.example/solo:1', '-n', NS]);
    await eventually(async () => {
      const rows = await tableRows(page);
      expect(rows.filter((r) => r.cluster === secondCtx).map((r) => r.name).sort()).toEqual(['after-restart', 'only-second', 'twin']);
      expect(rows.some((r) => r.stale)).toBe(false);
    }, 90_000);
    expect(await page.getAttribute(`[data-testid="cluster-freshness-${secondCtx}"]`, 'data-state')).toBe('live');
    expect(page.errors).toEqual([]);
  });
});
