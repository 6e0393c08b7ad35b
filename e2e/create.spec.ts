// Creating from forms and exposing, from the normal UI (Chromium, serve mode, the real test cluster):
// the top bar's New menu makes a Namespace and a Deployment (YAML shown, dry run first, AlreadyExists
// and bad names said beside what was typed, nothing typed lost), the Deployment's actions menu
// exposes it; all three appear live in their tables and equal what kubectl makes. The palette's
// `:new`, a form the limited user may not use, and the api-resources table in "All kinds".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { pickNamespace, screenshots } from './support/navigate';
import { openMenu } from './support/details';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ADMIN = 'wheelhouse-admin';
const LIMITED = 'wheelhouse-limited';
const NS = `wh-e2e-create-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN });
const json = async (args: string[]) => JSON.parse(await k([...args, '-o', 'json']));
const row = (name: string) => `[data-testid="resource-table"] [role="row"][data-name="${name}"]`;

async function openNew(page: Page, form: string) {
  await page.click('[data-testid="new-button"]');
  await page.waitForSelector(`[data-testid="new-${form}"]:not([disabled])`, { timeout: 30_000 });
  await page.click(`[data-testid="new-${form}"]`);
  await page.waitForSelector(`[data-testid="create-form-${form}"]`);
}

/** Review → dry run (must say "would be created") → Create, then waits for the dialog to close. */
async function dryRunThenCreate(page: Page) {
  await page.waitForSelector('[data-testid="create-review"] [data-testid="apply-code"] .cm-content');
  expect(await page.locator('[data-testid="create-apply"]').isDisabled()).toBe(true);
  await page.click('[data-testid="create-dry-run"]');
  await page.waitForSelector('[data-testid="apply-result"][data-outcome="created"]', { timeout: 30_000 });
  expect(await page.textContent('[data-testid="apply-results"]')).toContain('would be created');
  await page.click('[data-testid="create-apply"]');
  await page.waitForSelector('[data-testid="create-review"]', { state: 'detached', timeout: 30_000 });
}

describe('create and expose from the UI (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    serve = await startStreamsServe();
    browser = await launchChromium();
    page = await openApp(browser, serve, `#/c/${ADMIN}/r/_/v1/namespaces`);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 120_000);

  afterAll(async () => {
    await k(['delete', 'namespace', NS, '--wait=false']).catch(() => undefined);
    await browser?.close();
    await serve?.close();
    cleanRendererBuild();
  });

  it('New → Namespace: a bad name is said beside the field and kept; then created after a dry run, live in the Namespaces table', async () => {
    await page.waitForSelector('[data-testid="resource-table"]', { timeout: 60_000 });
    await openNew(page, 'namespace');
    await page.fill('[data-testid="create-field-name"]', 'Bad_Name');
    await page.click('[data-testid="create-review-button"]');
    expect(await page.textContent('[data-testid="create-field-error"]')).toContain('RFC 1123 label');
    expect(await page.inputValue('[data-testid="create-field-name"]')).toBe('Bad_Name');
    await page.fill('[data-testid="create-field-name"]', NS);
    await page.click('[data-testid="create-review-button"]');
    await dryRunThenCreate(page);
    await page.waitForSelector(row(NS), { timeout: 30_000 });
    expect((await json(['get', 'namespace', NS, '--show-managed-fields'])).metadata.managedFields.map((f: any) => f.manager)).toContain('wheelhouse');
  });

  it('New → Deployment in that namespace: YAML edits survive going back to the form; AlreadyExists from the dry run is said; live in the table; equal to kubectl create', async () => {
    await pickNamespace(page, NS);
    await eventually(async () => expect((await k(['get', 'serviceaccount', 'default', '-n', NS, '-o', 'name'])).trim()).toBe('serviceaccount/default'), 30_000);
    await openNew(page, 'deployment');
    expect(await page.inputValue('[data-testid="create-field-namespace"]')).toBe(NS);
    await page.fill('[data-testid="create-field-name"]', 'web');
    await page.fill('[data-testid="create-field-images"]', 'nginx:1.27');
    await page.fill('[data-testid="create-field-replicas"]', '2');
    await page.fill('[data-testid="create-field-port"]', '80');
    await screenshots(page, 'create-1-deployment-form');
    await page.click('[data-testid="create-review-button"]');
    await page.waitForSelector('[data-testid="create-review"] .cm-content');
    const yaml = await page.textContent('[data-testid="create-review"] .cm-content');
    expect(yaml).toContain('app: web');
    expect(yaml).toContain('containerPort: 80');
    // A hand edit (a label) survives a trip back to the form and forward again.
    await page.click('[data-testid="create-review"] .cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n# reviewed\n');
    await page.click('[data-testid="create-back"]');
    expect(await page.inputValue('[data-testid="create-field-images"]')).toBe('nginx:1.27');
    await page.click('[data-testid="create-review-button"]');
    await page.waitForSelector('[data-testid="create-review"] .cm-content');
    expect(await page.textContent('[data-testid="create-review"] .cm-content')).toContain('# reviewed');
    await screenshots(page, 'create-2-deployment-yaml');
    await dryRunThenCreate(page);

    await page.click('[data-testid="nav-apps/deployments"]');
    await page.waitForSelector(row('web'), { timeout: 30_000 });
    const ours = await json(['get', 'deployment', 'web', '-n', NS]);
    const theirs = JSON.parse(await k(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80', '-n', NS, '--dry-run=client', '-o', 'json']));
    expect(ours.metadata.labels).toEqual(theirs.metadata.labels);
    expect(ours.spec.selector).toEqual(theirs.spec.selector);
    expect(ours.spec.replicas).toBe(2);
    expect(ours.spec.template.spec.containers.map((c: any) => [c.name, c.image, c.ports])).toEqual(theirs.spec.template.spec.containers.map((c: any) => [c.name, c.image, c.ports.map((p: any) => ({ ...p, protocol: 'TCP' }))]));

    // The same again: the dry run says it exists, Create stays off, the form still holds what was typed.
    await openNew(page, 'deployment');
    await page.fill('[data-testid="create-field-name"]', 'web');
    await page.fill('[data-testid="create-field-images"]', 'nginx:1.27');
    await page.click('[data-testid="create-review-button"]');
    await page.click('[data-testid="create-dry-run"]');
    await page.waitForSelector('[data-testid="apply-result"][data-outcome="error"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="apply-results"]')).toContain(`deployments.apps/web already exists in namespace ${NS}`);
    expect(await page.locator('[data-testid="create-apply"]').isDisabled()).toBe(true);
    await page.click('[data-testid="create-back"]');
    expect(await page.inputValue('[data-testid="create-field-name"]')).toBe('web');
    await page.click('[data-testid="create-dialog"] .modal-close');
  });

  it('Expose from the Deployment’s actions menu: the Service kubectl expose makes, live in the Services table', async () => {
    await page.click(row('web'));
    await page.waitForSelector('[data-testid="details"] [data-testid="actions-menu"]', { timeout: 30_000 });
    await openMenu(page);
    await page.click('[data-testid="action-expose"]');
    await page.waitForSelector('[data-testid="expose-dialog"]');
    await page.click('[data-testid="expose-review"]');
    await dryRunThenCreate(page);
    await page.click('[data-testid="nav-/services"]');
    await page.waitForSelector(row('web'), { timeout: 30_000 });
    const ours = await json(['get', 'service', 'web', '-n', NS]);
    const theirs = JSON.parse(await k(['expose', 'deployment', 'web', '--name=web-twin', '-n', NS, '--dry-run=server', '-o', 'json']));
    expect(ours.spec.selector).toEqual(theirs.spec.selector);
    expect(ours.spec.ports).toEqual(theirs.spec.ports);
    expect(ours.metadata.labels).toEqual(theirs.metadata.labels);
    expect(ours.spec.type).toBe(theirs.spec.type);
  });

  it('New → Secret from a binary file (the browser reads it): base64 in the YAML, stored as kubectl stores it', async () => {
    const bytes = Buffer.from([0x61, 0x00, 0xff, 0xfe, 0x0a]);
    await openNew(page, 'secret');
    await page.fill('[data-testid="create-field-name"]', 'blob');
    await page.fill('[data-testid="create-field-literals"]', 'user=admin');
    await page.setInputFiles('[data-testid="create-field-files"]', { name: 'key.bin', mimeType: 'application/octet-stream', buffer: bytes });
    await page.waitForSelector('[data-testid="create-form-secret"] .cr-file:has-text("key.bin (5 bytes)")');
    await page.click('[data-testid="create-review-button"]');
    await page.waitForSelector('[data-testid="create-review"] .cm-content');
    expect(await page.textContent('[data-testid="create-review"] .cm-content')).toContain(`key.bin: ${bytes.toString('base64')}`);
    await dryRunThenCreate(page);
    const ours = await json(['get', 'secret', 'blob', '-n', NS]);
    const dir = mkdtempSync(join(tmpdir(), 'wh-e2e-create-'));
    writeFileSync(join(dir, 'key.bin'), bytes);
    const theirs = JSON.parse(await k(['create', 'secret', 'generic', 'blob', '-n', NS, '--from-literal=user=admin', `--from-file=${join(dir, 'key.bin')}`, '--dry-run=client', '-o', 'json']));
    expect(ours.data).toEqual(theirs.data);
    expect(ours.type).toBe('Opaque');
  });

  it('the palette’s :new opens the same form; the limited user sees a form RBAC forbids disabled with the reason', async () => {
    await page.keyboard.press('Control+k');
    await page.waitForSelector('[data-testid="palette"][open] [data-testid="palette-input"]:focus');
    await page.keyboard.type(':new config');
    await page.waitForSelector('[data-testid="palette"] [role="option"][aria-selected="true"]:has-text("New ConfigMap")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="create-form-configmap"]');
    await page.click('[data-testid="create-dialog"] .modal-close');

    const limited = await openApp(browser, serve, `#/c/${LIMITED}/r/_/v1/pods?ns=demo`);
    await limited.setViewportSize({ width: 1440, height: 900 });
    await limited.click('[data-testid="new-button"]');
    await limited.waitForFunction(() => (document.querySelector('[data-testid="new-namespace"]')?.textContent ?? '').includes('Not allowed'), null, { timeout: 30_000 });
    expect(await limited.locator('[data-testid="new-namespace"]').isDisabled()).toBe(true);
    expect(await limited.textContent('[data-testid="new-namespace"]')).toContain('Not allowed to create namespaces in all namespaces');
    expect(await limited.locator('[data-testid="new-configmap"]').isDisabled()).toBe(false);
    await limited.screenshot({ path: 'test-results/create-3-limited-new-menu.png' });
    await limited.close();
  });

  it('All kinds → api-resources table: the rows kubectl api-resources prints, filtered', async () => {
    await page.click('[data-testid="nav-all-kinds"]');
    await page.click('[data-testid="kinds-api-resources"]');
    await page.waitForSelector('[data-testid="api-resources-row"]');
    const want = (await k(['api-resources', '--no-headers', '-o', 'name'])).trim().split('\n').length;
    expect(await page.$$eval('[data-testid="api-resources-row"]', (r) => r.length)).toBe(want);
    expect(await page.textContent('[data-testid="api-resources-row"][data-name="deployments"]')).toContain('apps/v1');
    await screenshots(page, 'create-4-api-resources');
    await page.fill('[data-testid="kinds-filter"]', 'deploy');
    await eventually(async () => expect(await page.$$eval('[data-testid="api-resources-row"]', (r) => r.map((x) => x.getAttribute('data-name')))).toEqual(['deployments']), 10_000, 200);
    expect(page.errors).toEqual([]);
  });
});
