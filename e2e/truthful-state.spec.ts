// Truthful state (Chromium, serve mode, the real test cluster): tables carry a Health column by the
// topology's rules and colours (the demo's stuck Deployment Degraded exactly when kubectl reports
// ProgressDeadlineExceeded, a rolled-out one Healthy), and an object's Warning events stand out and can
// be shown alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { openKind, openRow, pickNamespace, screenshots } from './support/navigate';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';

const ADMIN = 'wheelhouse-admin';
const NS = `wh-e2e-state-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, input });
const json = async (args: string[]) => JSON.parse(await k(['get', ...args, '-o', 'json']));

const event = (pod: any, type: string, reason: string, name: string) => ({
  apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: NS },
  involvedObject: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, namespace: NS, uid: pod.metadata.uid },
  type, reason, message: `${reason} for the e2e`, source: { component: 'wheelhouse-e2e' },
  firstTimestamp: new Date().toISOString(), lastTimestamp: new Date().toISOString(), count: 1,
});

describe('health in tables, warning events (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    serve = await startStreamsServe();
    await k(['create', 'namespace', NS]);
    await eventually(() => k(['get', 'serviceaccount', 'default', '-n', NS]), 30_000);
    await k(['apply', '-n', NS, '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'noisy' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } }));
    const pod = await json(['pod/noisy', '-n', NS]);
    await k(['create', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [event(pod, 'Normal', 'Pulled', 'noisy.normal'), event(pod, 'Warning', 'BackOff', 'noisy.warning')] }));
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await k(['delete', 'namespace', NS, '--wait=false']).catch(() => undefined);
    await serve?.close();
    cleanRendererBuild();
  });

  it('the Deployments table shows each row\'s health as the topology judges it', async () => {
    await pickNamespace(page, 'demo');
    await openKind(page, 'apps/deployments');
    const health = (name: string) => page.getAttribute(`[role="row"][data-name="${name}"] [data-testid="row-health"]`, 'data-health');
    await eventually(async () => {
      const stuck = await json(['deployment/stuck', '-n', 'demo']);
      const progressing = stuck.status.conditions.find((c: any) => c.type === 'Progressing');
      expect(progressing.reason).toBe('ProgressDeadlineExceeded');
      expect(await health('stuck')).toBe('Degraded');
      const web = await json(['deployment/web', '-n', 'demo']);
      expect(web.status.availableReplicas).toBe(web.spec.replicas);
      expect(await health('web')).toBe('Healthy');
    }, 90_000, 1000);
    const colour = await page.$eval('[role="row"][data-name="stuck"] [data-testid="row-health"]', (e) => getComputedStyle(e).color);
    const bad = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bad').trim());
    expect(colour).toBe(await page.evaluate((c) => { const d = document.createElement('div'); d.style.color = c; document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; }, bad));
    await screenshots(page, 'state-1-health-column');
  });

  it("an object's Warning events are coloured and can be shown alone", async () => {
    await pickNamespace(page, NS);
    await openKind(page, '/pods');
    await openRow(page, 'noisy');
    await page.click('[data-testid="dp-tab-events"]');
    await page.waitForSelector('[data-testid="event-row"][data-type="Warning"]', { timeout: 30_000 });
    // Ours, and what the scheduler said about the pod (Normal).
    await eventually(async () => {
      const want = (await json(['events', '-n', NS, '--field-selector', 'involvedObject.name=noisy'])).items.map((e: any) => e.type).sort();
      expect(await page.$$eval('[data-testid="event-row"]', (rows) => rows.map((r) => r.getAttribute('data-type')).sort())).toEqual(want);
      expect(want.filter((t: string) => t === 'Normal').length).toBeGreaterThan(0);
    }, 20_000);
    expect(await page.$eval('[data-testid="event-row"][data-type="Warning"]', (r) => r.className)).toContain('dp-event-warning');
    await page.check('[data-testid="events-warnings-only"]');
    expect(await page.$$eval('[data-testid="event-row"]', (rows) => rows.map((r) => (r.textContent ?? '')))).toEqual([expect.stringContaining('BackOff')]);
    await screenshots(page, 'state-2-warning-events');
    expect(page.errors).toEqual([]);
  });
});
