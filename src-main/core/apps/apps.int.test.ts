import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ADMIN, newCore, randomName } from '../../testing/testCluster';
import { APP_FIXTURES, copyAppFixture, kustomizeBinDir } from '../../testing/appFixtures';
import { kubectl, kubectlResult } from '../../testing/kubectlResult';
import { appsOf, type AppsService } from './appsService';
import type { Core } from '../core';
import type { AppDef, AppState } from '../../../shared/contract/apps';

/** The name kubectl diff gives an object's temp file: [group.]version.Kind.namespace.name. */
const diffName = (o: { apiVersion: string; kind: string; namespace?: string; name: string }) =>
  `${o.apiVersion.replace('/', '.')}.${o.kind}.${o.namespace ?? ''}.${o.name}`;

/** The objects `kubectl diff --server-side -f DIR -n NS` reports, by their diffName; exit 0 = none. */
async function kubectlDiffSet(dir: string, ns: string): Promise<{ names: Set<string>; code: number | null; out: string }> {
  const r = await kubectlResult(['diff', '--server-side', '--force-conflicts', '-f', dir, '-n', ns]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`kubectl diff failed (${r.code}): ${r.stderr}`);
  const names = new Set([...r.stdout.matchAll(/^diff -u -N \S+\/LIVE-\d+\/(\S+) /gm)].map((m) => m[1]));
  return { names, code: r.code, out: r.stdout };
}

/** Waits until the runtime's state satisfies `ok` (statuses arrive from watches and file events). */
function stateWhere(apps: AppsService, id: string, ok: (s: AppState) => boolean, timeoutMs = 15_000): Promise<AppState> {
  return new Promise((resolve, reject) => {
    let last: AppState | undefined;
    const timer = setTimeout(() => { stop(); reject(new Error(`timed out; last state: ${JSON.stringify(last?.objects.map((o) => [o.key, o.state, o.reason]))} ${last?.renderError ?? ''}`)); }, timeoutMs);
    const stop = apps.watch(id, (s) => { last = s; if (!s.refreshing && ok(s)) { clearTimeout(timer); queueMicrotask(() => stop()); resolve(s); } }, reject);
  });
}

const stateOf = (s: AppState, key: string) => s.objects.find((o) => o.key === key)?.state;

describe('Applications against kubectl (plain manifests)', () => {
  let core: Core;
  let apps: AppsService;
  const ns = randomName('wh-apps');
  let dir: string;
  let app: AppDef;

  beforeAll(async () => {
    core = newCore();
    apps = appsOf(core);
    dir = copyAppFixture('plain', ns);
    app = await apps.add({ name: 'demo', path: dir, context: ADMIN, namespace: ns });
  });
  afterAll(async () => {
    await core.dispose();
    await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']).catch(() => {});
    await kubectl(['delete', 'crd', `widgets.${ns}.example.com`, '--ignore-not-found', '--wait=false']).catch(() => {});
  });

  it('first shows every object Missing (the CR waiting for its CRD), then a sync creates them all in order', async () => {
    const before = await stateWhere(apps, app.id, (s) => s.objects.length >= 8);
    expect(before.source.type).toBe('plain');
    expect(before.objects.every((o) => o.state === 'Missing')).toBe(true);
    expect(before.objects.find((o) => o.kind === 'Widget')?.reason).toMatch(/CustomResourceDefinition is in this source/);
    const r = await apps.sync(app.id, { prune: false, force: false });
    expect(r.ok, JSON.stringify(r.items)).toBe(true);
    // Namespace first, CRD before its custom resource.
    const order = r.items.map((i) => i.kind);
    expect(order[0]).toBe('Namespace');
    expect(order.indexOf('CustomResourceDefinition')).toBeLessThan(order.indexOf('Widget'));
    const after = await stateWhere(apps, app.id, (s) => s.syncStatus === 'Synced');
    expect(after.app.lastSync).toMatchObject({ outcome: 'ok', by: expect.stringMatching(/wheelhouse/) });
    // The list says so too.
    const listed = await new Promise<any>((resolve) => { const stop = apps.watchList((l) => { if (l[0]?.app.lastSync) { queueMicrotask(() => stop()); resolve(l[0]); } }); });
    expect(listed.app.lastSync.message).toMatch(/^8 created/);
    expect(after.counts).toMatchObject({ synced: 8, outOfSync: 0, missing: 0, extra: 0, errors: 0 });
    expect((await kubectlDiffSet(dir, ns)).code).toBe(0);
    // The apply set kubectl would find: the parent Secret with the id label and the kinds.
    const parent = JSON.parse(await kubectl(['get', 'secret', 'demo', '-n', ns, '-o', 'json']));
    expect(parent.metadata.labels['applyset.kubernetes.io/id']).toBe(after.applySetId);
    expect(parent.metadata.annotations['applyset.kubernetes.io/contains-group-kinds']).toBe(`ConfigMap,CustomResourceDefinition.apiextensions.k8s.io,Deployment.apps,Ingress.networking.k8s.io,Namespace,Service,Widget.${ns}.example.com`);
    const cm = JSON.parse(await kubectl(['get', 'configmap', 'web-config', '-n', ns, '-o', 'json']));
    expect(cm.metadata.labels['applyset.kubernetes.io/part-of']).toBe(after.applySetId);
  });

  it('after prepared drifts, what Wheelhouse calls OutOfSync or Missing is exactly what kubectl diff reports', async () => {
    await kubectl(['scale', 'deployment/web', '-n', ns, '--replicas=5']);
    await kubectl(['set', 'image', 'deployment/worker', '-n', ns, 'worker=busybox:1.37']);
    await kubectl(['label', 'configmap/web-config', '-n', ns, 'team=payments']);
    await kubectl(['delete', 'service/web', '-n', ns]);
    writeFileSync(join(dir, 'added.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: added\ndata:\n  k: v\n');
    rmSync(join(dir, 'ingress.yaml'));

    const s = await stateWhere(apps, app.id, (x) => stateOf(x, `Deployment.apps/${ns}/web`) === 'OutOfSync' && stateOf(x, `ConfigMap/${ns}/added`) === 'Missing'
      && stateOf(x, `Ingress.networking.k8s.io/${ns}/web`) === 'Extra' && stateOf(x, `Service/${ns}/web`) === 'Missing' && stateOf(x, `Deployment.apps/${ns}/worker`) === 'OutOfSync');
    const ours = new Set(s.objects.filter((o) => o.state === 'OutOfSync' || o.state === 'Missing').map(diffName));
    const theirs = await kubectlDiffSet(dir, ns);
    expect([...ours].sort()).toEqual([...theirs.names].sort());
    expect(ours).toEqual(new Set([`apps.v1.Deployment.${ns}.web`, `apps.v1.Deployment.${ns}.worker`, `v1.Service.${ns}.web`, `v1.ConfigMap.${ns}.added`]));
    const web = s.objects.find((o) => o.key === `Deployment.apps/${ns}/web`)!;
    expect(web.paths).toContain('spec.replicas');
    expect(web.conflicts.map((c) => c.manager)).toContain('kubectl');
    // The label another manager added is theirs: neither kubectl diff nor Wheelhouse calls it a difference.
    expect(stateOf(s, `ConfigMap/${ns}/web-config`)).toBe('Synced');
    const diff = await apps.diff(app.id, web.key);
    expect(diff.live).toMatch(/replicas: 5/);
    expect(diff.desired).toMatch(/replicas: 2/);
  });

  it('a prune deletes exactly what kubectl apply --prune --applyset --dry-run=server lists, and kubectl accepts the set Wheelhouse wrote', async () => {
    const kube = await kubectlResult(['apply', '--server-side', '--force-conflicts', '--prune', '--applyset=demo', '-n', ns, '-f', dir, '--dry-run=server'], { KUBECTL_APPLYSET: 'true' });
    expect(kube.code, kube.stderr).toBe(0);
    const kubectlPruned = [...kube.stdout.matchAll(/^(\S+) pruned/gm)].map((m) => m[1]).sort();
    expect(kubectlPruned).toEqual(['ingress.networking.k8s.io/web']);

    const conflictFirst = await apps.preview(app.id, { prune: true, force: false });
    expect(conflictFirst.items.find((i) => i.name === 'web' && i.kind === 'Deployment')?.action).toBe('conflict');
    const plan = await apps.preview(app.id, { prune: true, force: true });
    const ourPrune = plan.items.filter((i) => i.action === 'prune').map((i) => i.key);
    expect(ourPrune).toEqual([`Ingress.networking.k8s.io/${ns}/web`]);

    const r = await apps.sync(app.id, { prune: true, force: true });
    expect(r.ok, JSON.stringify(r.items)).toBe(true);
    expect(r.items.filter((i) => i.outcome === 'pruned').map((i) => i.key)).toEqual(ourPrune);
    await expect(kubectl(['get', 'ingress', 'web', '-n', ns])).rejects.toThrow(/NotFound/);
    // Controllers finish with the objects a moment after the sync (a Deployment's rollout): the diff
    // settles to nothing; what kubectl still reports is printed if it does not.
    let after = await kubectlDiffSet(dir, ns);
    for (let i = 0; i < 20 && after.code !== 0; i++) { await new Promise((r) => setTimeout(r, 500)); after = await kubectlDiffSet(dir, ns); }
    expect(after.code, after.out).toBe(0);
    await stateWhere(apps, app.id, (x) => x.syncStatus === 'Synced');
    // kubectl takes the set over: nothing left to prune, the parent is its to update.
    const again = await kubectlResult(['apply', '--server-side', '--force-conflicts', '--prune', '--applyset=demo', '-n', ns, '-f', dir, '--dry-run=server'], { KUBECTL_APPLYSET: 'true' });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toMatch(/pruned/);
    const entries = (await import('../actions/activityLog')).activityLogOf(core).list(ADMIN).filter((e) => e.action.startsWith('application sync'));
    expect(entries.at(-1)).toMatchObject({ target: 'application demo', outcome: 'ok', namespace: ns });
    expect(entries.at(-1)!.message).toMatch(/pruned Ingress.networking.k8s.io/);
  });
});

describe('an apply set written by kubectl is understood by Wheelhouse', () => {
  let core: Core;
  const ns = randomName('wh-apps-rev');
  beforeAll(async () => { core = newCore(); await kubectl(['create', 'namespace', ns]); });
  afterAll(async () => {
    await core.dispose();
    await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']).catch(() => {});
  });

  it('members kubectl applied and that left the source are Extra, and a Wheelhouse prune removes exactly those', async () => {
    const dir = copyAppFixture('plain', ns);
    for (const f of ['namespace.yaml', 'crd.yaml', 'widget.yaml', 'ingress.yaml', 'web.yaml', 'worker.yaml']) rmSync(join(dir, f));
    writeFileSync(join(dir, 'second.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\n');
    const applied = await kubectlResult(['apply', '--server-side', '--prune', '--applyset=kset', '-n', ns, '-f', dir], { KUBECTL_APPLYSET: 'true' });
    expect(applied.code, applied.stderr).toBe(0);
    rmSync(join(dir, 'second.yaml'));

    const apps = appsOf(core);
    const app = await apps.add({ name: 'kset', path: dir, context: ADMIN, namespace: ns });
    // The list and the page asking at once share one runtime (a second would miss the last sync).
    const [one, two] = await Promise.all([apps.acquire(app.id), apps.acquire(app.id)]);
    expect(one.rt).toBe(two.rt);
    one.release(); two.release();
    const s = await stateWhere(apps, app.id, (x) => x.objects.length === 2);
    expect(s.objects.map((o) => [o.key, o.state]).sort()).toEqual([[`ConfigMap/${ns}/second`, 'Extra'], [`ConfigMap/${ns}/web-config`, 'Synced']]);
    const plan = await apps.preview(app.id, { prune: true, force: false });
    expect(plan.items.filter((i) => i.action === 'prune').map((i) => i.key)).toEqual([`ConfigMap/${ns}/second`]);
    const r = await apps.sync(app.id, { prune: true, force: false });
    expect(r.ok, JSON.stringify(r.items)).toBe(true);
    await expect(kubectl(['get', 'configmap', 'second', '-n', ns])).rejects.toThrow(/NotFound/);
    const back = await kubectlResult(['apply', '--server-side', '--prune', '--applyset=kset', '-n', ns, '-f', dir, '--dry-run=server'], { KUBECTL_APPLYSET: 'true' });
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).not.toMatch(/pruned/);
  });
});

describe('a kustomize source', () => {
  let core: Core;
  const ns = randomName('wh-apps-kust');
  const savedPath = process.env.PATH;
  beforeAll(async () => {
    // The test bed's kustomize (a no-op when cached; about a minute to build otherwise).
    const { execFileSync } = await import('node:child_process');
    execFileSync('bash', [join(APP_FIXTURES, '../../build-kustomize.sh')], { stdio: 'inherit', timeout: 600_000 });
    core = newCore();
    process.env.PATH = `${kustomizeBinDir()}${delimiter}${savedPath}`;
  }, 600_000);
  afterAll(async () => { process.env.PATH = savedPath; await core.dispose(); });

  it.each(['overlays/dev', 'overlays/prod'])('%s renders the same objects as `kustomize build`', async (overlay) => {
    const dir = join(copyAppFixture('kustomize', ns), overlay);
    const { renderSource } = await import('./renderSource');
    const ours = await renderSource({ path: dir, namespace: ns });
    expect(ours.renderer).toMatch(/kustomize build$/);
    expect(ours.problems).toEqual([]);
    const { execFileSync } = await import('node:child_process');
    const { parseAllDocuments } = await import('yaml');
    const cli = parseAllDocuments(execFileSync(join(kustomizeBinDir(), 'kustomize'), ['build', dir], { encoding: 'utf8' })).map((d: any) => d.toJS());
    expect(ours.objects.map((o) => o.object)).toEqual(cli);
    expect(cli.length).toBe(3);
  });

  it('without kustomize on the PATH, `kubectl kustomize` renders it, to the same objects', async () => {
    const dir = join(copyAppFixture('kustomize', ns), 'overlays/prod');
    const { kubectlPath } = await import('../../../test-cluster/kubectl.mjs');
    const { dirname } = await import('node:path');
    const withKustomize = process.env.PATH;
    process.env.PATH = dirname(kubectlPath());
    try {
      const { detectSource, renderSource } = await import('./renderSource');
      const det = await detectSource(dir);
      expect(det.message).toMatch(/kubectl kustomize$/);
      const viaKubectl = await renderSource({ path: dir, namespace: ns });
      process.env.PATH = withKustomize;
      const viaKustomize = await renderSource({ path: dir, namespace: ns });
      expect(viaKustomize.renderer).toMatch(/kustomize build$/);
      expect(viaKubectl.objects.map((o) => o.object)).toEqual(viaKustomize.objects.map((o) => o.object));
    } finally { process.env.PATH = withKustomize; }
  });

  it('detection says which tool renders it, and the app compares it with the cluster', async () => {
    const dir = join(copyAppFixture('kustomize', ns), 'overlays/prod');
    const apps = appsOf(core);
    expect((await apps.store.list()).length).toBe(0);
    const { detectSource } = await import('./renderSource');
    expect((await detectSource(dir)).message).toMatch(/kustomize source .*kustomize build/);
    const app = await apps.add({ name: 'kust', path: dir, context: ADMIN, namespace: ns });
    const s = await stateWhere(apps, app.id, (x) => x.objects.length === 3);
    expect(s.objects.map((o) => o.state)).toEqual(['Missing', 'Missing', 'Missing']);
    expect(s.objects.map((o) => `${o.kind} ${o.name}`).sort()).toEqual(['ConfigMap prod-api-config-hf678c7m2b', 'Deployment prod-api', 'Service prod-api']);
  });
});

describe('bad input: each problem names its file and object, the rest still shows', () => {
  let core: Core;
  const ns = randomName('wh-apps-bad');
  const savedPath = process.env.PATH;
  beforeAll(() => { core = newCore(); process.env.PATH = `${kustomizeBinDir()}${delimiter}${savedPath}`; });
  afterAll(async () => { process.env.PATH = savedPath; await core.dispose(); });

  it('invalid YAML, no kind, a duplicate, an unknown kind and a huge file beside good objects', async () => {
    const { mkdtempSync, truncateSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'wh-bad-app-'));
    writeFileSync(join(dir, 'good.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n');
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n');
    writeFileSync(join(dir, 'nokind.yaml'), 'apiVersion: v1\nmetadata:\n  name: nokind\n');
    writeFileSync(join(dir, 'dup.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n');
    writeFileSync(join(dir, 'unknown.yaml'), 'apiVersion: nothing.example.com/v1\nkind: Gizmo\nmetadata:\n  name: g\n');
    writeFileSync(join(dir, 'huge.yaml'), '');
    truncateSync(join(dir, 'huge.yaml'), 50 << 20);
    const apps = appsOf(core);
    const app = await apps.add({ name: 'bad', path: dir, context: ADMIN, namespace: ns });
    const s = await stateWhere(apps, app.id, (x) => x.objects.length >= 3);
    expect(s.objects.map((o) => [o.key.replace(/#.*/, '#dup'), o.state]).sort()).toEqual([
      [`ConfigMap/${ns}/good#dup`, 'Error'], [`ConfigMap/${ns}/good`, 'Missing'], [`Gizmo.nothing.example.com/${ns}/g`, 'Error'],
    ]);
    expect(s.objects.find((o) => o.key.includes('#'))!.reason).toBe('duplicate: the same object is defined in dup.yaml:1');
    expect(s.objects.find((o) => o.kind === 'Gizmo')!.reason).toMatch(/no matches for kind "Gizmo"/);
    expect(s.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'broken.yaml', message: expect.stringMatching(/invalid YAML/) }),
      expect.objectContaining({ file: 'nokind.yaml', line: 1, object: '(no kind) nokind', message: 'has no kind' }),
      expect.objectContaining({ file: 'huge.yaml', message: expect.stringMatching(/50\.0 MiB is over/) }),
    ]));
  });

  it('a Helm chart without helm on the PATH: the detection names the program, every folder searched, and how to install it', async () => {
    const { tempDir } = await import('../../testing/testCluster');
    const { detectSource, renderSource } = await import('./renderSource');
    const dir = copyAppFixture('helm-chart', ns);
    const empty = tempDir('wh-empty-path-');
    const before = process.env.PATH;
    process.env.PATH = empty;
    try {
      const det = await detectSource(dir);
      expect(det.type).toBe('helm');
      expect(det.toolMissing).toMatch(/The `helm` program was not found\. Looked in: /);
      expect(det.toolMissing).toContain(empty);
      expect(det.toolMissing).toMatch(/Install helm or add its folder to your login shell's PATH/);
      expect((await renderSource({ path: dir, namespace: ns })).failed).toMatch(/`helm` program was not found/);
    } finally { process.env.PATH = before; }
  });

  it('a namespaced object without a namespace in an application without a default is refused by name', async () => {
    const { resolveDesired } = await import('./desiredObjects');
    const r = await resolveDesired(core.connection(ADMIN).http, [{ file: 'x.yaml', line: 3, object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'lost' } } }], undefined, 'applyset-x-v1');
    expect(r.desired).toEqual([]);
    expect(r.errors[0]).toMatchObject({ file: 'x.yaml', line: 3, name: 'lost', message: expect.stringMatching(/without a namespace/) });
  });

  it('a kustomization whose tool fails keeps the last good render, marked stale', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'wh-kust-stale-'));
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - cm.yaml\n');
    writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kept\n');
    const apps = appsOf(core);
    const app = await apps.add({ name: 'stale', path: dir, context: ADMIN, namespace: ns });
    await stateWhere(apps, app.id, (x) => x.objects.length === 1 && !x.stale);
    // A remote base cannot be fetched offline (and a missing file fails the same way, faster).
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - cm.yaml\n  - missing.yaml\n');
    const s = await stateWhere(apps, app.id, (x) => x.stale);
    expect(s.renderError).toMatch(/missing\.yaml/);
    expect(s.objects.map((o) => o.name)).toEqual(['kept']);
  });
});

describe('a Secret in a diff', () => {
  let core: Core;
  const ns = randomName('wh-apps-secret');
  beforeAll(async () => { core = newCore(); await kubectl(['create', 'namespace', ns]); });
  afterAll(async () => {
    await core.dispose();
    await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']).catch(() => {});
  });

  it('shows which keys change, masked like kubectl diff, never a value', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'wh-secret-app-'));
    const secret = (pw: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  user: admin\n  password: ${pw}\n`;
    writeFileSync(join(dir, 'secret.yaml'), secret('hunter2-old'));
    const apps = appsOf(core);
    const app = await apps.add({ name: 'sec', path: dir, context: ADMIN, namespace: ns });
    await stateWhere(apps, app.id, (x) => x.objects.length === 1);
    expect((await apps.sync(app.id, { prune: false, force: false })).ok).toBe(true);
    writeFileSync(join(dir, 'secret.yaml'), secret('hunter2-new'));
    await stateWhere(apps, app.id, (x) => x.objects[0]?.state === 'OutOfSync');
    const diff = await apps.diff(app.id, `Secret/${ns}/creds`);
    expect(diff.live).toContain('password: "*** (before)"');
    expect(diff.desired).toContain('password: "*** (after)"');
    expect(diff.live).toContain('user: "***"');
    expect(diff.desired).toContain('user: "***"');
    const both = diff.live + diff.desired;
    for (const plain of ['hunter2', 'YWRtaW4', 'aHVudGVy']) expect(both).not.toContain(plain);
  });
});
