// Bad release storage and a missing helm: each a clear error on that release only; the list still shows
// the good releases (helm silently leaves undecodable records out of `helm list`).
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, eventually, LIMITED, newCore, randomName } from '../../testing/testCluster';
import { kubectl } from '../../testing/twinTestKit';
import { ensureHelm, helmBinDir, HELLO_CHART } from '../../../test-cluster/helm.mjs';
import { caller, helm, helmJson, subscribe } from '../../testing/helmTestKit';
import { helmHandlers } from './helmHandlers';
import type { HelmReleaseRow, HelmReleasesEvent } from '../../../shared/contract/helm';
import type { Core } from '../core';
import type { Handlers } from '../handlers';

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');
/** A Secret as helm's Secret driver writes it, with `release` = what the API will hold (base64 of helm's base64). */
function releaseSecret(ns: string, name: string, version: number, helmEncoded: string) {
  return {
    apiVersion: 'v1', kind: 'Secret', type: 'helm.sh/release.v1',
    metadata: { name: `sh.helm.release.v1.${name}.v${version}`, namespace: ns, labels: { owner: 'helm', name, version: String(version), status: 'deployed' } },
    data: { release: b64(helmEncoded) },
  };
}
const encode = (json: string) => b64(gzipSync(Buffer.from(json)));

const rowsOf = (events: HelmReleasesEvent[]): HelmReleaseRow[] | undefined =>
  [...events].reverse().find((e): e is Extract<HelmReleasesEvent, { type: 'snapshot' }> => e.type === 'snapshot')?.rows;

describe('Helm: corrupt storage, a missing chart, a missing helm (real test cluster)', () => {
  let core: Core;
  let h: Handlers;
  const ns = randomName('wh-helm-bad');

  beforeAll(async () => {
    ensureHelm();
    core = newCore();
    h = helmHandlers(core, { searchPath: helmBinDir() });
    await kubectl(['create', 'namespace', ns]);
    await eventually(() => kubectl(['get', 'serviceaccount', 'default', '-n', ns]), 30_000, 'default service account');
    await helm(['install', 'good', HELLO_CHART, '-n', ns]);
    // A well-formed record (helm reads it: a record without `info` makes `helm list` panic, which would break
    // other suites' `helm list -A`) whose 80 MiB is over our cap.
    const huge = encode(JSON.stringify({ name: 'huge', namespace: ns, version: 1, info: { status: 'deployed' }, chart: { metadata: { name: 'hello', version: '0.1.0' } }, manifest: 'x'.repeat(80 << 20) }));
    const noChart = encode(JSON.stringify({ name: 'nochart', namespace: ns, version: 1, info: { status: 'deployed', description: 'Install complete', last_deployed: '2026-12-07T10:00:00Z' }, manifest: '', config: {} }));
    const bad = [
      releaseSecret(ns, 'badbase64', 1, '!!!this is not base64!!!'),
      releaseSecret(ns, 'badgzip', 1, b64(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]))),
      releaseSecret(ns, 'notjson', 1, encode('{"name": "notjson", ')),
      releaseSecret(ns, 'huge', 1, huge),
      releaseSecret(ns, 'nochart', 1, noChart),
    ];
    await kubectl(['create', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: bad }) });
  }, 300_000);

  afterAll(async () => {
    await kubectl(['delete', 'namespace', ns, '--wait=false']).catch(() => undefined);
    await core?.dispose();
  });

  it('each corrupt record is an error on its own release; the readable releases are listed as helm describes them', async () => {
    const sub = subscribe<HelmReleasesEvent>(h, 'helm.releases', { context: ADMIN, namespace: ns });
    try {
      const rows = await eventually(() => { const r = rowsOf(sub.events); return r?.length === 6 ? r : undefined; }, 60_000, 'six releases');
      const by = Object.fromEntries(rows.map((r) => [r.name, r]));
      expect(by.badbase64.error).toMatch(/Secret .*sh\.helm\.release\.v1\.badbase64\.v1: .*not valid base64/);
      expect(by.badgzip.error).toMatch(/not valid gzip/);
      expect(by.notjson.error).toMatch(/not JSON/);
      expect(by.huge.error).toMatch(/decompresses to more than 64 MiB; not read/);
      for (const n of ['badbase64', 'badgzip', 'notjson', 'huge']) expect(by[n]).toMatchObject({ namespace: ns, revision: '1', status: 'deployed', storage: 'secret' });
      // The record without a chart reads fine and shows helm's own word for it.
      expect(by.nochart).toMatchObject({ chart: 'MISSING', app_version: 'MISSING', status: 'deployed' });
      expect(by.nochart.error).toBeUndefined();
      // helm itself silently leaves the records it cannot decode out of its list (a debug log line only),
      // and reads the 80 MiB one whole; the rows it does print are ours, field for field.
      const helmRows = await helmJson(['list', '-n', ns]);
      expect(helmRows.map((r: any) => r.name)).toEqual(['good', 'huge', 'nochart']);
      const pick = ({ name, namespace, revision, updated, status, chart, app_version }: HelmReleaseRow) => ({ name, namespace, revision, updated, status, chart, app_version });
      expect([by.good, by.nochart].map(pick)).toEqual(helmRows.filter((r: any) => r.name !== 'huge'));
      const status = await helmJson(['status', 'good', '-n', ns]);
      const [goodHistory] = await helmJson(['history', 'good', '-n', ns]);
      expect(by.good).toMatchObject({ name: 'good', namespace: ns, revision: String(status.version), status: status.info.status, chart: goodHistory.chart, app_version: goodHistory.app_version, lastDeployed: goodHistory.updated });
      expect(by.good.error).toBeUndefined();
      const [noChartHistory] = await helmJson(['history', 'nochart', '-n', ns]);
      expect(noChartHistory).toMatchObject({ chart: 'MISSING', app_version: 'MISSING', status: 'deployed' });
    } finally {
      sub.close();
    }
  });

  it('a corrupt release page says what is wrong; the release without a chart refuses upgrade and rollback with the reason', async () => {
    const call = caller(h);
    const sub = subscribe<any>(h, 'helm.release', { context: ADMIN, namespace: ns, name: 'notjson' });
    try {
      const detail = await eventually(() => sub.events.findLast((e) => e.type === 'release')?.release, 30_000, 'detail');
      expect(detail.error).toMatch(/not JSON/);
      expect(detail.history[0].error).toMatch(/not JSON/);
    } finally {
      sub.close();
    }
    await expect(call('helm.values', { context: ADMIN, namespace: ns, name: 'badgzip' })).rejects.toThrow(/not valid gzip/);
    await expect(call('helm.upgrade', { context: ADMIN, namespace: ns, name: 'nochart', values: 'a: 1' })).rejects.toThrow(/has no chart in its stored record/);
    expect((await call('helm.values', { context: ADMIN, namespace: ns, name: 'good' })).revision).toBe(1);
  });

  it('helm failing: its own error comes back on that release; the failed revision shows as helm records it', async () => {
    const call = caller(h);
    // A Service port the API server refuses: helm renders, applies, fails, and records a failed revision.
    const err = await call('helm.upgrade', { context: ADMIN, namespace: ns, name: 'good', values: 'service:\n  port: 99999\n' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/^helm upgrade failed: .*(port|99999)/s);
    const history = await helmJson(['history', 'good', '-n', ns]);
    expect(history.at(-1)).toMatchObject({ revision: 2, status: 'failed' });
    const sub = subscribe<any>(h, 'helm.release', { context: ADMIN, namespace: ns, name: 'good' });
    try {
      const detail = await eventually(() => sub.events.findLast((e) => e.type === 'release' && e.release.history.length === 2)?.release, 30_000, 'failed revision');
      expect(detail.history).toEqual(history);
    } finally {
      sub.close();
    }
  });

  it('RBAC: a user who may not touch the release storage gets a forbidden list and actions refused before helm runs', async () => {
    const call = caller(h);
    // wheelhouse-limited may edit namespace demo only.
    const sub = subscribe<HelmReleasesEvent>(h, 'helm.releases', { context: LIMITED, namespace: ns });
    try {
      await eventually(() => sub.events.some((e) => e.type === 'freshness' && e.freshness.state === 'forbidden'), 30_000, 'forbidden');
    } finally {
      sub.close();
    }
    const err = await call('helm.uninstall', { context: LIMITED, namespace: ns, name: 'good' }).catch((e: Error) => e);
    expect(err.message).toMatch(/forbidden|not allowed/i);
    const [good] = await helmJson(['history', 'good', '-n', ns]);
    expect(good.status).not.toBe('uninstalled');
  });

  it('helm missing: says which program and where it looked; looking still works, actions refuse with that message', async () => {
    const missing = helmHandlers(core, { searchPath: '/nonexistent/wh-a:/nonexistent/wh-b' });
    const call = caller(missing);
    const tool = await call('helm.tool', {});
    expect(tool).toMatchObject({ found: false, searched: ['/nonexistent/wh-a', '/nonexistent/wh-b'] });
    expect(tool.message).toMatch(/The `helm` program was not found\. Looked in: \/nonexistent\/wh-a, \/nonexistent\/wh-b/);
    await expect(call('helm.rollback', { context: ADMIN, namespace: ns, name: 'good', revision: 1 })).rejects.toThrow(/`helm` program was not found/);
    expect((await call('helm.manifest', { context: ADMIN, namespace: ns, name: 'good' })).manifest).toContain('kind: Deployment');
    const found = await caller(h)('helm.tool', {});
    expect(found).toMatchObject({ found: true, path: `${helmBinDir()}/helm` });
    expect(found.version).toMatch(/^v4\.3\.2/);
  });
});
