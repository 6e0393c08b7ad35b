// The Access room in Chromium: the limited user's matrix (delete pods allowed in demo, list nodes
// denied, both checked with kubectl auth can-i as that user), a can-i and a who-can asked from the UI,
// and a ServiceAccount's details leading to its effective permissions. Screenshots of the matrix and
// who-can at both sizes, light and dark.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, startServe, testKubeconfig, type ServeFixture } from './support/browser';
import { waitForShell, openRow } from './support/navigate';
import { screenshotsAtSizes } from './support/screens';
import { kubectl } from '../test-cluster/kubectl.mjs';

const LIMITED = 'wheelhouse-limited';
const ADMIN = 'wheelhouse-admin';
const S = Date.now().toString(36);
const NS = `e2e-rbac-${S}`;
const SA = 'deployer';

const admin = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN });
/** `kubectl auth can-i` as a context: true for yes, false for no (exit 1). */
async function canI(context: string, args: string[]): Promise<boolean> {
  try { await kubectl(['auth', 'can-i', ...args], { kubeconfig: testKubeconfig(), context }); return true; } catch (e: any) {
    if (e.code === 1) return false;
    throw e;
  }
}
const cell = (page: Page, row: string, verb: string) => page.getAttribute(`[data-testid="rbac-kind-${row}"] td[data-verb="${verb}"]`, 'data-allowed');
const go = (page: Page, hash: string) => page.evaluate((h) => { window.location.hash = h; }, hash);

describe('Access (RBAC) in the browser', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    await admin(['create', 'namespace', NS]);
    await admin(['create', 'serviceaccount', SA, '-n', NS]);
    await admin(['create', 'rolebinding', 'deployer-edit', '--clusterrole=edit', `--serviceaccount=${NS}:${SA}`, '-n', NS]);
    // A binding that grants nothing: its Role and its ServiceAccount do not exist.
    await admin(['create', 'rolebinding', 'dangling', '--role=no-such-role', `--serviceaccount=${NS}:ghost`, '-n', NS]);
    serve = await startServe();
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
    await waitForShell(page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    await admin(['delete', 'namespace', NS, '--wait=false']).catch(() => {});
  });

  it('the limited user\'s matrix, reached from the sidebar, shows delete pods allowed in demo and list nodes denied, as kubectl says', async () => {
    expect(await canI(LIMITED, ['delete', 'pods', '-n', 'demo'])).toBe(true);
    expect(await canI(LIMITED, ['list', 'nodes'])).toBe(false);
    await go(page, `#/c/${LIMITED}/overview?ns=demo`);
    await page.click('[data-testid="nav-access"]');
    await page.waitForSelector('[data-testid="rbac-kind-pods"] td[data-verb="delete"]', { timeout: 30_000 });
    expect(await cell(page, 'pods', 'delete')).toBe('yes');
    expect(await cell(page, 'nodes', 'list')).toBe('no');
    expect(await page.textContent('[data-testid="rbac-me"]')).toBe('limited-user');
    // The rule rows (kubectl auth can-i --list's) say the same, and the origins note is honest.
    expect(await page.getAttribute('[data-testid="rbac-row-pods"] td[data-verb="delete"]', 'data-allowed')).toBe('yes');
    expect(await page.$('[data-testid="rbac-row-nodes"]')).toBeNull();
    expect(await page.textContent('[data-testid="rbac-origin-note"]')).toMatch(/without saying where they come from.*cannot be read/);
    await screenshotsAtSizes(page, 'rbac-1-matrix-limited');
    expect(page.errors).toEqual([]);
  }, 90_000);

  it('a can-i asked in the UI gives kubectl\'s answer; asking for someone else without the right says why', async () => {
    await page.click('[data-testid="rbac-tab-can-i"]');
    await page.fill('[data-testid="cani-verb"]', 'delete');
    await page.fill('[data-testid="cani-resource"]', 'pods');
    await page.fill('[data-testid="cani-namespace"]', 'demo');
    await page.click('[data-testid="cani-ask"]');
    await page.waitForSelector('[data-testid="cani-verdict"]');
    expect(await page.textContent('[data-testid="cani-verdict"]')).toBe('yes');
    await page.fill('[data-testid="cani-verb"]', 'list');
    await page.fill('[data-testid="cani-resource"]', 'nodes');
    await page.fill('[data-testid="cani-namespace"]', '');
    await page.click('[data-testid="cani-ask"]');
    await page.waitForSelector('[data-testid="cani-answer"]:has-text("list nodes")');
    expect(await page.textContent('[data-testid="cani-verdict"]')).toBe('no');
    await page.fill('[data-testid="cani-as"]', `system:serviceaccount:${NS}:${SA}`);
    await page.click('[data-testid="cani-ask"]');
    await page.waitForSelector('[data-testid="cani-answer"] [role="alert"]');
    expect(await page.textContent('[data-testid="cani-answer"] [role="alert"]')).toMatch(/may not impersonate.*may not create SubjectAccessReviews/);
  }, 60_000);

  it('as admin: can-i for a ServiceAccount and who-can, both as kubectl and the RBAC objects say; the ServiceAccount\'s details lead to its permissions', async () => {
    await go(page, `#/c/${ADMIN}/overview?ns=${NS}`);
    await page.click('[data-testid="nav-access"]');
    await page.click('[data-testid="rbac-tab-can-i"]');
    await page.fill('[data-testid="cani-verb"]', 'create');
    await page.fill('[data-testid="cani-resource"]', 'deploy');
    await page.fill('[data-testid="cani-namespace"]', NS);
    await page.fill('[data-testid="cani-as"]', `system:serviceaccount:${NS}:${SA}`);
    await page.click('[data-testid="cani-ask"]');
    await page.waitForSelector('[data-testid="cani-verdict"]');
    const theirs = await canI(ADMIN, ['create', 'deployments.apps', '-n', NS, `--as=system:serviceaccount:${NS}:${SA}`]);
    expect(theirs).toBe(true);
    expect(await page.textContent('[data-testid="cani-verdict"]')).toBe('yes');
    expect(await page.textContent('[data-testid="cani-reason"]')).toContain(`RoleBinding "deployer-edit/${NS}"`);
    await screenshotsAtSizes(page, 'rbac-5-can-i');

    await page.click('[data-testid="rbac-tab-who-can"]');
    await page.fill('[data-testid="whocan-verb"]', 'delete');
    await page.fill('[data-testid="whocan-resource"]', 'pods');
    await page.fill('[data-testid="whocan-namespace"]', NS);
    await page.click('[data-testid="whocan-ask"]');
    const row = await page.waitForSelector(`[data-testid="whocan-subject-ServiceAccount ${NS}/${SA}"]`, { timeout: 30_000 });
    expect(await row.textContent()).toContain(`RoleBinding ${NS}/deployer-edit → ClusterRole edit`);
    // The cluster-admin binding to system:masters is there too, and every listed subject really may (kubectl).
    const subjects = await page.$$eval('[data-testid^="whocan-subject-"]', (rs) => rs.map((r) => r.getAttribute('data-testid')!.replace('whocan-subject-', '')));
    expect(subjects).toContain('Group system:masters');
    for (const s of subjects.filter((x) => x.startsWith('User ') || x.startsWith('ServiceAccount ')).slice(0, 5)) {
      const as = s.startsWith('User ') ? s.slice(5) : `system:serviceaccount:${s.slice(15).replace('/', ':')}`;
      expect(await canI(ADMIN, ['delete', 'pods', '-n', NS, `--as=${as}`]), s).toBe(true);
    }
    await page.click('[data-testid="rbac-problems"] summary');
    const problems = await page.textContent('[data-testid="rbac-problems"]');
    expect(problems).toContain(`RoleBinding ${NS}/dangling: Role no-such-role does not exist in namespace ${NS}.`);
    expect(problems).toContain(`RoleBinding ${NS}/dangling: ServiceAccount ${NS}/ghost does not exist.`);
    await screenshotsAtSizes(page, 'rbac-2-who-can');

    await go(page, `#/c/${ADMIN}/r/_/v1/serviceaccounts?ns=${NS}`);
    await openRow(page, SA);
    await page.click('[data-testid="rbac-link-effective"]');
    await page.waitForSelector(`[data-testid="bound-RoleBinding-${NS}-deployer-edit"]`, { timeout: 30_000 });
    expect(await page.textContent('[data-testid="subject-groups"]')).toContain(`system:serviceaccounts:${NS}`);
    await screenshotsAtSizes(page, 'rbac-3-effective-permissions');
    expect(page.errors).toEqual([]);
  }, 120_000);

  it('as admin the matrix names the bindings behind each cell, and a ClusterRole\'s details say who is bound to it', async () => {
    // From the palette: `:access`.
    await go(page, `#/c/${ADMIN}/overview?ns=${NS}`);
    await page.waitForFunction(() => !window.location.hash.includes('/access'));
    await page.keyboard.press('Control+k');
    await page.waitForSelector('[data-testid="palette"][open] [data-testid="palette-input"]:focus');
    await page.keyboard.type(':access');
    await page.waitForSelector('[data-testid="palette-row"][aria-selected="true"]:has-text("Access")');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.location.hash.includes('/access'));
    await page.waitForSelector('[data-testid="rbac-kind-pods"] td[data-verb="delete"][title*="ClusterRoleBinding"]', { timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="rbac-kind-pods"] td[data-verb="delete"]', 'title')).toContain('ClusterRoleBinding cluster-admin → ClusterRole cluster-admin');
    expect(await page.textContent('[data-testid="rbac-origin-note"]')).toContain('worked out from the Roles, ClusterRoles and bindings');
    await screenshotsAtSizes(page, 'rbac-4-matrix-admin');

    await go(page, `#/c/${ADMIN}/r/rbac.authorization.k8s.io/v1/clusterroles`);
    // Many ClusterRoles: the table's own filter brings `edit` into view.
    await page.waitForSelector('input[aria-label="Filter rows"]');
    await page.fill('input[aria-label="Filter rows"]', 'edit');
    await openRow(page, 'edit');
    await page.click('[data-testid="rbac-link-bound"]');
    const bindings = await page.waitForSelector('[data-testid="role-bindings"]', { timeout: 30_000 });
    await page.waitForSelector(`[data-testid="role-bindings"] td:has-text("RoleBinding ${NS}/deployer-edit")`, { timeout: 30_000 });
    expect(await bindings.textContent()).toContain(`ServiceAccount ${NS}/${SA}`);
    expect(await bindings.textContent()).toContain('RoleBinding demo/limited-user-edit');
    expect(page.errors).toEqual([]);
  }, 90_000);
});
