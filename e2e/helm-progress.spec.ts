// helm's output, live, end to end (Chromium, serve mode, the real test cluster, the pinned helm): an
// upgrade with "Wait until ready" on pods KWOK never makes Ready shows, while helm still waits, what
// helm waits for in the dialog and as a running entry of the Activity panel; then helm gives up and
// the same entry says so, as helm's own history does.
import { delimiter } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { ensureHelm, helm, helmBinDir, HELLO_CHART } from '../test-cluster/helm.mjs';
import { STUCK_LABEL } from '../test-cluster/kwok-config.mjs';
import { goTo } from './support/navigate';

const CONTEXT = 'wheelhouse-admin';
const NS = `wh-e2e-helmprog-${Math.random().toString(36).slice(2, 7)}`;
const WAIT_SECONDS = 12;
const k = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: CONTEXT });
const helmJson = async (args: string[]) => JSON.parse(await helm([...args, '-o', 'json'], { kubeconfig: testKubeconfig(), context: CONTEXT }));

describe('helm output streamed live into the dialog and the activity log (real cluster, real helm)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };
  const savedPath = process.env.PATH;

  beforeAll(async () => {
    ensureHelm();
    process.env.PATH = `${helmBinDir()}${delimiter}${savedPath ?? ''}`;
    await k(['create', 'namespace', NS]);
    await eventually(() => k(['get', 'serviceaccount', 'default', '-n', NS]), 30_000);
    await helm(['install', 'hello', HELLO_CHART, '-n', NS, '--set', 'greeting=hello'], { kubeconfig: testKubeconfig(), context: CONTEXT });
    serve = await startStreamsServe();
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
    await goTo(page, `#/c/${CONTEXT}/overview?ns=${NS}`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    cleanRendererBuild();
    process.env.PATH = savedPath;
    await k(['delete', 'namespace', NS, '--wait=false']).catch(() => undefined);
  });

  it('an upgrade that waits shows helm\'s "waiting for resource" lines before helm gives up, then the failure in the same entry', async () => {
    await page.click('[data-testid="nav-helm-releases"]');
    await page.locator(`[data-testid="helm-release-${NS}-hello"] a`).click();
    await page.waitForSelector('[data-testid="helm-upgrade"]:not([disabled])', { timeout: 60_000 });
    await page.click('[data-testid="helm-upgrade"]');
    const dialog = page.locator('[data-testid="helm-upgrade-dialog"]');
    const editor = dialog.locator('[data-testid="helm-upgrade-values"] .cm-content');
    await editor.waitFor({ timeout: 30_000 });
    await eventually(async () => expect((await editor.textContent())?.trim()).toBe('greeting: hello'));
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(`greeting: waiting\npodLabels:\n  ${STUCK_LABEL}: "true"\n`);
    await dialog.locator('[data-testid="helm-upgrade-preview"]').click();
    await dialog.locator('[data-testid="helm-upgrade-preview-diff"]').waitFor({ timeout: 60_000 });
    expect(await dialog.locator('[data-testid="helm-wait-seconds"]').isDisabled()).toBe(true);
    await dialog.locator('[data-testid="helm-wait"]').check();
    await dialog.locator('[data-testid="helm-wait-seconds"]').fill(String(WAIT_SECONDS));

    await dialog.locator('[data-testid="confirm"]').click();
    const started = Date.now();
    const progress = dialog.locator('[data-testid="helm-progress"]');
    await eventually(async () => expect(await progress.textContent()).toContain('msg="waiting for resource"'), 30_000);
    const sawWaitingAfter = Date.now() - started;
    // helm is still waiting: the release is pending-upgrade, as helm itself reports it.
    expect((await helmJson(['status', 'hello', '-n', NS])).info.status).toBe('pending-upgrade');
    expect(sawWaitingAfter).toBeLessThan((WAIT_SECONDS - 2) * 1000);
    await page.screenshot({ path: 'test-results/helm-progress-1-dialog.png' });

    // helm gives up after WAIT_SECONDS: its error is the dialog's, and the release's revision 2 failed.
    const error = dialog.locator('[data-testid="dialog-error"]');
    await error.waitFor({ timeout: (WAIT_SECONDS + 60) * 1000 });
    expect(await error.textContent()).toMatch(/helm upgrade failed: UPGRADE FAILED: resource Deployment\/.*hello-hello not ready/);
    expect((await helmJson(['history', 'hello', '-n', NS])).at(-1)).toMatchObject({ revision: 2, status: 'failed' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The Activity panel has that one entry, ended (refused) with helm's words.
    await page.click('[data-testid="activity-button"]');
    const entry = page.locator('[data-testid="activity-entry"][data-action="helm upgrade"][data-dry-run="false"]');
    await eventually(async () => expect(await entry.count()).toBe(1));
    expect(await entry.getAttribute('data-outcome')).toBe('refused');
    expect(await entry.textContent()).toMatch(/not ready/);
    await page.screenshot({ path: 'test-results/helm-progress-2-activity.png' });
    expect(page.errors).toEqual([]);
  }, 180_000);
});
