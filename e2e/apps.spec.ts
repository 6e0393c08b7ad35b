// Applications end to end (Chromium, serve mode, the real test cluster): add an application from a
// fixture folder copied to a temp dir, sync it through the preview and the confirmation, see it
// OutOfSync after `kubectl scale`, open the diff and find the replicas line, meet the conflict with
// kubectl's field manager (named, not forced), take ownership, see Synced; then edit a file on disk
// and watch the status change without a click. Screenshots of the list, the page and a diff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { copyAppFixture } from '../src-main/testing/appFixtures';
import { eventually } from './support/polling';
import { waitForShell } from './support/navigate';

const ADMIN = 'wheelhouse-admin';
const NS = `wh-e2e-apps-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN });

async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `test-results/apps-${name}-${w}x${h}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

const objectState = (page: Page, kind: string, name: string) => page.locator(`[data-testid="app-object-${kind}-${name}"]`).getAttribute('data-state');

async function waitObjectState(page: Page, kind: string, name: string, state: string, timeout = 15_000) {
  await page.waitForSelector(`[data-testid="app-object-${kind}-${name}"][data-state="${state}"]`, { timeout });
}

async function syncThroughDialog(page: Page, opts: { force: boolean }) {
  await page.click('[data-testid="app-sync-open"]');
  await page.waitForSelector('[data-testid="sync-dialog"]');
  if (opts.force) await page.check('[data-testid="sync-force"]');
  await page.click('[data-testid="sync-preview"]');
  await page.waitForSelector('[data-testid="sync-plan"]', { timeout: 30_000 });
}

describe('Applications (serve mode, real cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };
  let dir: string;
  let sha: string;

  beforeAll(async () => {
    dir = copyAppFixture('plain', NS);
    // The CRD and its custom resource are cluster-wide; the integration tests cover them.
    for (const f of ['crd.yaml', 'widget.yaml']) rmSync(join(dir, f));
    // A git work tree, as most application folders are: the list shows HEAD's short sha.
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', ...args], { encoding: 'utf8' }).trim();
    git('init', '-q'); git('add', '.'); git('commit', '-qm', 'shop');
    sha = git('rev-parse', '--short', 'HEAD');
    serve = await startStreamsServe();
    browser = await launchChromium();
    page = await openApp(browser, serve, `#/c/${ADMIN}/overview`);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    cleanRendererBuild();
    await k(['delete', 'namespace', NS, '--ignore-not-found', '--wait=false']).catch(() => {});
  });

  it('adds an application from a folder, syncs it, and shows it Synced', async () => {
    await waitForShell(page);
    await page.click('[data-testid="nav-applications"]');
    await page.waitForSelector('[data-testid="apps-view"]');
    await page.click('[data-testid="apps-add"]');
    await page.fill('[data-testid="app-path"]', dir);
    await page.waitForSelector('[data-testid="app-detect"] .note');
    expect(await page.textContent('[data-testid="app-detect"]')).toMatch(/plain manifests/);
    await page.fill('[data-testid="app-name"]', 'shop');
    await page.fill('[data-testid="app-namespace"]', NS);
    await page.click('[data-testid="add-app-confirm"]');
    await page.waitForSelector('[data-testid="app-page"]');
    await waitObjectState(page, 'Deployment', 'web', 'Missing', 30_000);

    await syncThroughDialog(page, { force: false });
    expect(await page.locator('[data-testid="plan-create"]').count()).toBe(6);
    await page.click('[data-testid="sync-apply"]');
    await page.click('[data-testid="sync-confirm"] [data-testid="confirm"]');
    await page.waitForSelector('[data-testid="sync-dialog"]', { state: 'detached', timeout: 60_000 });
    await page.waitForSelector('[data-testid="app-page-sync"]:text-is("Synced")', { timeout: 30_000 });
    const web = JSON.parse(await k(['get', 'deployment', 'web', '-n', NS, '-o', 'json']));
    expect(web.spec.replicas).toBe(2);
  }, 120_000);

  it('is OutOfSync after kubectl scale; the diff shows replicas; the conflict names kubectl and is not forced', async () => {
    await k(['scale', 'deployment/web', '-n', NS, '--replicas=5']);
    const scaled = Date.now();
    await waitObjectState(page, 'Deployment', 'web', 'OutOfSync');
    console.log(`[apps e2e] kubectl scale returned → status changed on the page in ${Date.now() - scaled} ms`);
    await page.click('[data-testid="app-object-Deployment-web"] [data-testid="object-diff"]');
    await page.waitForSelector('[data-testid="app-diff-view"] .cm-mergeView', { timeout: 30_000 });
    const changed = await page.locator('[data-testid="app-diff-view"] .cm-changedLine').allTextContents();
    expect(changed.join('\n')).toMatch(/replicas: 5/);
    expect(changed.join('\n')).toMatch(/replicas: 2/);
    await shoot(page, 'diff');
    await page.click('[data-testid="app-diff"] .modal-close');

    // Back in the list: the application is OutOfSync there too.
    await page.click('text=← Applications');
    await page.waitForSelector('[data-testid="app-row-shop"] [data-testid="app-sync"]:text-is("OutOfSync")');
    expect(await page.textContent('[data-testid="app-row-shop"] [data-testid="app-revision"]')).toBe(sha);
    expect(await page.textContent('[data-testid="app-row-shop"] [data-testid="app-last-sync"]')).toMatch(/by Wheelhouse .*: ok$/);
    await shoot(page, 'list');
    await page.click('[data-testid="app-row-shop"]');
    await page.waitForSelector('[data-testid="app-page"]');
    await waitObjectState(page, 'Deployment', 'web', 'OutOfSync');
    expect(await page.textContent('[data-testid="app-object-Deployment-web"] [data-testid="object-conflicts"]')).toMatch(/spec\.replicas.*\(kubectl/);

    await syncThroughDialog(page, { force: false });
    const conflictText = await page.textContent('[data-testid="sync-conflicts"]');
    expect(conflictText).toMatch(/kubectl/);
    expect(await page.locator('[data-testid="plan-conflict"]').count()).toBe(1);
    await page.click('[data-testid="sync-apply"]');
    await page.click('[data-testid="sync-confirm"] [data-testid="confirm"]');
    // The sync reports the conflict and writes nothing to that field.
    await page.waitForSelector('[data-testid="sync-confirm"]', { state: 'detached', timeout: 60_000 });
    expect(JSON.parse(await k(['get', 'deployment', 'web', '-n', NS, '-o', 'json'])).spec.replicas).toBe(5);

    // Taking ownership is explicit.
    await page.check('[data-testid="sync-force"]');
    await page.click('[data-testid="sync-preview"]');
    await page.waitForSelector('[data-testid="plan-change"]', { timeout: 30_000 });
    await page.click('[data-testid="sync-apply"]');
    await page.click('[data-testid="sync-confirm"] [data-testid="confirm"]');
    await page.waitForSelector('[data-testid="sync-dialog"]', { state: 'detached', timeout: 60_000 });
    await page.waitForSelector('[data-testid="app-page-sync"]:text-is("Synced")', { timeout: 30_000 });
    expect(JSON.parse(await k(['get', 'deployment', 'web', '-n', NS, '-o', 'json'])).spec.replicas).toBe(2);
    await shoot(page, 'page');

    // The tree: the namespace's topology, the application's objects badged with their state.
    await page.click('[data-testid="app-tree-tab"]');
    await page.waitForSelector('[data-testid="app-tree"] [data-testid="topology-node"][data-kind="Deployment"][data-name="web"] [data-testid="node-badge"][data-badge="Synced"]', { timeout: 30_000 });
    await page.waitForTimeout(500);
    await shoot(page, 'tree');
    await page.click('[role="tab"]:text-is("Objects")');
  }, 180_000);

  it('a file edited on disk changes the status without a click', async () => {
    const file = join(dir, 'config.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('greeting: hello', 'greeting: bonjour'));
    const t0 = Date.now();
    await waitObjectState(page, 'ConfigMap', 'web-config', 'OutOfSync', 10_000);
    const took = Date.now() - t0;
    console.log(`[apps e2e] file saved → status changed on the page in ${took} ms`);
    // The goal is 2 s; the bound leaves room for a loaded 2-core machine, the figure above is the measure.
    expect(took).toBeLessThan(4_000);
    expect(await objectState(page, 'Deployment', 'web')).toBe('Synced');
    expect(await page.textContent('[data-testid="app-object-ConfigMap-web-config"]')).toMatch(/data\.greeting/);
    await page.waitForSelector(`[data-testid="app-page-revision"]:text-is("${sha} (dirty)")`, { timeout: 10_000 });
    expect(page.errors).toEqual([]);
  }, 60_000);

  it('each sync is on the synced Deployment\'s change timeline (details → Rollout), naming the application and revision', async () => {
    // From the sidebar: the application's namespace in the picker, Topology, the Deployment's card.
    await page.selectOption('[data-testid="namespace-picker"]', NS);
    await page.click('a.nav-kind:text-is("Topology")');
    await page.locator('[data-testid="topology-node"][data-kind="Deployment"][data-name="web"] .card-name').click();
    await page.waitForSelector('[data-testid="details"]');
    await page.click('[data-testid="dp-tab-rollout"]');
    // Three syncs wrote the Deployment: created it, the refused one (a conflict: nothing written, so no entry), the forced one.
    const synced = await eventually(async () => {
      const texts = await page.$$eval('[data-testid="timeline-entry"][data-kind="synced"]', (els) => els.map((e) => e.textContent ?? ''));
      expect(texts).toHaveLength(2);
      return texts;
    }, 30_000);
    // Newest first: the forced sync configured it, the first created it; both at HEAD (the file edit came after).
    expect(synced[0]).toContain(`Synced by application shop at revision ${sha}`);
    expect(synced[1]).toContain(`Created by application shop at revision ${sha}`);
    for (const t of synced) expect(t).toContain('by wheelhouse (apply)');
    await page.locator('[data-testid="timeline"]').scrollIntoViewIfNeeded();
    await shoot(page, 'timeline');
    expect(page.errors).toEqual([]);
  }, 90_000);
});
