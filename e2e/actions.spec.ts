// The details header's actions menu end to end (Chromium, serve mode, the real test cluster): cordon,
// uncordon and drain a KWOK node of this spec's own (a PodDisruptionBudget blocks part of the drain,
// which must be reported, not waited on forever); delete with a propagation choice behind a typed-name
// confirmation; and, as the limited user (view only in our namespace), actions RBAC forbids shown
// disabled with the reason, and the
// HPA warning with its link when scaling an autoscaled Deployment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { cleanUpNodesAndNamespaces, createFakeNodes, deploymentManifest } from '../src-main/testing/twinTestKit';
import type { KubeHttp } from '../src-main/core/cluster/kubeHttp';
import { eventually } from './support/polling';
import { openDetails, openMenu } from './support/details';

const ADMIN = 'wheelhouse-admin';
const LIMITED = 'wheelhouse-limited';
const SUFFIX = Math.random().toString(36).slice(2, 7);
const NS = `wh-e2e-actions-${SUFFIX}`;
const NODE = `wh-e2e-node-${SUFFIX}`;

const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, input });
const getJson = async (args: string[]) => JSON.parse(await k(['get', ...args, '-o', 'json']));


describe('the actions menu (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };
  let http: KubeHttp;

  beforeAll(async () => {
    serve = await startStreamsServe();
    http = serve.core.connection(ADMIN).http;
    await k(['create', 'namespace', NS]);
    await eventually(() => k(['get', 'serviceaccount', 'default', '-n', NS]), 30_000);
    await createFakeNodes(http, [NODE]);
    // On our node: `guarded` (2 pods, a PDB that allows no disruption) and `free` (1 pod, no PDB).
    await k(['create', '-n', NS, '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [
      deploymentManifest('guarded', 'nginx:1.25', 2, { nodeName: NODE }),
      deploymentManifest('free', 'nginx:1.25', 1, { nodeName: NODE }),
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'guarded' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'guarded' } } } },
    ] }));
    await eventually(async () => {
      const pods = (await getJson(['pods', '-n', NS, '--field-selector', `spec.nodeName=${NODE}`])).items.filter((p: any) => p.status?.phase === 'Running');
      expect(pods).toHaveLength(3);
      const pdb = await getJson(['pdb/guarded', '-n', NS]);
      expect(pdb.status?.currentHealthy).toBe(2);
      expect(pdb.status?.observedGeneration).toBe(pdb.metadata.generation);
    }, 90_000);

    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1600, height: 1000 });
  });

  afterAll(async () => {
    await browser?.close();
    if (http) await cleanUpNodesAndNamespaces(http, [NODE], [NS]).catch(() => undefined);
    await serve?.close();
    cleanRendererBuild();
  });

  it('cordons and uncordons a node from its details, as kubectl reads it back', async () => {
    await openDetails(page, ADMIN, '_/v1/nodes', undefined, NODE);
    await openMenu(page);
    expect(await page.locator('[data-testid="action-uncordon"]').count()).toBe(0);
    await page.click('[data-testid="action-cordon"]');
    await page.waitForSelector('[data-testid="toast"]:has-text("cordoned")');
    await eventually(async () => expect((await getJson([`node/${NODE}`])).spec.unschedulable).toBe(true));

    // The menu follows the node: now it offers Uncordon.
    await eventually(async () => {
      await openMenu(page);
      const has = await page.locator('[data-testid="action-uncordon"]').count();
      if (!has) await page.keyboard.press('Escape');
      expect(has).toBe(1);
    }, 20_000, 500);
    await page.click('[data-testid="action-uncordon"]');
    await eventually(async () => expect((await getJson([`node/${NODE}`])).spec.unschedulable).toBeUndefined());
  });

  it('drains the node: per-pod progress, the free pod evicted, the PDB-guarded ones reported as blocked', async () => {
    await openMenu(page);
    await page.click('[data-testid="action-drain"]');
    await page.waitForSelector('[data-testid="drain-dialog"]');
    await page.fill('[data-testid="drain-timeout"]', '4');
    await page.screenshot({ path: 'test-results/actions-1-drain-options.png' });
    await page.click('[data-testid="drain-start"]');

    const phase = page.locator('[data-testid="drain-phase"]');
    await page.waitForSelector('[data-testid="drain-phase"][data-phase="done"]', { timeout: 90_000 });
    const rows = await page.$$eval('[data-testid="drain-pod"]', (els) => els.map((e) => ({ text: e.textContent ?? '', state: e.getAttribute('data-state') })));
    expect(rows.filter((r) => r.text.includes(`${NS}/guarded-`)).map((r) => r.state)).toEqual(['blocked', 'blocked']);
    expect(rows.filter((r) => r.text.includes(`${NS}/free-`)).map((r) => r.state)).toEqual([expect.stringMatching(/^(gone|evicted)$/)]);
    expect(await phase.textContent()).toContain('PodDisruptionBudget');
    const report = (await page.textContent('[data-testid="drain-not-evicted"]')) ?? '';
    expect(report).toContain('Could not be evicted (2)');
    expect(report).toContain("disruption budget");
    await page.screenshot({ path: 'test-results/actions-2-drain-report.png' });
    await page.click('[data-testid="drain-dialog"] .modal-close');

    // As kubectl sees it: cordoned, the guarded pods still there.
    expect((await getJson([`node/${NODE}`])).spec.unschedulable).toBe(true);
    const left = (await getJson(['pods', '-n', NS, '--field-selector', `spec.nodeName=${NODE}`])).items.filter((p: any) => !p.metadata.deletionTimestamp);
    expect(left.map((p: any) => p.metadata.labels.app).sort()).toEqual(['guarded', 'guarded']);
  });

  it('deletes a Deployment only after its exact name is typed, with the chosen propagation', async () => {
    await openDetails(page, ADMIN, 'apps/v1/deployments', NS, 'free');
    await openMenu(page);
    await page.click('[data-testid="action-delete"]');
    await page.waitForSelector('[data-testid="delete-dialog"]');
    const confirm = page.locator('[data-testid="delete-confirm"]');
    expect(await confirm.isDisabled()).toBe(true);
    await page.fill('[data-testid="delete-name"]', 'fre');
    expect(await confirm.isDisabled()).toBe(true);
    await page.fill('[data-testid="delete-name"]', 'free ');
    expect(await confirm.isDisabled()).toBe(true);
    await page.fill('[data-testid="delete-name"]', 'free');
    await page.check('[data-testid="delete-policy-Foreground"]');
    expect(await confirm.isDisabled()).toBe(false);
    await page.screenshot({ path: 'test-results/actions-3-delete-dialog.png' });
    await confirm.click();
    await page.waitForSelector('[data-testid="delete-dialog"]', { state: 'detached' });
    await eventually(async () => {
      const out = await k(['get', 'deployments', '-n', NS, '-o', 'name']);
      expect(out).not.toContain('deployment.apps/free');
    }, 60_000);
    await page.waitForSelector('[data-testid="details"] .dp-deleted', { timeout: 30_000 });
  });

  it('Apply YAML from the top bar: a dry run of two documents, then both created, as kubectl reads back', async () => {
    await page.click('[data-testid="apply-yaml-button"]');
    await page.waitForSelector('[data-testid="apply-yaml"] [data-testid="apply-code"] .cm-content');
    expect(await page.inputValue('[data-testid="apply-namespace"]')).toBe(NS);
    await page.click('[data-testid="apply-code"] .cm-content');
    await page.keyboard.insertText('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\ndata:\n  a: "1"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\ndata:\n  b: "<b>2</b>"\n');
    await page.click('[data-testid="apply-dry-run"]');
    await page.waitForSelector('[data-testid="apply-results"]');
    expect(await page.$$eval('[data-testid="apply-result"]', (rows) => rows.map((r) => r.getAttribute('data-outcome')))).toEqual(['created', 'created']);
    expect(await page.textContent('[data-testid="apply-results"]')).toContain('would be created');
    expect(await k(['get', 'configmaps', '-n', NS, '-o', 'name'])).not.toContain('configmap/one');
    await page.click('[data-testid="apply-apply"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="apply-results"]')?.textContent ?? '').includes('Applied:'));
    await page.screenshot({ path: 'test-results/actions-6-apply-yaml.png' });
    expect(JSON.parse(await k(['get', 'configmap/two', '-n', NS, '-o', 'json'])).data).toEqual({ b: '<b>2</b>' });
    expect(JSON.parse(await k(['get', 'configmap/one', '-n', NS, '-o', 'json', '--show-managed-fields'])).metadata.managedFields.map((m: any) => `${m.manager}:${m.operation}`)).toContain('wheelhouse:Apply');
    await page.click('[data-testid="apply-yaml"] .modal-close');
  });

  it('as the limited user: forbidden actions are disabled with the reason; scaling an autoscaled Deployment warns and links to its HPA', async () => {
    const limited = await openApp(browser, serve);
    await limited.setViewportSize({ width: 1600, height: 1000 });
    // In our namespace the limited user may only view (ClusterRole view): every change is disabled, with the reason.
    await k(['create', 'rolebinding', 'limited-view', '--clusterrole=view', '--user=limited-user', '-n', NS]);
    await openDetails(limited, LIMITED, 'apps/v1/deployments', NS, 'guarded');
    await openMenu(limited);
    for (const a of ['scale', 'restart', 'pause', 'edit', 'delete']) {
      const item = limited.locator(`[data-testid="action-${a}"]`);
      expect(await item.isDisabled(), a).toBe(true);
      expect(await item.textContent(), a).toMatch(/Not allowed to (get|patch|delete) deployments\.apps/);
    }
    expect(await limited.textContent('[data-testid="action-edit"]')).toContain(`Not allowed to patch deployments.apps "guarded" in namespace "${NS}"`);
    await limited.screenshot({ path: 'test-results/actions-4-forbidden.png' });
    await limited.keyboard.press('Escape');
    // The Rollout tab's buttons too.
    await limited.click('[data-testid="dp-tab-rollout"]');
    await limited.waitForSelector('[data-testid="ro-forbidden"]', { timeout: 30_000 });
    expect(await limited.locator('[data-testid="ro-restart"]').isDisabled()).toBe(true);
    expect(await limited.locator('[data-testid="ro-scale-apply"]').isDisabled()).toBe(true);

    // Deployment api in demo is scaled by HPA api: the scale dialog warns, never blocks, and links to the HPA.
    await openDetails(limited, LIMITED, 'apps/v1/deployments', 'demo', 'api');
    await openMenu(limited);
    expect(await limited.locator('[data-testid="action-scale"]').isDisabled()).toBe(false);
    expect(await limited.textContent('[data-testid="action-scale"]')).toContain('HPA api manages replicas');
    await limited.click('[data-testid="action-scale"]');
    const warning = limited.locator('[data-testid="scale-dialog"] [data-testid="hpa-warning"]');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('it will override a manual scale');
    await limited.fill('[data-testid="scale-input"]', '3');
    expect(await limited.locator('[data-testid="scale-confirm"]').isDisabled()).toBe(false);
    await limited.screenshot({ path: 'test-results/actions-5-hpa-warning.png' });
    await limited.click('[data-testid="hpa-link"]');
    await limited.waitForSelector('[data-testid="scale-dialog"]', { state: 'detached' });
    await eventually(async () => expect(await limited.textContent('[data-testid="details"] .dp-kind-tag')).toBe('HorizontalPodAutoscaler'));
    expect(await limited.textContent('[data-testid="dp-title"]')).toBe('api');
    expect(limited.errors).toEqual([]);
    expect(page.errors).toEqual([]);
    await limited.context().close();
  });
});
