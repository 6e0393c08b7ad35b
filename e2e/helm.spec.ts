// Helm releases end to end (Chromium, serve mode, the real test cluster, the pinned helm on the PATH the
// app sees): the demo release (seeded by the same code as `npm run demo`, in this spec's namespace) is
// opened from the sidebar, revisions 1 and 2 are diffed (the changed value and the changed manifest
// line), and a rollback to 1 is previewed, confirmed, and seen as revision 3 live, checked with helm.
import { delimiter } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { ensureHelm, helm, helmBinDir, seedHelmRelease } from '../test-cluster/helm.mjs';
import { goTo } from './support/navigate';

const CONTEXT = 'wheelhouse-admin';
const NS = `wh-e2e-helm-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: CONTEXT });
const helmJson = async (args: string[]) => JSON.parse(await helm([...args, '-o', 'json'], { kubeconfig: testKubeconfig(), context: CONTEXT }));

async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(150);
      await page.screenshot({ path: `test-results/helm-${name}-${w}x${h}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('Helm releases in the UI (real test cluster, real helm)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };
  const savedPath = process.env.PATH;

  beforeAll(async () => {
    ensureHelm();
    // The app finds helm on its PATH (plus the login shell's), like a user's install.
    process.env.PATH = `${helmBinDir()}${delimiter}${savedPath ?? ''}`;
    await k(['create', 'namespace', NS]);
    await eventually(() => k(['get', 'serviceaccount', 'default', '-n', NS]), 30_000);
    await seedHelmRelease({ kubeconfig: testKubeconfig(), context: CONTEXT, namespace: NS, release: 'hello' });

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

  it('opens the seeded release from the sidebar: the table shows what `helm list -a` prints', async () => {
    await page.click('[data-testid="nav-helm-releases"]');
    const row = page.locator(`[data-testid="helm-release-${NS}-hello"]`);
    await row.waitFor({ timeout: 60_000 });
    const [listed] = await helmJson(['list', '-n', NS]);
    const cells = await row.locator('td').allTextContents();
    expect(cells).toEqual([listed.name, listed.namespace, listed.revision, listed.updated, listed.status, listed.chart, listed.app_version]);
    await shoot(page, '1-releases');

    await row.locator('a').click();
    await page.waitForSelector('[data-testid="helm-release-page"]');
    await eventually(async () => expect(await page.textContent('[data-testid="helm-current-revision"]')).toContain('revision 2'));
    await eventually(async () => expect(await page.textContent('[data-testid="helm-object-Deployment-hello-hello"]')).toContain('Healthy'), 60_000);
    expect(await page.textContent('[data-testid="helm-notes"]')).toContain('hello says bonjour');
    // helm is found on the app's PATH and the admin may write the release storage: the actions are enabled.
    await page.waitForSelector('[data-testid="helm-upgrade"]:not([disabled])', { timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="helm-upgrade"]', 'title')).toContain('dry-run preview');
    await shoot(page, '2-release-page');
  });

  it('diffs revision 1 with 2: the changed value and the changed manifest line', async () => {
    await page.click('[data-testid="helm-tab-diff"]');
    await page.selectOption('[data-testid="helm-diff-from"]', '1');
    await page.selectOption('[data-testid="helm-diff-to"]', '2');
    const values = page.locator('[data-testid="helm-values-diff"]');
    await values.waitFor({ timeout: 30_000 });
    await eventually(async () => {
      const t = (await values.textContent()) ?? '';
      expect(t).toContain('greeting: hello');
      expect(t).toContain('greeting: bonjour');
    });
    const cm = page.locator('[data-testid="helm-object-diff-ConfigMap-hello-hello"]');
    expect(await cm.textContent()).toContain('GREETING: "hello"');
    expect(await cm.textContent()).toContain('GREETING: "bonjour"');
    // Only the ConfigMap changed: the Deployment and Service are counted as the same.
    expect(await page.locator('[data-testid^="helm-object-diff-"]').count()).toBe(1);
    expect(await page.textContent('[data-testid="helm-revision-diff"]')).toContain('1 object changed, 2 the same');
    await shoot(page, '3-revision-diff');
  });

  it('rolls back to revision 1 after the preview (revision 2 → 1); revision 3 appears live, as helm records it', async () => {
    await page.click('[data-testid="helm-tab-history"]');
    await page.click('[data-testid="helm-rollback-1"]');
    const dialog = page.locator('[data-testid="helm-rollback-dialog"]');
    const preview = dialog.locator('[data-testid="helm-rollback-preview"]');
    await preview.waitFor({ timeout: 30_000 });
    await eventually(async () => {
      const t = (await preview.textContent()) ?? '';
      expect(t).toContain('greeting: bonjour');
      expect(t).toContain('greeting: hello');
      expect(t).toContain('GREETING: "hello"');
    });
    // The preview is a dry run: helm still has two revisions.
    expect(await helmJson(['history', 'hello', '-n', NS])).toHaveLength(2);
    await page.screenshot({ path: 'test-results/helm-4-rollback-preview.png' });

    await dialog.locator('[data-testid="confirm"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    const row3 = page.locator('[data-testid="helm-history-3"]');
    await row3.waitFor({ timeout: 30_000 });
    await eventually(async () => expect(await row3.textContent()).toContain('deployed'));
    expect(await row3.textContent()).toContain('Rollback to 1');
    expect(await page.textContent('[data-testid="helm-current-revision"]')).toContain('revision 3');
    const history = await helmJson(['history', 'hello', '-n', NS]);
    expect(history.map((h: any) => [h.revision, h.status, h.description])).toEqual([
      [1, 'superseded', 'Install complete'], [2, 'superseded', 'Upgrade complete'], [3, 'deployed', 'Rollback to 1'],
    ]);
    expect((await helmJson(['get', 'values', 'hello', '-n', NS])).greeting).toBe('hello');
    await shoot(page, '5-after-rollback');
  });

  it('shows user-supplied and computed values, a secret-looking value masked until asked', async () => {
    await page.click('[data-testid="helm-tab-values"]');
    const yaml = page.locator('[data-testid="helm-values-yaml"]');
    await eventually(async () => expect((await yaml.textContent())?.trim()).toBe('greeting: hello'));
    await page.click('[data-testid="helm-values-all"]');
    await eventually(async () => expect(await yaml.textContent()).toContain('repository: nginx'));
    const all = (await yaml.textContent()) ?? '';
    expect(all).toContain('password: ••••••••');
    expect(all).not.toContain('changeme');
    await page.screenshot({ path: 'test-results/helm-6-values-masked.png' });
    await page.click('[data-testid="helm-values-reveal"]');
    await eventually(async () => expect(await yaml.textContent()).toContain('password: changeme'));
  });

  it('draws the release\'s objects and what they own as a graph, healthy, and follows a `kubectl scale` live', async () => {
    // A Deployment in the same namespace that is not the release's: the graph leaves it out.
    await k(['create', 'deployment', 'bystander', '--image=nginx', '-n', NS]);
    await page.evaluate(() => localStorage.setItem('wheelhouse.testHooks', '1'));
    await page.click('[data-testid="helm-tab-graph"]');
    const graph = page.locator('[data-testid="helm-graph"]');
    type Node = { id: string; kind: string; name: string; health: string; hidden: boolean };
    const shown = async (): Promise<Node[]> =>
      (JSON.parse((await graph.locator('[data-testid="topology-nodes"]').textContent({ timeout: 60_000 })) ?? '[]') as Node[]).filter((n) => !n.hidden);
    const releasePods = async () => (JSON.parse(await k(['get', 'pods', '-n', NS, '-l', 'app.kubernetes.io/instance=hello', '-o', 'json'])).items as any[])
      .filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();
    const expectGraph = async (replicas: number) => {
      const pods = await releasePods();
      expect(pods).toHaveLength(replicas);
      const nodes = await shown();
      const names = (kind: string) => nodes.filter((n) => n.kind === kind).map((n) => n.name).sort();
      expect(names('Deployment')).toEqual(['hello-hello']);
      expect(names('Service')).toEqual(['hello-hello']);
      expect(names('ConfigMap')).toEqual(['hello-hello']);
      expect(names('Pod')).toEqual(pods);
      const rs = JSON.parse(await k(['get', 'deployment/hello-hello', '-n', NS, '-o', 'json']));
      expect(names('ReplicaSet').length).toBeGreaterThanOrEqual(1);
      expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(['Deployment', 'ReplicaSet', 'Pod', 'Service', 'ConfigMap']));
      for (const n of nodes.filter((n) => n.kind !== 'ConfigMap')) expect(`${n.kind}/${n.name} ${n.health}`).toBe(`${n.kind}/${n.name} Healthy`);
      expect(rs.status.readyReplicas).toBe(replicas);
    };
    await eventually(() => expectGraph(1), 60_000);
    expect(await graph.locator('[data-testid="topology-node"][data-name="bystander"]').count()).toBe(0);
    await shoot(page, '6b-release-graph');

    await k(['scale', 'deployment/hello-hello', '-n', NS, '--replicas=3']);
    await eventually(() => expectGraph(3), 60_000);
    // A card opens the object's details, like the topology's.
    await graph.locator('[data-testid="topology-node"][data-kind="Deployment"][data-name="hello-hello"]').click();
    const details = page.locator('[data-testid="details"]');
    await details.waitFor({ timeout: 30_000 });
    expect(await details.getAttribute('aria-label')).toBe('Details of hello-hello');
    await details.locator('button[aria-label="Close details"]').click();
    await details.waitFor({ state: 'detached', timeout: 10_000 });
    await k(['delete', 'deployment', 'bystander', '-n', NS]);
  });

  it('drift: after `kubectl scale` the Deployment (only it) is OutOfSync, with the replicas line', async () => {
    await k(['scale', 'deployment/hello-hello', '-n', NS, '--replicas=3']);
    await page.click('[data-testid="helm-tab-drift"]');
    const sync = (kind: string) => page.textContent(`[data-testid="helm-drift-${kind}-hello-hello"] [data-testid="helm-sync"]`);
    await eventually(async () => expect(await sync('Deployment')).toBe('OutOfSync'));
    expect(await sync('ConfigMap')).toBe('Synced');
    expect(await sync('Service')).toBe('Synced');
    const diff = page.locator('[data-testid="helm-drift-diff-Deployment-hello-hello"]');
    const text = (await diff.textContent()) ?? '';
    expect(text).toContain('replicas: 3');
    expect(text).toContain('replicas: 1');
    expect(await page.locator('[data-testid^="helm-drift-diff-"]').count()).toBe(1);
    await shoot(page, '7-drift');
  });

  it('upgrades with edited values after a dry-run preview: the scale made behind Helm\'s back conflicts, forcing takes it back', async () => {
    await page.click('[data-testid="helm-upgrade"]');
    const dialog = page.locator('[data-testid="helm-upgrade-dialog"]');
    const editor = dialog.locator('[data-testid="helm-upgrade-values"] .cm-content');
    await editor.waitFor({ timeout: 30_000 });
    await eventually(async () => expect((await editor.textContent())?.trim()).toBe('greeting: hello'));
    // Confirming is not possible before the changed values were previewed.
    expect(await dialog.locator('[data-testid="confirm"]').isDisabled()).toBe(true);
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('greeting: hola\nreplicaCount: 2\n');
    await dialog.locator('[data-testid="helm-upgrade-preview"]').click();
    const preview = dialog.locator('[data-testid="helm-upgrade-preview-diff"]');
    await preview.waitFor({ timeout: 60_000 });
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('GREETING: "hola"');
    expect(text).toContain('2 objects changed, 1 the same');
    expect(await helmJson(['history', 'hello', '-n', NS])).toHaveLength(3);
    await page.screenshot({ path: 'test-results/helm-8-upgrade-preview.png' });

    // helm applies server-side: the replicas kubectl scaled (the drift above) are kubectl's now, and
    // helm refuses to take them without --force-conflicts. Its own words come back in the dialog.
    await dialog.locator('[data-testid="confirm"]').click();
    const error = dialog.locator('[data-testid="dialog-error"]');
    await error.waitFor({ timeout: 120_000 });
    expect(await error.textContent()).toMatch(/helm upgrade failed: UPGRADE FAILED: conflict occurred while applying object .*hello-hello.*conflict with "kubectl" with subresource "scale".*\.spec\.replicas/s);
    await eventually(async () => expect(await page.textContent('[data-testid="helm-current-revision"]')).toContain('revision 4'));
    expect((await helmJson(['history', 'hello', '-n', NS])).at(-1)).toMatchObject({ revision: 4, status: 'failed' });
    await page.screenshot({ path: 'test-results/helm-9-upgrade-conflict.png' });

    await dialog.locator('[data-testid="helm-force-conflicts"]').check();
    await dialog.locator('[data-testid="confirm"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    await eventually(async () => expect(await page.textContent('[data-testid="helm-current-revision"]')).toContain('revision 5'));
    expect(await helmJson(['get', 'values', 'hello', '-n', NS])).toEqual({ greeting: 'hola', replicaCount: 2 });
    expect(JSON.parse(await k(['get', 'configmap/hello-hello', '-n', NS, '-o', 'json'])).data).toEqual({ GREETING: 'hola' });
    expect(JSON.parse(await k(['get', 'deployment/hello-hello', '-n', NS, '-o', 'json'])).spec.replicas).toBe(2);
  });

  it('uninstalls keeping the history after a preview; the page shows it uninstalled, as helm does', async () => {
    await page.click('[data-testid="helm-uninstall"]');
    const dialog = page.locator('[data-testid="helm-uninstall-dialog"]');
    await dialog.locator('[data-testid="helm-keep-history"]').check();
    await eventually(async () => expect(await dialog.locator('[data-testid="helm-uninstall-preview"]').textContent()).toMatch(/uninstalled/));
    expect(await dialog.textContent()).toContain('keeps its history');
    await page.screenshot({ path: 'test-results/helm-10-uninstall-preview.png' });
    await dialog.locator('[data-testid="confirm"]').click();
    await dialog.waitFor({ state: 'detached', timeout: 120_000 });
    await eventually(async () => expect(await page.textContent('[data-testid="helm-release-page"] .toolbar [data-testid="helm-status"]')).toBe('uninstalled'));
    expect((await helmJson(['history', 'hello', '-n', NS])).at(-1)).toMatchObject({ revision: 5, status: 'uninstalled' });
    await eventually(async () => expect(JSON.parse(await k(['get', 'deployments,services,configmaps', '-n', NS, '-l', 'app.kubernetes.io/instance=hello', '-o', 'json'])).items).toEqual([]));
    expect(page.errors).toEqual([]);
  });
});
