// CronJob details (Chromium, serve mode, the real test cluster): schedule, suspend, last/next run;
// Suspend/Resume read back with kubectl; "Trigger now" after its confirmation creates the Job that
// `kubectl create job --from=cronjob/x` creates (compared field by field with kubectl's twin).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { openKind, openRow, pickNamespace, screenshots } from './support/navigate';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';

const ADMIN = 'wheelhouse-admin';
const NS = `wh-e2e-cron-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, input });
const json = async (args: string[]) => JSON.parse(await k(['get', ...args, '-o', 'json']));

describe('CronJob details (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    serve = await startStreamsServe();
    await k(['create', 'namespace', NS]);
    await k(['apply', '-n', NS, '-f', '-'], JSON.stringify({
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'report' },
      spec: { schedule: '17 3 * * *', jobTemplate: {
        metadata: { labels: { team: 'data' }, annotations: { note: 'nightly' } },
        spec: { backoffLimit: 1, template: { metadata: { labels: { app: 'report' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'report', image: 'busybox:1.36', args: ['--run'] }] } } },
      } },
    }));
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

  it('shows schedule and next run, suspends and resumes as kubectl reads it', async () => {
    await pickNamespace(page, NS);
    await openKind(page, 'batch/cronjobs');
    await openRow(page, 'report');
    expect(await page.textContent('[data-testid="dp-cron-schedule"]')).toBe('17 3 * * *');
    const next = new Date(String(await page.getAttribute('[data-testid="dp-cron-next"]', 'data-at')));
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([3, 17]);
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    await page.click('[data-testid="cron-suspend-toggle"]');
    await eventually(async () => expect((await json(['cronjob/report', '-n', NS])).spec.suspend).toBe(true));
    await page.waitForSelector('[data-testid="dp-cron-suspend"]:text-is("True")');
    await screenshots(page, 'cron-1-details');
    await page.click('[data-testid="cron-suspend-toggle"]');
    await eventually(async () => expect((await json(['cronjob/report', '-n', NS])).spec.suspend).toBe(false));
  });

  it('Trigger now asks first, then creates the Job kubectl create job --from=cronjob creates', async () => {
    await page.click('[data-testid="cron-trigger"]');
    await page.waitForSelector('[data-testid="cron-trigger-dialog"]');
    expect((await json(['jobs', '-n', NS])).items).toHaveLength(0);
    await page.click('[data-testid="cron-trigger-dialog"] [data-testid="confirm"]');
    const ours = await eventually(async () => {
      const jobs = (await json(['jobs', '-n', NS])).items;
      expect(jobs).toHaveLength(1);
      return jobs[0];
    });
    expect(ours.metadata.name).toMatch(/^report-manual-[0-9a-f]{5}$/);
    await k(['create', 'job', 'twin', '-n', NS, '--from=cronjob/report']);
    const twin = await json(['job/twin', '-n', NS]);
    const cj = await json(['cronjob/report', '-n', NS]);
    expect(ours.metadata.annotations).toEqual(twin.metadata.annotations);
    expect(ours.metadata.annotations['cronjob.kubernetes.io/instantiate']).toBe('manual');
    expect(ours.metadata.ownerReferences).toEqual(twin.metadata.ownerReferences);
    expect(ours.metadata.ownerReferences[0]).toMatchObject({ kind: 'CronJob', uid: cj.metadata.uid, controller: true });
    const strip = (j: any) => { const t = structuredClone(j.spec.template); delete t.metadata.labels['batch.kubernetes.io/controller-uid']; delete t.metadata.labels['controller-uid']; delete t.metadata.labels['batch.kubernetes.io/job-name']; delete t.metadata.labels['job-name']; return t; };
    expect(strip(ours)).toEqual(strip(twin));
    expect(ours.spec.backoffLimit).toBe(twin.spec.backoffLimit);
    const userLabels = (j: any) => Object.fromEntries(Object.entries(j.metadata.labels ?? {}).filter(([key]) => !/controller-uid|job-name/.test(key)));
    expect(userLabels(ours)).toEqual(userLabels(twin));
    expect(page.errors).toEqual([]);
  });
});
