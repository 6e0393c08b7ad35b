// Helm releases against the real test cluster, with the pinned helm itself as the oracle: what the
// releases table, history, values and manifest show equals what helm prints; the drift of a release
// after `kubectl scale`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, eventually, newCore, randomName } from '../../testing/testCluster';
import { kubectl } from '../../testing/twinTestKit';
import { ensureHelm, helmBinDir, HELLO_CHART } from '../../../test-cluster/helm.mjs';
import { caller, helm, helmJson, subscribe } from '../../testing/helmTestKit';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helmHandlers } from './helmHandlers';
import type { HelmReleaseDetail, HelmReleaseRow, HelmReleasesEvent } from '../../../shared/contract/helm';
import type { Core } from '../core';
import type { Handlers } from '../handlers';

const rowsOf = (events: HelmReleasesEvent[]): HelmReleaseRow[] | undefined =>
  [...events].reverse().find((e): e is Extract<HelmReleasesEvent, { type: 'snapshot' }> => e.type === 'snapshot')?.rows;
/** A row as `helm list -o json` prints it (our extra fields left out). */
const asHelmList = ({ name, namespace, revision, updated, status, chart, app_version }: HelmReleaseRow) => ({ name, namespace, revision, updated, status, chart, app_version });

describe('Helm releases read natively, helm as the oracle (real test cluster)', () => {
  let core: Core;
  let h: Handlers;
  let call: ReturnType<typeof caller>;
  const ns = randomName('wh-helm');

  beforeAll(async () => {
    ensureHelm();
    core = newCore();
    h = helmHandlers(core, { searchPath: helmBinDir() });
    call = caller(h);
    await kubectl(['create', 'namespace', ns]);
    await eventually(() => kubectl(['get', 'serviceaccount', 'default', '-n', ns]), 30_000, 'default service account');
    // hello: two revisions (Secret driver); keeper: one (ConfigMap driver, HELM_DRIVER=configmap).
    await helm(['install', 'hello', HELLO_CHART, '-n', ns, '--set', 'greeting=hello']);
    await helm(['upgrade', 'hello', HELLO_CHART, '-n', ns, '--set', 'greeting=bonjour', '--set', 'auth.password=s3cret']);
    await helm(['install', 'keeper', HELLO_CHART, '-n', ns, '--set', 'replicaCount=2'], { HELM_DRIVER: 'configmap' });
  }, 300_000);

  afterAll(async () => {
    await kubectl(['delete', 'namespace', ns, '--wait=false']).catch(() => undefined);
    await core?.dispose();
  });

  // helm v4 has no -a: its `helm list` shows every status by default (pkg/action/list.go SetStateMask).
  it('the releases table equals `helm list -a -A -o json` (both drivers), live', async () => {
    const sub = subscribe<HelmReleasesEvent>(h, 'helm.releases', { context: ADMIN });
    try {
      const ours: HelmReleaseRow[] = await eventually(() => {
        const rows = rowsOf(sub.events)?.filter((r) => r.namespace === ns);
        return rows?.length === 2 ? rows : undefined;
      }, 60_000, 'both releases listed');
      const secrets = (await helmJson(['list', '-A'])).filter((r: any) => r.namespace === ns);
      const configmaps = (await helmJson(['list', '-A'], { HELM_DRIVER: 'configmap' })).filter((r: any) => r.namespace === ns);
      expect(secrets).toHaveLength(1);
      expect(configmaps).toHaveLength(1);
      expect(ours.filter((r) => r.storage === 'secret').map(asHelmList)).toEqual(secrets);
      expect(ours.filter((r) => r.storage === 'configmap').map(asHelmList)).toEqual(configmaps);
      expect(ours.every((r) => !r.error)).toBe(true);
    } finally {
      sub.close();
    }
  });

  it('history equals `helm history -o json`; the page shows status, notes and the manifest objects', async () => {
    const sub = subscribe<any>(h, 'helm.release', { context: ADMIN, namespace: ns, name: 'hello' });
    try {
      const detail: HelmReleaseDetail = await eventually(() => sub.events.findLast((e) => e.type === 'release')?.release, 30_000, 'release detail');
      expect(detail.history).toEqual(await helmJson(['history', 'hello', '-n', ns]));
      const status = await helmJson(['status', 'hello', '-n', ns]);
      expect(detail.current).toMatchObject({ revision: 2, status: 'deployed', notes: status.info.notes, description: status.info.description });
      expect(detail.current!.objects.map((o) => `${o.kind}/${o.name}`).sort()).toEqual(['ConfigMap/hello-hello', 'Deployment/hello-hello', 'Service/hello-hello']);
    } finally {
      sub.close();
    }
  });

  it('values equal `helm get values [--all]` (secret-looking ones masked unless revealed)', async () => {
    for (const revision of [1, 2]) {
      const user = await call('helm.values', { context: ADMIN, namespace: ns, name: 'hello', revision, reveal: true });
      expect(user.values).toEqual(await helmJson(['get', 'values', 'hello', '-n', ns, '--revision', String(revision)]));
      const all = await call('helm.values', { context: ADMIN, namespace: ns, name: 'hello', revision, all: true, reveal: true });
      expect(all.values).toEqual(await helmJson(['get', 'values', 'hello', '-n', ns, '--all', '--revision', String(revision)]));
    }
    const cm = await call('helm.values', { context: ADMIN, namespace: ns, name: 'keeper', all: true, reveal: true });
    expect(cm.values).toEqual(await helmJson(['get', 'values', 'keeper', '-n', ns, '--all'], { HELM_DRIVER: 'configmap' }));
    const masked = await call('helm.values', { context: ADMIN, namespace: ns, name: 'hello', all: true });
    expect(masked.masked).toEqual(['auth.password']);
    expect(masked.yaml).not.toContain('s3cret');
    expect(masked.yaml).toContain('greeting: bonjour');
  });

  it('the manifest equals `helm get manifest`, for every revision', async () => {
    for (const revision of [1, 2]) {
      const ours = await call('helm.manifest', { context: ADMIN, namespace: ns, name: 'hello', revision, reveal: true });
      expect(ours.manifest.trim()).toBe((await helm(['get', 'manifest', 'hello', '-n', ns, '--revision', String(revision)])).trim());
    }
  });

  it('the revision diff shows the changed value and the changed ConfigMap line, other objects unchanged', async () => {
    const d = await call('helm.diff', { context: ADMIN, namespace: ns, name: 'hello', from: 1, to: 2 });
    expect(d.valuesFrom).toContain('greeting: hello');
    expect(d.valuesTo).toContain('greeting: bonjour');
    expect(d.valuesTo).not.toContain('s3cret');
    expect(Object.fromEntries(d.objects.map((o: any) => [o.kind, o.change]))).toEqual({ Service: 'unchanged', ConfigMap: 'changed', Deployment: 'unchanged' });
    const cm = d.objects.find((o: any) => o.kind === 'ConfigMap');
    expect(cm.from).toContain('GREETING: "hello"');
    expect(cm.to).toContain('GREETING: "bonjour"');
  });

  it('pending-upgrade shows live while helm waits, then the outcome helm records', async () => {
    await helm(['install', 'waiter', HELLO_CHART, '-n', ns]);
    const sub = subscribe<HelmReleasesEvent>(h, 'helm.releases', { context: ADMIN, namespace: ns });
    const dir = mkdtempSync(join(tmpdir(), 'wh-helm-wait-'));
    try {
      const statusOf = () => rowsOf(sub.events)?.find((r) => r.name === 'waiter')?.status;
      await eventually(() => statusOf() === 'deployed', 30_000, 'waiter deployed');
      // Pods labelled wheelhouse.dev/stuck never turn Ready (KWOK), so helm --wait holds pending-upgrade until its timeout.
      writeFileSync(join(dir, 'stuck.yaml'), 'podLabels:\n  wheelhouse.dev/stuck: "true"\n');
      const upgrading = helm(['upgrade', 'waiter', HELLO_CHART, '-n', ns, '-f', join(dir, 'stuck.yaml'), '--wait=watcher', '--timeout=15s']).catch((e: Error) => e);
      await eventually(() => statusOf() === 'pending-upgrade', 30_000, 'pending-upgrade while helm waits');
      expect(rowsOf(sub.events)?.find((r) => r.name === 'waiter')?.revision).toBe('2');
      expect(await upgrading).toBeInstanceOf(Error);
      await eventually(() => statusOf() === 'failed', 30_000, 'failed after the timeout');
      const [listed] = (await helmJson(['list', '-n', ns, '--filter', '^waiter$']));
      expect(rowsOf(sub.events)?.find((r) => r.name === 'waiter')).toMatchObject({ status: listed.status, revision: listed.revision, updated: listed.updated });
    } finally {
      sub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('drift: after `kubectl scale` only the Deployment is OutOfSync, with the replicas line in its diff', async () => {
    const before = await call('helm.drift', { context: ADMIN, namespace: ns, name: 'hello' });
    expect(before.objects.map((o: any) => [o.kind, o.status, o.message ?? ''])).toEqual(before.objects.map((o: any) => [o.kind, 'Synced', '']));
    await kubectl(['scale', 'deployment/hello-hello', '-n', ns, '--replicas=3']);
    const after = await call('helm.drift', { context: ADMIN, namespace: ns, name: 'hello' });
    const out = after.objects.filter((o: any) => o.status !== 'Synced');
    expect(out.map((o: any) => `${o.kind}/${o.name}:${o.status}`)).toEqual(['Deployment/hello-hello:OutOfSync']);
    expect(out[0].live).toMatch(/^\s+replicas: 3$/m);
    expect(out[0].desired).toMatch(/^\s+replicas: 1$/m);
    const liveLines = new Set(out[0].live.split('\n'));
    expect(out[0].desired.split('\n').filter((l: string) => !liveLines.has(l)).map((l: string) => l.trim())).toEqual(['replicas: 1']);
  });
});
