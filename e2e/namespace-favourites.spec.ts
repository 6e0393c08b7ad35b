// Favourite namespaces, keyboard only: choose a namespace in the picker, Tab to its star, Space; after a
// reload the picker lists it first (a Favourites group) and the palette's `:ns` offers it first; the
// prefs file in the app's data folder holds it for this context; Enter on the star un-stars it.
// The Namespaces table's row menu and a Namespace's details carry the same star.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { eventually } from './support/polling';
import { screenshotsAtSizes } from './support/screens';
import { kubectl } from '../test-cluster/kubectl.mjs';

const ADMIN = 'wheelhouse-admin';
// Sorts after demo and kube-*, so "listed first" is the star's doing, not the alphabet's.
const NS = `zz-e2e-favs-${Date.now().toString(36)}`;
const PICKER = '[data-testid="namespace-picker"]';
const STAR = '[data-testid="namespace-star"]';
const PALETTE = '[data-testid="palette"]';

const admin = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN });
const options = (page: Page) => page.$$eval(`${PICKER} option`, (os) => os.map((o) => o.textContent ?? ''));
const groups = (page: Page) => page.$$eval(`${PICKER} optgroup`, (gs) => gs.map((g) => g.getAttribute('label')));
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid);
const storedFavourites = (serve: ServeFixture) => JSON.parse(readFileSync(join(serve.dataDir, 'prefs.json'), 'utf8')).favouriteNamespaces;

describe('favourite namespaces, keyboard only', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    await admin(['create', 'namespace', NS]);
    serve = await startServe();
    browser = await launchChromium();
    page = await openApp(browser, serve, `#/c/${ADMIN}/r/_/v1/pods?ns=demo`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForSelector('[data-testid="resource-table"] [role="row"][data-name]', { timeout: 30_000 });
    // The namespaces list has arrived (kubectl's oracle: the new namespace is listed).
    await eventually(async () => expect(await options(page)).toContain(NS), 30_000, 200);
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    await admin(['delete', 'namespace', NS, '--wait=false']).catch(() => {});
  });

  it('stars the chosen namespace from the picker with the keyboard; after a reload it is listed first, in the picker and in :ns', async () => {
    expect(await groups(page)).toEqual([]);
    await page.focus(PICKER);
    // Type-ahead in the closed select chooses the namespace (and switches to it), as a keyboard user does.
    await page.keyboard.type(NS);
    await page.waitForFunction((ns) => decodeURIComponent(window.location.hash).includes(`ns=${ns}`), NS, { timeout: 10_000 });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('namespace-star');
    expect(await page.getAttribute(STAR, 'aria-pressed')).toBe('false');
    expect(await page.getAttribute(STAR, 'aria-label')).toBe(`Favourite namespace ${NS}`);
    // Its focus ring is drawn (keyboard focus is visible).
    expect(await page.$eval(STAR, (b) => getComputedStyle(b).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Space');
    await page.waitForSelector(`${STAR}[aria-pressed="true"]`, { timeout: 10_000 });
    expect(storedFavourites(serve)).toEqual({ [ADMIN]: [NS] });

    await page.reload();
    await page.waitForSelector(`${STAR}[aria-pressed="true"]`, { timeout: 30_000 });
    // Once the namespaces list and the access review ("All namespaces" is offered) have answered:
    // All namespaces, then the starred one, then the others.
    await eventually(async () => expect((await options(page)).slice(0, 3)).toEqual(['All namespaces', `★ ${NS}`, expect.any(String)]), 30_000, 200);
    const listed = await options(page);
    expect(listed.filter((o) => o.includes(NS))).toEqual([`★ ${NS}`]);
    expect(await groups(page)).toEqual(['★ Favourites', 'Namespaces']);
    expect(await page.$eval(PICKER, (s) => (s as HTMLSelectElement).value)).toBe(NS);

    // The palette's :ns offers it first, marked.
    await page.focus('body');
    await page.keyboard.press('Control+k');
    await page.waitForSelector(`${PALETTE}[open] [data-testid="palette-input"]:focus`);
    await page.keyboard.type(':ns ');
    await eventually(async () => {
      const rows = await page.$$eval(`${PALETTE} [role="option"]`, (rs) => rs.map((r) => r.textContent ?? ''));
      expect(rows[0]).toMatch(/^All namespaces/);
      expect(rows[1]).toContain(NS);
      expect(rows[1]).toContain('★ favourite namespace');
    }, 10_000, 200);
    await screenshotsAtSizes(page, 'namespace-favourites-palette');
    await page.keyboard.press('Escape');
    await page.waitForSelector(`${PALETTE}[open]`, { state: 'detached', timeout: 5_000 });

    // The picker as it is (star on); "Several namespaces…" lists the starred one first too.
    await screenshotsAtSizes(page, 'namespace-favourites-picker');
    await page.selectOption(PICKER, { label: 'Several namespaces…' });
    await page.waitForSelector('[data-testid="namespace-several"] input:focus');
    const several = await page.$$eval('[data-testid="namespace-several"] label', (ls) => ls.map((l) => l.textContent?.trim() ?? ''));
    expect(several[0]).toBe(`★favourite ${NS}`);
    await screenshotsAtSizes(page, 'namespace-favourites-several');
    await page.keyboard.press('Escape');
    await page.waitForSelector(PICKER);
  });

  it('the Namespaces table’s row menu and a Namespace’s details carry the same star', async () => {
    await page.evaluate((ns) => { window.location.hash = `#/c/wheelhouse-admin/r/_/v1/namespaces?ns=${ns}`; }, NS);
    const row = `[data-testid="resource-table"] [role="row"][data-name="${NS}"]`;
    await page.waitForSelector(row, { timeout: 30_000 });
    const topStar = `.topbar ${STAR}`;
    // Row menu: un-star, then star again; the picker's star follows each time, and so do the prefs.
    for (const [label, after] of [['Un-star namespace', 'false'], ['Star namespace', 'true']] as const) {
      await page.click(row, { button: 'right' });
      await page.waitForSelector('[data-testid="row-menu-star"]');
      expect(await page.textContent('[data-testid="row-menu-star"]')).toContain(label);
      await page.click('[data-testid="row-menu-star"]');
      await page.waitForSelector('[data-testid="row-menu"]', { state: 'detached', timeout: 10_000 });
      await page.waitForSelector(`${topStar}[aria-pressed="${after}"]`, { timeout: 10_000 });
      expect(storedFavourites(serve)).toEqual(after === 'true' ? { [ADMIN]: [NS] } : {});
    }
    await page.click(row);
    const detailsStar = `[data-testid="dp-namespace-favourite"] ${STAR}`;
    await page.waitForSelector(`${detailsStar}[aria-pressed="true"]`, { timeout: 30_000 });
    expect(await page.textContent(detailsStar)).toContain('Starred');
    await screenshotsAtSizes(page, 'namespace-favourites-details');
  });

  it('Enter on the picker’s star un-stars it: the Favourites group goes, the prefs forget it', async () => {
    await page.evaluate((ns) => { window.location.hash = `#/c/wheelhouse-admin/r/_/v1/pods?ns=${ns}`; }, NS);
    await page.waitForSelector(`.topbar ${STAR}[aria-pressed="true"]`, { timeout: 30_000 });
    await page.focus(PICKER);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('namespace-star');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.topbar ${STAR}[aria-pressed="false"]`, { timeout: 10_000 });
    expect(await groups(page)).toEqual([]);
    expect((await options(page)).filter((o) => o.includes(NS))).toEqual([NS]);
    expect(storedFavourites(serve)).toEqual({});
    await page.reload();
    await page.waitForSelector(`${STAR}[aria-pressed="false"]`, { timeout: 30_000 });
    expect(await groups(page)).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
