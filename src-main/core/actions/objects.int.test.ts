import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyManifest } from './apply';
import { deleteObject } from './deleteObject';
import { replaceObject } from './replaceObject';
import { comparable, createInBoth, createTwinNamespaces, deleteNamespaces, deploymentManifest, expectSameAt, kubectl, rolledOut, type TwinNamespaces } from '../../testing/twinTestKit';
import { ADMIN, eventually, newCore } from '../../testing/testCluster';
import type { Core } from '../core';
import type { KubeHttp } from '../cluster/kubeHttp';

const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' };
const CONFIGMAPS = { group: '', version: 'v1', resource: 'configmaps' };

describe('delete, apply and replace, like kubectl', () => {
  let core: Core;
  let http: KubeHttp;
  let twins: TwinNamespaces;
  const get = (path: string) => http.request('GET', path);
  const gone = async (path: string) => { try { await get(path); return false; } catch (err: any) { return err.status === 404; } };
  const replicaSets = async (ns: string, app: string) => (await http.request('GET', `/apis/apps/v1/namespaces/${ns}/replicasets`, { query: { labelSelector: `app=${app}` } })).items;
  const managers = (o: any) => (o.metadata.managedFields ?? []).map((f: any) => `${f.manager}:${f.operation}`).sort();

  beforeAll(async () => {
    core = newCore();
    http = core.connection(ADMIN).http;
    twins = await createTwinNamespaces(http, 'wh-objects');
  });
  afterAll(async () => {
    if (twins) await deleteNamespaces(http, twins.ours, twins.theirs);
    await core.dispose();
  });

  it('delete --cascade=orphan: the Deployment goes, its ReplicaSets stay without owner, as with kubectl', async () => {
    await createInBoth(twins, [deploymentManifest('orphan', 'nginx:1.25')]);
    await rolledOut(http, twins.ours, 'orphan');
    await rolledOut(http, twins.theirs, 'orphan');
    const r = await deleteObject(http, { ...DEPLOYMENTS, namespace: twins.ours, name: 'orphan', propagationPolicy: 'Orphan' });
    await kubectl(['delete', '-n', twins.theirs, 'deployment/orphan', '--cascade=orphan']);
    expect(r.outcome).toBe('deleting'); // the orphan finalizer holds it until the garbage collector is done
    for (const ns of [twins.ours, twins.theirs]) await eventually(() => gone(`/apis/apps/v1/namespaces/${ns}/deployments/orphan`), 30_000, 'deployment gone');
    const ours = await eventually(async () => { const l = await replicaSets(twins.ours, 'orphan'); return l.length === 1 && !l[0].metadata.ownerReferences ? l : undefined; }, 30_000, 'orphaned ReplicaSet');
    const theirs = await eventually(async () => { const l = await replicaSets(twins.theirs, 'orphan'); return l.length === 1 && !l[0].metadata.ownerReferences ? l : undefined; }, 30_000, 'orphaned ReplicaSet (kubectl)');
    expectSameAt(ours[0], theirs[0], ['metadata.name', 'metadata.labels', 'metadata.annotations', 'metadata.ownerReferences', 'metadata.finalizers', 'spec']);
  });

  it('delete (background, the default) and --cascade=foreground remove dependents as kubectl does', async () => {
    await createInBoth(twins, [deploymentManifest('bg', 'nginx:1.25'), deploymentManifest('fg', 'nginx:1.25')]);
    for (const ns of [twins.ours, twins.theirs]) { await rolledOut(http, ns, 'bg'); await rolledOut(http, ns, 'fg'); }

    expect(await deleteObject(http, { ...DEPLOYMENTS, namespace: twins.ours, name: 'bg' })).toMatchObject({ outcome: 'deleted', message: 'deployments.apps "bg" deleted' });
    await kubectl(['delete', '-n', twins.theirs, 'deployment/bg', '--wait=false']);

    const fg = await deleteObject(http, { ...DEPLOYMENTS, namespace: twins.ours, name: 'fg', propagationPolicy: 'Foreground' });
    await kubectl(['delete', '-n', twins.theirs, 'deployment/fg', '--cascade=foreground', '--wait=false']);
    expect(fg.outcome === 'deleting' || fg.outcome === 'deleted').toBe(true);
    if (fg.outcome === 'deleting') expect(fg.message).toContain('foregroundDeletion');

    for (const ns of [twins.ours, twins.theirs]) {
      for (const app of ['bg', 'fg']) {
        await eventually(() => gone(`/apis/apps/v1/namespaces/${ns}/deployments/${app}`), 30_000, `${app} gone`);
        await eventually(async () => (await replicaSets(ns, app)).length === 0, 30_000, `${app} ReplicaSets gone`);
        await eventually(async () => (await http.request('GET', `/api/v1/namespaces/${ns}/pods`, { query: { labelSelector: `app=${app}` } })).items.length === 0, 30_000, `${app} pods gone`);
      }
    }
  });

  it('a server-side dry-run delete deletes nothing', async () => {
    await createInBoth(twins, [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep' }, data: { a: '1' } }]);
    expect(await deleteObject(http, { ...CONFIGMAPS, namespace: twins.ours, name: 'keep', dryRun: true })).toMatchObject({ outcome: 'deleted', dryRun: true });
    expect((await get(`/api/v1/namespaces/${twins.ours}/configmaps/keep`)).data).toEqual({ a: '1' });
  });

  const manifest = (replicas: number) => `
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
---
${JSON.stringify(deploymentManifest('applied', 'nginx:1.25', replicas))}
`;

  it('apply: multi-document server-side apply as field manager wheelhouse, identical to kubectl apply --server-side', async () => {
    const dry = await applyManifest(http, { yaml: manifest(2), namespace: twins.ours, dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, results: [{ kind: 'ConfigMap', outcome: 'created' }, { kind: 'Deployment', outcome: 'created' }] });
    expect(await gone(`/api/v1/namespaces/${twins.ours}/configmaps/settings`)).toBe(true);
    // The dry run answers with the object as it would be stored (what an editor shows as "would change").
    expect(dry.results[1].object).toMatchObject({ kind: 'Deployment', metadata: { name: 'applied', namespace: twins.ours }, spec: { replicas: 2 } });
    expect((dry.results[1].object as any).metadata.managedFields).toBeUndefined();

    const r = await applyManifest(http, { yaml: manifest(2), namespace: twins.ours });
    await kubectl(['apply', '--server-side', '--field-manager=wheelhouse', '-n', twins.theirs, '-f', '-'], { input: manifest(2) });
    expect(r.results.map((x) => [x.kind, x.name, x.namespace, x.outcome])).toEqual([['ConfigMap', 'settings', twins.ours, 'created'], ['Deployment', 'applied', twins.ours, 'created']]);
    const paths = ['metadata.labels', 'metadata.annotations', 'spec', 'data'];
    for (const path of ['/api/v1/namespaces/NS/configmaps/settings', '/apis/apps/v1/namespaces/NS/deployments/applied']) {
      const ours = await get(path.replace('NS', twins.ours));
      const theirs = await get(path.replace('NS', twins.theirs));
      expectSameAt(ours, theirs, paths);
      expect(managers(ours).filter((m: string) => m.startsWith('wheelhouse'))).toEqual(['wheelhouse:Apply']);
      expect(managers(ours).filter((m: string) => m.startsWith('wheelhouse'))).toEqual(managers(theirs).filter((m: string) => m.startsWith('wheelhouse')));
    }
    const again = await applyManifest(http, { yaml: manifest(2), namespace: twins.ours });
    expect(again.results.map((x) => x.outcome)).toEqual(['configured', 'configured']);
  });

  it('apply surfaces a conflict with another manager and overwrites nothing unless forced', async () => {
    const other = JSON.stringify({ ...deploymentManifest('contested', 'nginx:1.25', 2) });
    for (const ns of [twins.ours, twins.theirs]) await kubectl(['apply', '--server-side', '--field-manager=someone-else', '-n', ns, '-f', '-'], { input: other });
    const mine = JSON.stringify(deploymentManifest('contested', 'nginx:1.25', 5));

    const r = await applyManifest(http, { yaml: mine, namespace: twins.ours });
    expect(r.ok).toBe(false);
    expect(r.results[0]).toMatchObject({ outcome: 'conflict', conflicts: [expect.objectContaining({ field: '.spec.replicas', message: expect.stringContaining('someone-else') })] });
    expect((await get(`/apis/apps/v1/namespaces/${twins.ours}/deployments/contested`)).spec.replicas).toBe(2);
    await expect(kubectl(['apply', '--server-side', '--field-manager=wheelhouse', '-n', twins.theirs, '-f', '-'], { input: mine })).rejects.toThrow(/conflict/i);

    // A forced dry run writes nothing and names the fields that would change owner, and from whom.
    const forcedDry = await applyManifest(http, { yaml: mine, namespace: twins.ours, force: true, dryRun: true });
    expect(forcedDry.results[0].ownership).toEqual([{ field: '.spec.replicas', from: ['someone-else'] }]);
    expect((forcedDry.results[0].current as any).spec.replicas).toBe(2);
    expect((forcedDry.results[0].object as any).spec.replicas).toBe(5);
    expect((await get(`/apis/apps/v1/namespaces/${twins.ours}/deployments/contested`)).spec.replicas).toBe(2);

    const forced = await applyManifest(http, { yaml: mine, namespace: twins.ours, force: true });
    await kubectl(['apply', '--server-side', '--force-conflicts', '--field-manager=wheelhouse', '-n', twins.theirs, '-f', '-'], { input: mine });
    expect(forced.results[0].outcome).toBe('configured');
    const ours = await get(`/apis/apps/v1/namespaces/${twins.ours}/deployments/contested`);
    const theirs = await get(`/apis/apps/v1/namespaces/${twins.theirs}/deployments/contested`);
    expect(ours.spec.replicas).toBe(5);
    expectSameAt(ours, theirs, ['metadata.generation', 'metadata.labels', 'metadata.annotations', 'spec']);
    expect(managers(ours)).toEqual(managers(theirs));
  });

  it('apply with the resourceVersion an edit started from reports a conflict when the object changed since', async () => {
    await kubectl(['create', 'configmap', 'edited-by-apply', '-n', twins.ours, '--from-literal=a=1']);
    const loaded = await get(`/api/v1/namespaces/${twins.ours}/configmaps/edited-by-apply`);
    await kubectl(['label', 'configmap', 'edited-by-apply', '-n', twins.ours, 'meanwhile=yes']);
    const edit = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'edited-by-apply', resourceVersion: loaded.metadata.resourceVersion, labels: { mine: 'yes' } }, data: { a: '1' } };
    const r = await applyManifest(http, { yaml: JSON.stringify(edit), namespace: twins.ours });
    expect(r.results[0]).toMatchObject({ outcome: 'conflict', message: expect.stringContaining('the object has been modified') });
    expect((await get(`/api/v1/namespaces/${twins.ours}/configmaps/edited-by-apply`)).metadata.labels).toEqual({ meanwhile: 'yes' });
  });

  it('apply goes document by document: an unknown kind fails in its row, the rest is applied; an object\'s own namespace wins', async () => {
    await expect(applyManifest(http, { yaml: 'kind: [', namespace: twins.ours })).rejects.toMatchObject({ code: 'bad-request' });
    const yaml = `apiVersion: example.com/v1\nkind: Nope\nmetadata:\n  name: x\n---\n`
      + `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: per-doc\n  namespace: ${twins.theirs}\ndata:\n  a: "1"\n---\n`
      + 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: per-doc-default\ndata:\n  b: "2"\n';
    const r = await applyManifest(http, { yaml, namespace: twins.ours });
    expect(r.ok).toBe(false);
    expect(r.results.map((x) => [x.outcome, x.namespace])).toEqual([['error', undefined], ['created', twins.theirs], ['created', twins.ours]]);
    expect(r.results[0].message).toContain('no matches for kind "Nope"');
    expect((await get(`/api/v1/namespaces/${twins.theirs}/configmaps/per-doc`)).data).toEqual({ a: '1' });
    expect((await get(`/api/v1/namespaces/${twins.ours}/configmaps/per-doc-default`)).data).toEqual({ b: '2' });
  });

  it('replace with the resourceVersion the edit started from; a stale one is a conflict, never an overwrite', async () => {
    await createInBoth(twins, [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'edited' }, data: { v: '1' } }]);
    const oursObj = await get(`/api/v1/namespaces/${twins.ours}/configmaps/edited`);
    const theirsObj = await get(`/api/v1/namespaces/${twins.theirs}/configmaps/edited`);
    const r = await replaceObject(http, { ...CONFIGMAPS, namespace: twins.ours, name: 'edited', object: { ...oursObj, data: { v: '2' } } });
    await kubectl(['replace', '-n', twins.theirs, '-f', '-'], { input: JSON.stringify({ ...theirsObj, data: { v: '2' } }) });
    expect(r.message).toBe('configmaps "edited" replaced');
    expectSameAt(await get(`/api/v1/namespaces/${twins.ours}/configmaps/edited`), await get(`/api/v1/namespaces/${twins.theirs}/configmaps/edited`), ['data', 'metadata.labels', 'metadata.annotations']);

    // The same edit again, still based on the old resourceVersion: refused, and nothing written.
    await expect(replaceObject(http, { ...CONFIGMAPS, namespace: twins.ours, name: 'edited', object: { ...oursObj, data: { v: '3' } } }))
      .rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('was changed by someone else') });
    await expect(kubectl(['replace', '-n', twins.theirs, '-f', '-'], { input: JSON.stringify({ ...theirsObj, data: { v: '3' } }) })).rejects.toThrow(/modified|conflict/i);
    expect(comparable((await get(`/api/v1/namespaces/${twins.ours}/configmaps/edited`)).data)).toEqual({ v: '2' });
    await expect(replaceObject(http, { ...CONFIGMAPS, namespace: twins.ours, name: 'edited', object: { ...oursObj, metadata: { name: 'edited' } } }))
      .rejects.toMatchObject({ code: 'bad-request' });
  });
});
