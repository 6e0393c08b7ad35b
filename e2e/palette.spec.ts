// The command palette and the keyboard, driven with the keyboard alone: `:ns` switches namespace,
// Ctrl+K → `deploy web` → `scale 4` → Enter in the app's own scale dialog, read back with kubectl;
// `?` lists the shortcuts; j/k/Enter in a table. As the limited user, the palette's actions carry the
// same RBAC verdicts as the buttons.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { eventually } from './support/polling';
import { screenshotsAtSizes } from './support/screens';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { goTo } from './support/navigate';

const ADMIN = 'wheelhouse-admin';
const LIMITED = 'wheelhouse-limited';
const NS = `e2e-palette-${Date.now().toString(36)}`;
const PALETTE = '[data-testid="palette"]';
const ROWS = `${PALETTE} [role="option"]`;

const admin = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN });
const replicas = async () => Number(await admin(['get', 'deployment', 'web', '-n', NS, '-o', 'jsonpath={.spec.replicas}']));
const webPods = async () => (await admin(['get', 'pods', '-n', NS, '-l', 'app=web', '-o', 'name'])).trim().split('\n').filter(Boolean).map((l) => l.replace('pod/', '')).sort();
const activeRow = (page: Page) => page.$eval(`${ROWS}[aria-selected="true"]`, (r) => r.textContent ?? '');
const rowNames = (page: Page) => page.$$eval('[data-testid="resource-table"] [role="row"][data-name]', (rs) => rs.map((r) => r.getAttribute('data-name')!).sort());

/** Ctrl+K, then a search, waiting for the first result to be the one wanted. */
async function find(page: Page, text: string, want: RegExp) {
  await page.keyboard.press('Control+k');
  await page.waitForSelector(`${PALETTE}[open] [data-testid="palette-input"]:focus`);
  await page.keyboard.type(text);
  await eventually(async () => expect(await activeRow(page)).toMatch(want), 30_000, 200);
}

describe('command palette and keyboard, keyboard only', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    await admin(['create', 'namespace', NS]);
    await admin(['create', 'deployment', 'web', '--image=registry.example/web:1', '--replicas=2', '-n', NS]);
    await admin(['create', 'rolebinding', 'limited-view', '--clusterrole=view', '--user=limited-user', '-n', NS]);
    await admin(['rollout', 'status', `deployment/web`, '-n', NS, '--timeout=60s']);
    serve = await startServe();
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
    await goTo(page, '#/c/wheelhouse-admin/r/_/v1/pods?ns=demo');
    await page.waitForSelector('[data-testid="resource-table"] [role="row"][data-name]', { timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    await admin(['delete', 'namespace', NS, '--wait=false']).catch(() => {});
  });

  it('`:ns NAME` switches namespace', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.type(':');
    await page.waitForSelector(`${PALETTE}[open]`);
    expect(await page.inputValue('[data-testid="palette-input"]')).toBe(':');
    await page.keyboard.type(`ns ${NS}`);
    await eventually(async () => expect(await activeRow(page)).toContain(NS), 10_000, 200);
    await page.keyboard.press('Enter');
    await page.waitForFunction((ns) => document.querySelector<HTMLSelectElement>('[data-testid="namespace-picker"]')?.value === ns, NS, { timeout: 15_000 });
    expect(await page.evaluate(() => window.location.hash)).toContain(`ns=${NS}`);
    expect(serve.core.prefs.get().namespaces[ADMIN]).toBe(NS);
    // The pods table now lists this namespace's pods, as kubectl does.
    const want = await webPods();
    await eventually(async () => expect(await rowNames(page)).toEqual(want), 30_000);
  });

  it('Ctrl+K → `deploy web` → `scale 4` → Enter in the scale dialog: 4 pods (kubectl), then back to 2', async () => {
    await find(page, 'deploy web', new RegExp(`Deployment\\s*web\\s*${NS}`));
    await page.screenshot({ path: 'test-results/palette-search-1440x900-light.png' });
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="palette-chosen"]');
    await eventually(async () => expect(await page.$$eval(ROWS, (rs) => rs.map((r) => r.textContent))).toEqual(expect.arrayContaining(['Scale…', 'Restart…', 'Pause rollout'])), 15_000, 200);
    await screenshotsAtSizes(page, 'palette-actions');
    await page.keyboard.type('scale 4');
    await eventually(async () => expect(await activeRow(page)).toBe('Scale to 4…'), 10_000, 200);
    await page.keyboard.press('Enter');
    // The app's own scale dialog (views/actions/ScaleDialog), offered at 4, focused: Enter confirms.
    await page.waitForSelector('[data-testid="scale-dialog"][open] [data-testid="scale-input"]:focus', { timeout: 15_000 });
    expect(await page.inputValue('[data-testid="scale-input"]')).toBe('4');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await replicas()).toBe(4), 20_000);
    await eventually(async () => expect((await webPods()).length).toBe(4), 60_000);
    // The table shows the same 4 pods.
    await page.waitForSelector('[data-testid="scale-dialog"]', { state: 'detached', timeout: 10_000 });
    await eventually(async () => expect(await rowNames(page)).toEqual(await webPods()), 30_000);

    // Back to 2: the palette opens on recent items; Enter takes web again.
    await page.keyboard.press('Control+k');
    await eventually(async () => expect(await activeRow(page)).toMatch(/Deployment\s*web.*recent/), 10_000, 200);
    await page.keyboard.press('Enter');
    await page.keyboard.type('scale 2');
    await eventually(async () => expect(await activeRow(page)).toBe('Scale to 2…'), 10_000, 200);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="scale-dialog"][open] [data-testid="scale-input"]:focus', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await replicas()).toBe(2), 20_000);
  });

  it('`?` lists the shortcuts for where the focus is; j/k move the table cursor, Enter and `l` open the row', async () => {
    await page.waitForSelector('[data-testid="scale-dialog"]', { state: 'detached', timeout: 10_000 });
    // The scale-down's terminating pods gone (kubectl) and the table showing the same two rows.
    await eventually(async () => expect((await webPods()).length).toBe(2), 60_000);
    await eventually(async () => expect(await rowNames(page)).toEqual(await webPods()), 30_000);
    await page.focus('[data-testid="resource-table"]');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const cursor = await page.$eval('[data-testid="resource-table"]', (t) => t.getAttribute('aria-activedescendant'));
    const rows = await page.$$eval('[data-testid="resource-table"] [role="row"][data-name]', (rs) => rs.map((r) => ({ id: r.id, name: r.getAttribute('data-name') })));
    expect(cursor).toBe(rows[0].id);
    await page.keyboard.press('?');
    const sheet = await page.waitForSelector('[data-testid="shortcut-sheet"][open]');
    const text = await sheet.textContent();
    for (const s of ['Command palette', 'Next row', 'Logs of the row', 'Shell into the row', 'Edit the row’s YAML', 'Filter rows', 'This list of shortcuts']) expect(text).toContain(s);
    expect(await page.$eval('[data-testid="shortcuts-table"]', (s) => s.className)).toContain('ss-here');
    await screenshotsAtSizes(page, 'shortcut-sheet');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="shortcut-sheet"]', { state: 'detached' });
    // Focus goes back to the table.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'resource-table', undefined, { timeout: 5_000 });
    // Enter opens the cursor row's details, replacing the palette's Deployment that is open there.
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="details"]');
    // The URL is in the message: it says which object the app was asked to show.
    await eventually(async () => { const t = await page.textContent('[data-testid="dp-title"]'); if (t !== rows[0].name) throw new Error(`${t} @ ${await page.evaluate(() => decodeURIComponent(window.location.hash))}`); }, 10_000, 200);
    // `l` on the cursor row: its details on the Logs tab.
    await page.focus('[data-testid="resource-table"]');
    await page.keyboard.press('l');
    await page.waitForSelector('[data-testid="dp-tab-logs"][aria-selected="true"]', { timeout: 10_000 });
    expect(page.errors).toEqual([]);
  });

  it('"Show in topology" from the palette: the graph of the object\'s namespace, the object selected and its neighbourhood', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await eventually(async () => expect(await activeRow(page)).toMatch(/Deployment\s*web.*recent/), 10_000, 200);
    await page.keyboard.press('Enter');
    await page.keyboard.type('show in');
    await eventually(async () => expect(await activeRow(page)).toBe('Show in topology'), 10_000, 200);
    await page.keyboard.press('Enter');
    await page.waitForFunction((ns) => window.location.hash.startsWith('#/c/wheelhouse-admin/overview') && window.location.hash.includes(`ns=${ns}`), NS);
    const panel = await page.waitForSelector('[data-testid="focus-panel"]', { timeout: 30_000 });
    expect(await panel.textContent()).toContain('web');
    expect(await page.textContent('body')).toContain('Neighbourhood (1 hop)');
    expect(page.errors).toEqual([]);
  });

  it('as the limited user (view only here), the palette shows the same RBAC verdicts as the buttons', async () => {
    const limited = await openApp(browser, serve);
    await limited.setViewportSize({ width: 1440, height: 900 });
    await goTo(limited, `#/c/${LIMITED}/r/apps/v1/deployments?ns=${NS}`);
    await limited.waitForSelector('[data-testid="resource-table"] [role="row"][data-name="web"]', { timeout: 30_000 });
    await find(limited, 'deploy web', /Deployment\s*web/);
    await limited.keyboard.press('Enter');
    await eventually(async () => {
      const scale = await limited.$eval(`${ROWS}:has-text("Scale…")`, (r) => ({ disabled: r.getAttribute('aria-disabled'), text: r.textContent }));
      expect(scale.disabled).toBe('true');
      expect(scale.text).toContain(`Not allowed to patch deployments.apps/scale "web" in namespace "${NS}"`);
    }, 15_000, 200);
    // What the limited user may not list is said, not silently missing (view does not cover Secrets).
    expect(await limited.textContent('[data-testid="palette-unreadable"]')).toContain('secrets');
    await limited.keyboard.type('scale 3');
    await limited.keyboard.press('Enter');
    // A forbidden entry does nothing: the palette stays, no dialog opens.
    expect(await limited.$('[data-testid="scale-dialog"]')).toBeNull();
    expect(await limited.$(`${PALETTE}[open]`)).not.toBeNull();
    await limited.screenshot({ path: 'test-results/palette-forbidden.png' });
    expect(await replicas()).toBe(2);
    await limited.context().close();
  });
});
