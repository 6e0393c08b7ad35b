// Helm actions through Wheelhouse against the same command run with helm on a twin release: the release
// storage (revisions, statuses, descriptions, values, manifests) and the cluster objects must match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, eventually, newCore, randomName } from '../../testing/testCluster';
import { kubectl } from '../../testing/twinTestKit';
import { ensureHelm, helmBinDir, HELLO_CHART } from '../../../test-cluster/helm.mjs';
import { helmHandlers } from './helmHandlers';
import { caller, helm, helmJson, installTwinReleases } from '../../testing/helmTestKit';
import { activityLogOf } from '../actions/activityLog';
import type { Core } from '../core';

/** The release storage helm keeps, without the times (the twins were written seconds apart). */
async function storage(ns: string) {
  const history = (await helmJson(['history', 'hello', '-n', ns])).map(({ updated: _u, ...rest }: any) => rest);
  const out: any[] = [];
  for (const h of history) {
    if (h.status === 'uninstalled') { out.push(h); continue; }
    const rev = String(h.revision);
    out.push({
      ...h,
      values: await helmJson(['get', 'values', 'hello', '-n', ns, '--revision', rev]),
      manifest: (await helm(['get', 'manifest', 'hello', '-n', ns, '--revision', rev])).replaceAll(ns, 'NS'),
    });
  }
  return out;
}

/** The release's live objects, as far as helm set them (server-assigned fields left out). */
async function objects(ns: string) {
  const list = JSON.parse(await kubectl(['get', 'deployments,services,configmaps', '-n', ns, '-l', 'app.kubernetes.io/name=hello', '-o', 'json']));
  return list.items.map((o: any) => ({
    kind: o.kind, name: o.metadata.name, labels: o.metadata.labels,
    spec: o.kind === 'Deployment' ? { replicas: o.spec.replicas, template: o.spec.template } : o.kind === 'Service' ? { ports: o.spec.ports, selector: o.spec.selector } : undefined,
    data: o.data,
  })).sort((a: any, b: any) => `${a.kind}/${a.name}`.localeCompare(`${b.kind}/${b.name}`));
}

describe('Helm actions through Wheelhouse equal helm itself on a twin release (real test cluster)', () => {
  let core: Core;
  let call: ReturnType<typeof caller>;
  const base = randomName('wh-helm-twin');
  const ours = `${base}-ours`;
  const theirs = `${base}-helm`;
  const dir = mkdtempSync(join(tmpdir(), 'wh-helm-values-'));

  beforeAll(async () => {
    ensureHelm();
    core = newCore();
    call = caller(helmHandlers(core, { searchPath: helmBinDir() }));
    await installTwinReleases([ours, theirs], ['hello', 'bonjour']);
  }, 300_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const ns of [ours, theirs]) await kubectl(['delete', 'namespace', ns, '--wait=false']).catch(() => undefined);
    await core?.dispose();
  });

  it('rollback to revision 1: the dry run previews revision 2 → 1 and writes nothing; then the same storage and objects as `helm rollback`', async () => {
    const dry = await call('helm.rollback', { context: ADMIN, namespace: ours, name: 'hello', revision: 1, dryRun: true });
    expect(dry.preview.valuesFrom).toContain('greeting: bonjour');
    expect(dry.preview.valuesTo).toContain('greeting: hello');
    expect((await helmJson(['history', 'hello', '-n', ours])).length).toBe(2);

    const res = await call('helm.rollback', { context: ADMIN, namespace: ours, name: 'hello', revision: 1 });
    await helm(['rollback', 'hello', '1', '-n', theirs]);
    expect(res.output).toMatch(/Rollback was a success/);
    expect(await storage(ours)).toEqual(await storage(theirs));
    expect((await storage(ours)).map((r: any) => [r.revision, r.status])).toEqual([[1, 'superseded'], [2, 'superseded'], [3, 'deployed']]);
    expect(await objects(ours)).toEqual(await objects(theirs));
    const logged = activityLogOf(core).list(ADMIN).filter((e) => e.action === 'helm rollback' && e.namespace === ours);
    expect(logged.map((e) => [e.dryRun, e.outcome])).toEqual([[true, 'ok'], [false, 'ok']]);
    expect(logged[1].message).toMatch(/Rollback was a success/);
  });

  it('upgrade with edited values (same chart, from the stored record) equals `helm upgrade --reset-values -f`', async () => {
    const values = 'greeting: hola\nreplicaCount: 2\n';
    const dry = await call('helm.upgrade', { context: ADMIN, namespace: ours, name: 'hello', values, dryRun: true });
    expect(dry.preview.objects.filter((o: any) => o.change === 'changed').map((o: any) => o.kind).sort()).toEqual(['ConfigMap', 'Deployment']);
    expect((await helmJson(['history', 'hello', '-n', ours])).length).toBe(3);

    await call('helm.upgrade', { context: ADMIN, namespace: ours, name: 'hello', values });
    writeFileSync(join(dir, 'values.yaml'), values);
    await helm(['upgrade', 'hello', HELLO_CHART, '-n', theirs, '--reset-values', '-f', join(dir, 'values.yaml')]);
    expect(await storage(ours)).toEqual(await storage(theirs));
    expect((await storage(ours)).at(-1)).toMatchObject({ revision: 4, status: 'deployed', values: { greeting: 'hola', replicaCount: 2 } });
    expect(await objects(ours)).toEqual(await objects(theirs));
  });

  it('uninstall with keep-history equals `helm uninstall --keep-history`: history kept as uninstalled, objects gone', async () => {
    const dry = await call('helm.uninstall', { context: ADMIN, namespace: ours, name: 'hello', keepHistory: true, dryRun: true });
    expect(dry.preview.objects.map((o: any) => o.change)).toEqual(['removed', 'removed', 'removed']);
    expect(await objects(ours)).toHaveLength(3);

    await call('helm.uninstall', { context: ADMIN, namespace: ours, name: 'hello', keepHistory: true });
    await helm(['uninstall', 'hello', '-n', theirs, '--keep-history']);
    expect(await storage(ours)).toEqual(await storage(theirs));
    expect((await storage(ours)).at(-1)).toMatchObject({ revision: 4, status: 'uninstalled' });
    await eventually(async () => (await objects(ours)).length === 0, 60_000, 'objects deleted');
    expect(await objects(theirs)).toEqual([]);
  });
});
