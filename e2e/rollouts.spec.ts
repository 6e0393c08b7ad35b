// Rollouts and actions end to end (Chromium, serve mode, the real test cluster), on a Deployment this
// spec creates in its own namespace: scale it from the topology card and watch the new pods turn Ready;
// roll it back to revision 1 from the Rollout tab after a preview that names both images, and check
// the history against `kubectl rollout history`; edit its YAML (a label, read back with kubectl) and
// see a concurrent kubectl change turn into a visible conflict instead of an overwrite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { eventually } from './support/polling';
import { waitForShell } from './support/navigate';

const CONTEXT = 'wheelhouse-admin';
const NS = `wh-e2e-rollouts-${Math.random().toString(36).slice(2, 7)}`;
const NAME = 'shop';
const IMAGE_1 = 'nginx:1.25';
const IMAGE_2 = 'nginx:1.26';
const CAUSE_1 = 'deploy nginx 1.25';
const CAUSE_2 = 'upgrade to nginx 1.26';

const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: CONTEXT, input });
const getJson = async (args: string[]) => JSON.parse(await k(['get', ...args, '-o', 'json']));

function manifest(image: string, cause: string) {
  return JSON.stringify({
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: NAME, namespace: NS, labels: { app: NAME }, annotations: { 'kubernetes.io/change-cause': cause } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: NAME } },
      template: { metadata: { labels: { app: NAME } }, spec: { containers: [{ name: 'web', image }] } },
    },
  });
}


const isReady = (p: any) => !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
const readyPods = async (): Promise<string[]> => (await getJson(['pods', '-n', NS, '-l', `app=${NAME}`])).items.filter(isReady).map((p: any) => p.metadata.name as string).sort();

/** `kubectl rollout history` as [revision, change-cause] rows. */
async function kubectlHistory(): Promise<[number, string][]> {
  const out = await k(['rollout', 'history', `deployment/${NAME}`, '-n', NS]);
  return out.split('\n').filter((l) => /^\d+\s/.test(l)).map((l) => {
    const m = /^(\d+)\s+(.*)$/.exec(l.trim())!;
    return [Number(m[1]), m[2].trim()];
  });
}

/** The editor's CodeMirror line holding exactly `text`. */
const cmLine = (page: Page, text: string) => page.locator('[data-testid="ed-code"] .cm-line', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();

describe('rollouts and actions in the UI (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    await k(['create', 'namespace', NS]);
    await k(['label', 'namespace', NS, 'wheelhouse.dev/test=e2e-rollouts']);
    await eventually(() => k(['get', 'serviceaccount', 'default', '-n', NS]), 30_000);
    // Two revisions with different images and change-causes, each rolled out before the next.
    await k(['apply', '--server-side', '--field-manager=e2e-setup', '-f', '-'], manifest(IMAGE_1, CAUSE_1));
    await k(['rollout', 'status', `deployment/${NAME}`, '-n', NS, '--timeout=90s']);
    await k(['apply', '--server-side', '--field-manager=e2e-setup', '-f', '-'], manifest(IMAGE_2, CAUSE_2));
    await k(['rollout', 'status', `deployment/${NAME}`, '-n', NS, '--timeout=90s']);
    expect(await kubectlHistory()).toEqual([[1, CAUSE_1], [2, CAUSE_2]]);

    serve = await startStreamsServe();
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1600, height: 1000 });
    // The shell first (the token exchange may still reload the page and drop an early hash).
    await waitForShell(page);
    await page.evaluate(() => localStorage.setItem('wheelhouse.testHooks', '1'));
    await page.evaluate((h) => { window.location.hash = h; }, `#/c/${CONTEXT}/overview?ns=${NS}`);
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.close();
    cleanRendererBuild();
    await k(['delete', 'namespace', NS, '--wait=false']).catch(() => undefined);
  });

  it('scales the Deployment from 2 to 5 with the topology card\'s stepper; three new pods appear and turn Ready', async () => {
    const card = page.locator(`[data-testid="topology-node"][data-kind="Deployment"][data-name="${NAME}"]`);
    await card.waitFor({ timeout: 60_000 });
    await eventually(async () => expect(await card.locator('[data-stat="ready"] b').textContent()).toBe('2'));
    const before = await readyPods();
    expect(before).toHaveLength(2);
    // The workspace records the namespace's change timeline from the start; wait until its watches are live.
    await page.waitForSelector('[data-timeline-recording="live"]', { timeout: 30_000 });
    await page.screenshot({ path: 'test-results/rollouts-1-topology-before.png' });

    const up = card.getByRole('button', { name: `Scale ${NAME} up` });
    for (let i = 0; i < 3; i++) await up.click();
    await eventually(async () => expect(await card.locator('[data-testid="desired-replicas"]').textContent()).toBe('5'), 10_000, 100);

    // Read back from the API server: spec.replicas is 5, and five pods are Ready, three of them new.
    await eventually(async () => expect((await getJson([`deployment/${NAME}`, '-n', NS])).spec.replicas).toBe(5), 20_000);
    const after = await eventually(async () => {
      const ready = await readyPods();
      expect(ready).toHaveLength(5);
      return ready;
    }, 90_000);
    expect(after.filter((n) => !before.includes(n))).toHaveLength(3);
    expect(before.every((n) => after.includes(n))).toBe(true);

    // And the page shows them: five Ready on the card, five healthy pod nodes in the graph.
    await eventually(async () => expect(await card.locator('[data-stat="ready"] b').textContent()).toBe('5'), 60_000);
    await eventually(async () => {
      const nodes = JSON.parse((await page.textContent('[data-testid="topology-nodes"]')) ?? '[]') as { kind?: string; name?: string; health?: string; count?: number }[];
      const pods = nodes.filter((n) => n.kind === 'Pod' && after.includes(n.name ?? ''));
      const grouped = nodes.filter((n) => n.kind === 'PodGroup').reduce((s, n) => s + (n.count ?? 0), 0);
      expect(pods.length + grouped).toBe(5);
      expect(pods.every((p) => p.health === 'Healthy')).toBe(true);
    }, 60_000);
    await page.click('.react-flow__controls-fitview');
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'test-results/rollouts-2-topology-scaled.png' });
  });

  it('rolls back to revision 1 from the Rollout tab after a preview naming both images; history matches kubectl', async () => {
    await page.locator(`[data-testid="topology-node"][data-kind="Deployment"][data-name="${NAME}"] .card-name`).click();
    await page.waitForSelector('[data-testid="details"]');
    await page.click('[data-testid="dp-tab-rollout"]');
    await page.waitForSelector('[data-testid="ro-rev-1-rollback"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="ro-rev-2"]')).toContain(IMAGE_2);
    expect(await page.textContent('[data-testid="ro-rev-1"]')).toContain(CAUSE_1);

    await page.click('[data-testid="ro-rev-1-rollback"]');
    const preview = page.locator('[data-testid="ro-undo-preview"]');
    await preview.waitFor({ timeout: 30_000 });
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('Roll back to revision 1');
    expect(text).toContain(IMAGE_2);
    expect(text).toContain(IMAGE_1);
    // A dry run: nothing changed yet.
    expect((await getJson([`deployment/${NAME}`, '-n', NS])).spec.template.spec.containers[0].image).toBe(IMAGE_2);
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/rollouts-3-undo-preview.png' });

    await page.click('[data-testid="ro-undo-confirm"]');
    // The new revision 3 carries revision 1's image (the old ReplicaSet, renumbered), and is current.
    const rev3 = page.locator('[data-testid="ro-rev-3"]');
    await rev3.waitFor({ timeout: 30_000 });
    await eventually(async () => {
      expect(await rev3.textContent()).toContain(IMAGE_1);
      expect(await rev3.textContent()).toContain('current');
      expect(await page.locator('[data-testid="ro-rev-1"]').count()).toBe(0);
    });
    const d = await getJson([`deployment/${NAME}`, '-n', NS]);
    expect(d.spec.template.spec.containers[0].image).toBe(IMAGE_1);
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');

    // The same revisions and change-causes as kubectl prints.
    const theirs = await kubectlHistory();
    expect(theirs).toEqual([[2, CAUSE_2], [3, CAUSE_1]]);
    const ours = await page.$$eval('[data-testid="ro-history"] tbody tr', (rows) => rows.map((r) => [
      Number(r.getAttribute('data-testid')!.replace('ro-rev-', '')), (r.children[1].textContent ?? '').trim(),
    ]));
    expect(ours.reverse()).toEqual(theirs);
    expect(await k(['rollout', 'history', `deployment/${NAME}`, '-n', NS, '--revision=3'])).toContain(`Image:\t${IMAGE_1}`);

    // The change timeline saw both changes, made by this app (manager wheelhouse).
    await eventually(async () => {
      const entries = await page.$$eval('[data-testid="timeline-entry"]', (els) => els.map((e) => e.textContent ?? ''));
      expect(entries.some((t) => t.includes('Scaled 2 → 5') && t.includes('by wheelhouse (scale)'))).toBe(true);
      expect(entries.some((t) => t.includes(`web: ${IMAGE_2} → ${IMAGE_1}`) && t.includes('by wheelhouse'))).toBe(true);
    }, 30_000);
    // A change made outside the app names kubectl's own manager, as `kubectl get --show-managed-fields` does (issue 14).
    await k(['scale', `deployment/${NAME}`, '-n', NS, '--replicas=4']);
    const scaler = (await getJson([`deployment/${NAME}`, '-n', NS, '--show-managed-fields'])).metadata.managedFields
      .filter((m: any) => m.subresource === 'scale' && m.manager !== 'wheelhouse').map((m: any) => m.manager);
    expect(scaler).toEqual(['kubectl']);
    await eventually(async () => {
      const entries = await page.$$eval('[data-testid="timeline-entry"]', (els) => els.map((e) => e.textContent ?? ''));
      expect(entries.some((t) => t.includes('Scaled 5 → 4') && t.includes(`by ${scaler[0]} (scale)`))).toBe(true);
    }, 30_000);
    expect(await page.textContent('[data-testid="tl-since"]')).toContain('history starts when recording started');
    await page.locator('[data-testid="timeline"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/rollouts-4-history-and-timeline.png' });
  });

  it('Edit YAML: a label added in the editor is applied after a dry run and read back with kubectl', async () => {
    await page.click('[data-testid="actions-menu"]');
    await page.screenshot({ path: 'test-results/rollouts-5-actions-menu.png' });
    await page.click('[data-testid="action-edit"]');
    await page.waitForSelector('[data-testid="yaml-editor"] [data-testid="ed-code"] .cm-content');
    const labels = cmLine(page, '  labels:');
    await labels.waitFor();
    const editorText = await page.textContent('[data-testid="ed-code"] .cm-content');
    expect(editorText).not.toContain('managedFields');
    expect(editorText).not.toContain('resourceVersion');
    expect(editorText).not.toContain('status:');

    await labels.click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('\n    edited-by: wheelhouse-e2e');
    await page.click('[data-testid="ed-dry-run"]');
    const summary = page.locator('[data-testid="ed-dry-summary"]');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toContain('1 field would change');
    expect(await page.textContent('[data-testid="ed-changes"]')).toContain('metadata.labels.edited-by');
    expect((await getJson([`deployment/${NAME}`, '-n', NS])).metadata.labels['edited-by']).toBeUndefined();
    await page.screenshot({ path: 'test-results/rollouts-6-edit-dry-run.png' });

    await page.click('[data-testid="ed-apply"]');
    await page.waitForSelector('[data-testid="yaml-editor"]', { state: 'detached', timeout: 30_000 });
    expect(await k(['get', `deployment/${NAME}`, '-n', NS, '-o', 'jsonpath={.metadata.labels.edited-by}'])).toBe('wheelhouse-e2e');
    await page.waitForSelector('[data-testid="toast"][data-tone="ok"]');
  });

  it('Edit YAML: a kubectl change made after loading is shown beside the edit before anything is written', async () => {
    await page.click('[data-testid="actions-menu"]');
    await page.click('[data-testid="action-edit"]');
    const labels = cmLine(page, '  labels:');
    await labels.waitFor({ timeout: 30_000 });
    await labels.click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('\n    second-edit: "yes"');

    // Meanwhile, someone else changes the object.
    await k(['label', `deployment/${NAME}`, '-n', NS, 'concurrent=meanwhile']);
    await page.click('[data-testid="ed-apply"]');
    const conflict = page.locator('[data-testid="ed-newer"]');
    await conflict.waitFor({ timeout: 30_000 });
    expect(await conflict.textContent()).toContain('changed on the server since you loaded it');
    expect(await page.textContent('[data-testid="ed-newer-diff"]')).toContain('concurrent: meanwhile');
    await page.screenshot({ path: 'test-results/rollouts-7-edit-conflict.png' });

    const labelsNow = (await getJson([`deployment/${NAME}`, '-n', NS])).metadata.labels;
    expect(labelsNow).toMatchObject({ concurrent: 'meanwhile', 'edited-by': 'wheelhouse-e2e' });
    expect(labelsNow['second-edit']).toBeUndefined();

    // Reload takes the newer version (with the concurrent label) and drops the edit.
    await page.click('[data-testid="ed-newer-reload"]');
    await cmLine(page, '    concurrent: meanwhile').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="ed-newer"]').count()).toBe(0);
    await page.click('[data-testid="yaml-editor"] .modal-close');
  });

  it('the Activity panel lists what was done, where and how it ended', async () => {
    await page.click('[data-testid="activity-button"]');
    const panel = page.locator('[data-testid="activity-panel"]');
    await panel.waitFor();
    const rows = await page.$$eval('[data-testid="activity-entry"]', (els) => els.map((e) => ({ action: e.getAttribute('data-action'), outcome: e.getAttribute('data-outcome'), dryRun: e.getAttribute('data-dry-run') === 'true', text: e.textContent ?? '' })));
    expect(rows.find((r) => r.action === 'scale')).toMatchObject({ outcome: 'ok' });
    expect(rows.find((r) => r.action === 'scale')!.text).toContain(NS);
    expect(rows.filter((r) => r.action === 'rollout undo').map((r) => [r.dryRun, r.outcome])).toEqual([[false, 'ok'], [true, 'ok']]);
    // Newest first: the edit held back (changed on the server meanwhile), the edit, its dry run.
    expect(rows.filter((r) => r.action === 'edit').map((r) => [r.dryRun, r.outcome])).toEqual([[false, 'conflict'], [false, 'ok'], [true, 'ok']]);
    await page.screenshot({ path: 'test-results/rollouts-8-activity.png' });
    expect(page.errors).toEqual([]);
  });
});
