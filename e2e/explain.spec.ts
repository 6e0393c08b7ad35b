// Explain and the schema-aware YAML editor in Chromium (serve mode, the real test cluster): the explain
// tree opened from a table's toolbar and from details, compared with `kubectl explain`; in Edit YAML an
// unknown field is marked in the text before anything is sent, imagePullPolicy completes to an enum
// value from the popup, hover shows a field's doc and Ctrl+Shift+E opens explain at the cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { openKind, openRow, pickNamespace, screenshots } from './support/navigate';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { normalizeText, parseKubectlExplain } from '../src-main/testing/kubectlExplain';

const ADMIN = 'wheelhouse-admin';
const NS = `wh-e2e-explain-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[], opts: { input?: string } = {}) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, ...opts });
const manifest = JSON.stringify({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: {
    replicas: 1, selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
  },
});
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Waits until the element's whole text is `text` (its parts are several spans). */
const waitText = (page: Page, selector: string, text: string, timeout = 15_000) =>
  page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent === t, [selector, text] as const, { timeout });
const cmLine = (page: Page, re: RegExp) => page.locator('[data-testid="ed-code"] .cm-line', { hasText: re }).first();

async function openEditor(page: Page) {
  await page.click('[data-testid="details"] [data-testid="actions-menu"]');
  await page.waitForFunction(() => ![...document.querySelectorAll('.act-item')].some((b) => (b.textContent ?? '').includes('Checking permissions')), null, { timeout: 30_000 });
  await page.click('[data-testid="action-edit"]');
  await page.waitForSelector('[data-testid="ed-code"] .cm-content', { timeout: 30_000 });
}

/** Clicks near a line's start: a line is as wide as the longest, and a click at its middle scrolls sideways. */
const clickLine = (line: ReturnType<typeof cmLine>) => line.click({ position: { x: 20, y: 6 } });

/** The completion popup at both sizes in both themes (resizing closes it, so it is asked for again each time). */
async function completionScreenshots(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(150);
      // Moving the cursor scrolls it into view again after the resize.
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Control+Space');
      await page.waitForSelector('.cm-tooltip-autocomplete li', { timeout: 10_000 });
      await page.screenshot({ path: `test-results/${name}-${w}x${h}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/**
 * Enter on the completion popup. CodeMirror ignores Enter for 75 ms after the list opens or changes
 * (its interactionDelay, so a fast typist's Enter is a newline): wait that out as a person would.
 */
async function acceptCompletion(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
}

/** Puts the cursor at the end of the container's image line and returns that line's indentation. */
async function endOfImageLine(page: Page): Promise<string> {
  const line = cmLine(page, /^\s+image: nginx:1\.25$/);
  await line.waitFor({ timeout: 30_000 });
  const text = (await line.textContent()) ?? '';
  await clickLine(line);
  await page.keyboard.press('End');
  return /^\s*/.exec(text)![0];
}

describe('Explain and the schema-aware YAML editor (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    serve = await startStreamsServe();
    await k(['create', 'namespace', NS]);
    await k(['apply', '-n', NS, '-f', '-'], { input: manifest });
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await k(['delete', 'namespace', NS, '--wait=false']).catch(() => undefined);
    await serve?.close();
    cleanRendererBuild();
  });

  it('opens the explain tree from the Deployments table toolbar; the entry equals kubectl explain deployments.spec.strategy', async () => {
    await pickNamespace(page, NS);
    await openKind(page, 'apps/deployments');
    await page.click('[data-testid="table-explain"]');
    await page.waitForSelector('[data-testid="explain"] [data-testid="explain-row"][data-path="spec"]', { timeout: 30_000 });
    // Expand spec, then strategy, in the tree.
    await page.click('[data-testid="explain-row"][data-path="spec"] .ex-caret');
    await page.click('[data-testid="explain-row"][data-path="spec.strategy"] .ex-caret');
    await page.click('[data-testid="explain-row"][data-path="spec.strategy.type"]');
    await page.click('[data-testid="explain-row"][data-path="spec.strategy"]');
    const theirs = parseKubectlExplain(await k(['explain', 'deployments.spec.strategy']));
    expect(await page.textContent('[data-testid="explain-field"]')).toBe(`${theirs.field!.name} <${theirs.field!.type}>`);
    expect(normalizeText((await page.textContent('[data-testid="explain-description"]')) ?? '')).toBe(theirs.description);
    const rows = await page.$$eval('[data-testid="explain-tree"] [data-testid="explain-row"]', (els) => els.map((e) => e.getAttribute('data-path')));
    expect(rows).toEqual(expect.arrayContaining(['spec.strategy.rollingUpdate', 'spec.strategy.type']));
    // The path box takes kubectl's form.
    await page.fill('[data-testid="explain-path"]', 'deployment.spec.template.spec.containers.imagePullPolicy');
    await page.press('[data-testid="explain-path"]', 'Enter');
    await waitText(page, '[data-testid="explain-field"]', 'imagePullPolicy <string>');
    expect(await page.textContent('[data-testid="explain-enum"]')).toBe('Always, IfNotPresent, Never');
    await page.fill('[data-testid="explain-path"]', 'deployment.spec.strategy');
    await page.press('[data-testid="explain-path"]', 'Enter');
    await waitText(page, '[data-testid="explain-field"]', 'strategy <DeploymentStrategy>');
    await screenshots(page, 'explain-tree');
    await page.click('[data-testid="explain"] .modal-close');
    await page.waitForSelector('[data-testid="explain"]', { state: 'detached' });
  }, 120_000);

  it('opens explain for the object’s kind from details', async () => {
    await openRow(page, 'web');
    await page.click('[data-testid="details-explain"]');
    await waitText(page, '[data-testid="explain"] .modal-title', 'Explain Deployment');
    await page.waitForSelector('[data-testid="explain"] [data-testid="explain-row"][data-path="metadata"]');
    expect(normalizeText((await page.textContent('[data-testid="explain-description"]')) ?? '')).toBe(parseKubectlExplain(await k(['explain', 'deployments'])).description);
    await page.click('[data-testid="explain"] .modal-close');
    await page.waitForSelector('[data-testid="explain"]', { state: 'detached' });
  }, 60_000);

  it('Edit YAML: an unknown field is marked before anything is sent; a missing field and imagePullPolicy’s enum value complete from the popup', async () => {
    const before = JSON.parse(await k(['get', 'deployment/web', '-n', NS, '-o', 'json']));
    await pickNamespace(page, NS);
    await openKind(page, 'apps/deployments');
    await openRow(page, 'web');
    await openEditor(page);
    const indent = await endOfImageLine(page);
    await page.keyboard.insertText(`\n${indent}imagePullPolice: Always`);
    const check = page.locator('[data-testid="ed-code"] [data-testid="yaml-check"]', { hasText: 'unknown field "spec.template.spec.containers[0].imagePullPolice"' });
    await check.waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="ed-code"] .cm-wh-lint-error', { hasText: /^imagePullPolice$/ }).count()).toBe(1);
    // Nothing was sent: the object on the server is as it was.
    expect(JSON.parse(await k(['get', 'deployment/web', '-n', NS, '-o', 'json'])).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    await screenshots(page, 'explain-editor-check');

    // Replace the misspelt line by completing a field the container lacks: the key from the popup.
    // (The line's text ends with the check's message, drawn inside the line.)
    const bad = cmLine(page, new RegExp(`^${escape(indent)}imagePullPolice: Always`));
    await clickLine(bad);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.insertText(indent);
    await page.keyboard.type('workingD');
    await page.waitForSelector('.cm-tooltip-autocomplete li:has-text("workingDir")', { timeout: 15_000 });
    await acceptCompletion(page);
    await page.keyboard.type('/srv');
    await cmLine(page, new RegExp(`^${escape(indent)}workingDir: /srv$`)).waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="ed-code"] [data-testid="yaml-check"]').length === 0, null, { timeout: 10_000 });

    // imagePullPolicy (the server defaulted it) completes to one of its enum values from the popup.
    const pull = cmLine(page, new RegExp(`^${escape(indent)}imagePullPolicy: IfNotPresent$`));
    await clickLine(pull);
    await page.keyboard.press('End');
    for (let i = 0; i < 'IfNotPresent'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.cm-tooltip-autocomplete li:has-text("IfNotPresent")', { timeout: 15_000 });
    const offered = await page.$$eval('.cm-tooltip-autocomplete li .cm-completionLabel', (els) => els.map((e) => e.textContent));
    expect(offered).toEqual(['Always', 'IfNotPresent', 'Never']);
    await completionScreenshots(page, 'explain-editor-completion');
    await page.keyboard.press('Control+Space');
    await page.waitForSelector('.cm-tooltip-autocomplete li:has-text("Never")', { timeout: 10_000 });
    await page.keyboard.type('Nev');
    await page.waitForSelector('.cm-tooltip-autocomplete li:has-text("Never")', { timeout: 10_000 });
    await acceptCompletion(page);
    await cmLine(page, new RegExp(`^${escape(indent)}imagePullPolicy: Never$`)).waitFor({ timeout: 10_000 });

    // Hover shows the field's documentation; Ctrl+Shift+E opens explain at the cursor.
    await page.locator('[data-testid="ed-code"] .cm-line', { hasText: /imagePullPolicy: Never/ }).first().locator('text=imagePullPolicy').hover();
    await page.waitForSelector('[data-testid="yaml-field-doc"]:has-text("Image pull policy")', { timeout: 10_000 });
    await clickLine(cmLine(page, new RegExp(`^${escape(indent)}imagePullPolicy: Never$`)));
    await page.keyboard.press('Control+Shift+E');
    await waitText(page, '[data-testid="explain"] [data-testid="explain-field"]', 'imagePullPolicy <string>');
    expect(await page.textContent('[data-testid="explain"] .ex-crumbs')).toBe('Deployment.spec.template.spec.containers.imagePullPolicy');
    await screenshots(page, 'explain-from-editor');
    await page.click('[data-testid="explain"] .modal-close');

    await page.click('[data-testid="ed-apply"]');
    await page.waitForSelector('[data-testid="yaml-editor"]', { state: 'detached', timeout: 30_000 });
    await eventually(async () => expect(JSON.parse(await k(['get', 'deployment/web', '-n', NS, '-o', 'json'])).spec.template.spec.containers[0])
      .toMatchObject({ imagePullPolicy: 'Never', workingDir: '/srv' }));
    expect(page.errors).toEqual([]);
  }, 180_000);

  it('Apply YAML: a kind the server publishes no OpenAPI for is said to be unchecked, the editor keeps working and checks the next document', async () => {
    await page.click('[data-testid="apply-yaml-button"]');
    await page.waitForSelector('[data-testid="apply-yaml"]');
    await page.click('[data-testid="apply-code"] .cm-content');
    await page.keyboard.insertText('apiVersion: nothing.wheelhouse.dev/v1\nkind: Thing\nspec:\n  anything: 1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndatta:\n  a: b\n');
    const checks = page.locator('[data-testid="apply-code"] [data-testid="yaml-check"]');
    await checks.filter({ hasText: 'Fields not checked: The API server publishes no OpenAPI v3 for nothing.wheelhouse.dev/v1' }).waitFor({ timeout: 30_000 });
    await checks.filter({ hasText: 'unknown field "datta"' }).waitFor({ timeout: 30_000 });
    expect(await checks.count()).toBe(2);
    // Still editable: fixing the typo clears its check.
    await clickLine(page.locator('[data-testid="apply-code"] .cm-line', { hasText: /^datta:/ }).first());
    await page.keyboard.press('Home');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Delete');
    await page.keyboard.type('da');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="apply-code"] [data-testid="yaml-check"]').length === 1, null, { timeout: 10_000 });
    await page.click('[data-testid="apply-yaml"] .modal-close');
    expect(page.errors).toEqual([]);
  }, 60_000);
});
