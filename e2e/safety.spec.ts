// One safety model, end to end (Chromium, serve mode, the real test cluster, kubectl as the oracle):
// the topology's "−" to 0 asks first and Cancel changes nothing; the Rollout tab's Restart asks like
// Actions → Restart; deleting a namespace lists what it holds and needs its name typed; a drain shows
// the pods it would evict before it starts (and starting nothing cordons nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { cleanUpNodesAndNamespaces, createFakeNodes, deploymentManifest } from '../src-main/testing/twinTestKit';
import { eventually } from './support/polling';
import { openDetails, openMenu } from './support/details';
import { waitForShell } from './support/navigate';

const CONTEXT = 'wheelhouse-admin';
const SUFFIX = Math.random().toString(36).slice(2, 7);
const NS = `wh-e2e-safety-${SUFFIX}`;
const DOOMED = `wh-e2e-safety-doomed-${SUFFIX}`;
const NODE = `wh-e2e-safety-node-${SUFFIX}`;
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: CONTEXT, input });
const getJson = async (args: string[]) => JSON.parse(await k(['get', ...args, '-o', 'json']));

async function go(page: Page, hash: string) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.waitForFunction((h) => window.location.hash === h, hash);
}

/** Screenshots at the two sizes, light and dark. */
async function shoot(page: Page, name: string) {
  for (const [w, h] of [[1440, 900], [1280, 720]]) {
    await page.setViewportSize({ width: w, height: h });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `test-results/safety-${name}-${w}x${h}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1600, height: 1000 });
}

describe('one safety model (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    serve = await startStreamsServe();
    for (const ns of [NS, DOOMED]) {
      await k(['create', 'namespace', ns]);
      await k(['label', 'namespace', ns, 'wheelhouse.dev/test=e2e-safety']);
      await eventually(() => k(['get', 'serviceaccount', 'default', '-n', ns]), 30_000);
    }
    await createFakeNodes(serve.core.connection(CONTEXT).http, [NODE]);
    await k(['create', '-n', NS, '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [
      deploymentManifest('solo', 'nginx:1.25', 1),
      deploymentManifest('pinned', 'nginx:1.25', 2, { nodeName: NODE }),
    ] }));
    // The namespace to delete: two Deployments, a ConfigMap, a Service.
    await k(['create', '-n', DOOMED, '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [
      deploymentManifest('one', 'nginx:1.25', 1), deploymentManifest('two', 'nginx:1.25', 1),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: '1' } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'front' }, spec: { selector: { app: 'one' }, ports: [{ port: 80 }] } },
    ] }));
    await k(['rollout', 'status', 'deployment/solo', '-n', NS, '--timeout=90s']);
    await k(['rollout', 'status', 'deployment/pinned', '-n', NS, '--timeout=90s']);

    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await waitForShell(page);
  });

  afterAll(async () => {
    await browser?.close();
    if (serve) await cleanUpNodesAndNamespaces(serve.core.connection(CONTEXT).http, [NODE], [NS, DOOMED]).catch(() => undefined);
    await serve?.close();
    cleanRendererBuild();
  });

  it('the topology\'s "−" to 0 asks first: Cancel leaves the replicas as they were, Scale to 0 scales', async () => {
    await go(page, `#/c/${CONTEXT}/overview?ns=${NS}`);
    const card = page.locator('[data-testid="topology-node"][data-kind="Deployment"][data-name="solo"]');
    await card.waitFor({ timeout: 60_000 });
    await eventually(async () => expect(await card.locator('[data-testid="desired-replicas"]').textContent()).toBe('1'));
    const down = card.getByRole('button', { name: 'Scale solo down' });

    await down.click();
    const dialog = page.locator('[data-testid="scale-confirm-dialog"]');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.textContent()).toContain('stops every one of its pods');
    await shoot(page, 'topology-scale-to-zero');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => expect(await card.locator('[data-testid="desired-replicas"]').textContent()).toBe('1'));
    // Nothing was sent: kubectl still reads 1, a while after the stepper's batching delay.
    await page.waitForTimeout(1_500);
    expect((await getJson(['deployment/solo', '-n', NS])).spec.replicas).toBe(1);

    await down.click();
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.locator('[data-testid="confirm"]').click();
    await eventually(async () => expect((await getJson(['deployment/solo', '-n', NS])).spec.replicas).toBe(0), 20_000, 300);
    await eventually(async () => expect(await card.locator('[data-testid="desired-replicas"]').textContent()).toBe('0'));
    await k(['scale', 'deployment/solo', '-n', NS, '--replicas=1']);
  });

  it('the Rollout tab\'s Restart asks like Actions → Restart, and restarts only when confirmed', async () => {
    await openDetails(page, CONTEXT, 'apps/v1/deployments', NS, 'solo');
    await page.click('[data-testid="dp-tab-rollout"]');
    const restart = page.locator('[data-testid="ro-restart"]');
    await eventually(async () => expect(await restart.isDisabled()).toBe(false), 30_000);
    await restart.click();
    const dialog = page.locator('[data-testid="restart-dialog"]');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.textContent()).toContain('kubectl rollout restart');
    await shoot(page, 'rollout-restart');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await getJson(['deployment/solo', '-n', NS])).spec.template.metadata?.annotations?.[RESTARTED_AT]).toBeUndefined();

    await restart.click();
    await dialog.locator('[data-testid="confirm"]').click();
    await eventually(async () => expect((await getJson(['deployment/solo', '-n', NS])).spec.template.metadata?.annotations?.[RESTARTED_AT]).toMatch(/^\d{4}-/), 20_000);
  });

  it('deleting a namespace lists what it holds, offers no propagation choice and needs the name typed', async () => {
    await openDetails(page, CONTEXT, '_/v1/namespaces', undefined, DOOMED);
    await openMenu(page);
    await page.click('[data-testid="action-delete"]');
    const dialog = page.locator('[data-testid="delete-dialog"]');
    await dialog.waitFor();
    await eventually(async () => {
      expect(await dialog.locator('[data-testid="ns-count-Deployment"] td.num').textContent()).toBe('2');
      expect(await dialog.locator('[data-testid="ns-count-ConfigMap"] td.num').textContent()).toMatch(/^[1-9]/); // ours, plus kube-root-ca.crt
      expect(await dialog.locator('[data-testid="ns-count-Service"] td.num').textContent()).toBe('1');
      expect(await dialog.locator('[data-testid="ns-count-Pod"] td.num').textContent()).toBe('2');
    }, 30_000);
    expect(await dialog.locator('[data-testid^="delete-policy-"]').count()).toBe(0);
    const confirm = dialog.locator('[data-testid="delete-confirm"]');
    expect(await confirm.isDisabled()).toBe(true);
    expect(await confirm.getAttribute('title')).toBe(`Type ${DOOMED} to confirm`);
    await dialog.locator('[data-testid="delete-name"]').fill(DOOMED.slice(0, -1));
    expect(await confirm.isDisabled()).toBe(true);
    await shoot(page, 'namespace-delete');
    await dialog.locator('[data-testid="delete-name"]').fill(DOOMED);
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => {
      const out = await k(['get', 'namespace', DOOMED, '--ignore-not-found', '-o', 'jsonpath={.status.phase}']);
      expect(['', 'Terminating']).toContain(out.trim());
    }, 20_000);
  });

  it('drain previews the pods it would evict before it starts; closing it cordons nothing', async () => {
    await openDetails(page, CONTEXT, '_/v1/nodes', undefined, NODE);
    await openMenu(page);
    await page.click('[data-testid="action-drain"]');
    const preview = page.locator('[data-testid="drain-preview"]');
    await preview.waitFor({ timeout: 30_000 });
    const pods = (await getJson(['pods', '-n', NS, '--field-selector', `spec.nodeName=${NODE}`])).items.map((p: any) => `${NS}/${p.metadata.name}`).sort();
    expect(pods).toHaveLength(2);
    const listed = (await preview.locator('[data-testid="drain-preview-pod"] .mono').allTextContents()).sort();
    expect(listed).toEqual(pods);
    expect(await preview.locator('[data-testid="drain-preview-evict"] b').first().textContent()).toBe('Will be evicted (2)');
    expect(await page.locator('[data-testid="drain-start"]').isDisabled()).toBe(false);
    await shoot(page, 'drain-preview');
    await page.click('[data-testid="drain-dialog"] .modal-close');
    expect((await getJson([`node/${NODE}`])).spec.unschedulable).toBeUndefined();
    expect(page.errors).toEqual([]);
  });
});
