// Edit YAML behaves like `kubectl edit` (Chromium, serve mode, the real test cluster): after a
// Wheelhouse scale and after a client-side `kubectl apply`, editing replicas in the YAML is no conflict,
// updates the object, writes no controller-owned annotation and takes ownership of spec.replicas only:
// compared with a twin edited by `kubectl edit` itself. Apply YAML's Force never writes from a plain
// dry run: a forced dry run names the fields that would change owner first, and only for that text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { openKind, openRow, pickNamespace, screenshots } from './support/navigate';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';

const ADMIN = 'wheelhouse-admin';
const SUFFIX = Math.random().toString(36).slice(2, 7);
const NS = `wh-e2e-edit-${SUFFIX}`;
const TWIN = `wh-e2e-edit-twin-${SUFFIX}`;
const k = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, ...opts });
const getJson = async (ns: string) => JSON.parse(await k(['get', 'deployment/web', '-n', ns, '-o', 'json', '--show-managed-fields']));

const manifest = (tier: string, image = 'nginx:1.25') => JSON.stringify({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { tier } }, spec: {
    replicas: 2, selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } },
  },
});
const ssaManifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`;

const cmLine = (page: Page, text: string) => page.locator('[data-testid="ed-code"] .cm-line', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
const editEntry = (obj: any, manager: string) => obj.metadata.managedFields.find((m: any) => m.manager === manager && m.operation === 'Update' && !m.subresource);

async function openMenu(page: Page) {
  await page.click('[data-testid="details"] [data-testid="actions-menu"]');
  await page.waitForFunction(() => ![...document.querySelectorAll('.act-item')].some((b) => (b.textContent ?? '').includes('Checking permissions')), null, { timeout: 30_000 });
}

/** Edit YAML from the actions menu: the replicas line from `from` to `to`, then Save. */
async function editReplicas(page: Page, from: number, to: number) {
  await openMenu(page);
  await page.click('[data-testid="action-edit"]');
  const line = cmLine(page, `  replicas: ${from}`);
  await line.waitFor({ timeout: 30_000 });
  await line.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(String(to));
  await page.click('[data-testid="ed-apply"]');
  await page.waitForSelector('[data-testid="yaml-editor"]', { state: 'detached', timeout: 30_000 });
}

describe('Edit YAML like kubectl edit (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    serve = await startStreamsServe();
    for (const ns of [NS, TWIN]) {
      await k(['create', 'namespace', ns]);
      await k(['apply', '-n', ns, '-f', '-'], { input: manifest('a') });
    }
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const ns of [NS, TWIN]) await k(['delete', 'namespace', ns, '--wait=false']).catch(() => undefined);
    await serve?.close();
    cleanRendererBuild();
  });

  it('after a Wheelhouse scale: editing replicas is no conflict and sends only replicas, as kubectl edit does', async () => {
    await pickNamespace(page, NS);
    await openKind(page, 'apps/deployments');
    await openRow(page, 'web');
    await openMenu(page);
    await page.click('[data-testid="action-scale"]');
    await page.fill('[data-testid="scale-input"]', '3');
    await page.click('[data-testid="scale-confirm"]');
    await eventually(async () => expect((await getJson(NS)).spec.replicas).toBe(3));
    await k(['scale', 'deployment/web', '-n', TWIN, '--replicas=3']);
    // The controller has written what it writes (revision annotation) before the edits load.
    await eventually(async () => expect((await getJson(NS)).metadata.annotations['deployment.kubernetes.io/revision']).toBe('1'));
    const before = await getJson(NS);

    await editReplicas(page, 3, 4);
    await k(['edit', 'deployment/web', '-n', TWIN], { env: { KUBE_EDITOR: "sed -i -e 's/^  replicas: 3$/  replicas: 4/'" } });

    const ours = await getJson(NS);
    const theirs = await getJson(TWIN);
    expect(ours.spec.replicas).toBe(4);
    expect(theirs.spec.replicas).toBe(4);
    // No annotation written or changed (the controller's and kubectl's own stay as they were).
    expect(ours.metadata.annotations).toEqual(before.metadata.annotations);
    expect(ours.metadata.labels).toEqual(before.metadata.labels);
    // The edit owns exactly what kubectl edit's owns: spec.replicas; nobody else's fields moved.
    expect(editEntry(ours, 'wheelhouse').fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(editEntry(ours, 'wheelhouse').fieldsV1).toEqual(editEntry(theirs, 'kubectl-edit').fieldsV1);
    expect(editEntry(ours, 'kubectl-client-side-apply').fieldsV1).toEqual(editEntry(theirs, 'kubectl-client-side-apply').fieldsV1);
    await page.waitForSelector('[data-testid="toast"][data-tone="ok"]');
  });

  it('after a client-side kubectl apply: the edit keeps what kubectl applied and changes only replicas', async () => {
    await k(['apply', '-n', NS, '-f', '-'], { input: manifest('b') });
    await eventually(async () => expect((await getJson(NS)).metadata.labels.tier).toBe('b'));
    // kubectl apply set replicas back to 2 (it is in the last-applied configuration).
    await eventually(async () => expect((await getJson(NS)).spec.replicas).toBe(2));
    const before = await getJson(NS);
    await editReplicas(page, 2, 5);
    const after = await getJson(NS);
    expect(after.spec.replicas).toBe(5);
    expect(after.metadata.labels).toEqual({ tier: 'b' });
    expect(after.metadata.annotations).toEqual(before.metadata.annotations);
    expect(editEntry(after, 'wheelhouse').fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect(page.errors).toEqual([]);
  });

  it('Apply YAML: a conflict offers no force write; a forced dry run names the fields and managers first, for that text only', async () => {
    await page.click('[data-testid="apply-yaml-button"]');
    await page.waitForSelector('[data-testid="apply-yaml"]');
    expect(await page.inputValue('[data-testid="apply-namespace"]')).toBe(NS);
    await page.click('[data-testid="apply-code"] .cm-content');
    await page.keyboard.insertText(ssaManifest('nginx:1.26'));
    await page.click('[data-testid="apply-apply"]');
    await page.waitForSelector('[data-testid="apply-result"][data-outcome="conflict"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="apply-result"]')).toContain('kubectl-client-side-apply');
    expect(await page.$('[data-testid="apply-force"]')).toBeNull();
    expect((await getJson(NS)).spec.template.spec.containers[0].image).toBe('nginx:1.25');

    await page.click('[data-testid="apply-force-preview"]');
    await page.waitForSelector('[data-testid="apply-ownership-move"]', { timeout: 30_000 });
    const moves = await page.$$eval('[data-testid="apply-ownership-move"]', (els) => els.map((e) => e.textContent));
    expect(moves).toEqual(['.spec.template.spec.containers[name="web"].image from kubectl-client-side-apply (update)']);
    expect(await page.textContent('[data-testid="apply-doc-changes"]')).toContain('nginx:1.26');
    expect((await getJson(NS)).spec.template.spec.containers[0].image).toBe('nginx:1.25');
    await screenshots(page, 'edit-1-apply-forced-dry-run');

    // Changing the text takes the offer away: a force needs a forced dry run of what is sent.
    await page.click('[data-testid="apply-code"] .cm-content');
    await page.keyboard.press('End');
    await page.keyboard.insertText(' ');
    expect(await page.$('[data-testid="apply-force"]')).toBeNull();
    await page.keyboard.press('Backspace');
    await page.click('[data-testid="apply-force-preview"]').catch(() => undefined);
    await page.waitForSelector('[data-testid="apply-force"]', { timeout: 30_000 });
    await page.click('[data-testid="apply-force"]');
    await eventually(async () => expect((await getJson(NS)).spec.template.spec.containers[0].image).toBe('nginx:1.26'));
    expect(page.errors).toEqual([]);
  });
});
