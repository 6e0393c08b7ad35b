import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ADMIN, useTestNamespace } from '../../testing/testCluster';
import { kubectl } from '../../../test-cluster/kubectl.mjs';
import { testKubeconfig } from '../../testing/testCluster';
import { editObject } from './editObject';
import { editableCopy } from '../../../shared/edit/editableCopy';

const k = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, ...opts });
const WIDGETS = { group: 'demo.wheelhouse.dev', version: 'v1alpha1', resource: 'widgets' };
const CONFIGMAPS = { group: '', version: 'v1', resource: 'configmaps' };

describe('editObject (kubectl edit) against the real cluster', () => {
  const t = useTestNamespace('wh-int-edit');
  const http = () => t.core.connection(ADMIN).http;
  const load = async (path: string) => {
    const obj = await http().request('GET', path);
    return { obj, yaml: stringify(editableCopy(obj)) };
  };

  it('a custom resource gets a JSON merge patch, like kubectl edit; the result matches kubectl edit on a twin', async () => {
    for (const name of ['ours', 'twin']) {
      await k(['apply', '-n', t.ns, '-f', '-'], { input: JSON.stringify({ apiVersion: 'demo.wheelhouse.dev/v1alpha1', kind: 'Widget', metadata: { name }, spec: { size: 'small', colour: 'red', count: 1 } }) });
    }
    const { obj, yaml } = await load(`/apis/demo.wheelhouse.dev/v1alpha1/namespaces/${t.ns}/widgets/ours`);
    const r = await editObject(http(), { context: ADMIN, ...WIDGETS, namespace: t.ns, name: 'ours', loadedYaml: yaml, loadedResourceVersion: obj.metadata.resourceVersion,
      editedYaml: yaml.replace('size: small', 'size: large').replace('  count: 1\n', '') });
    expect(r).toMatchObject({ outcome: 'patched', patchType: 'merge', patch: { spec: { size: 'large', count: null } } });
    await k(['edit', `widget/twin`, '-n', t.ns], { env: { KUBE_EDITOR: "sed -i -e 's/size: small/size: large/' -e '/^  count: 1$/d'" } });
    const ours = JSON.parse(await k(['get', 'widget/ours', '-n', t.ns, '-o', 'json']));
    const twin = JSON.parse(await k(['get', 'widget/twin', '-n', t.ns, '-o', 'json']));
    expect(ours.spec).toEqual(twin.spec);
    expect(ours.spec).toEqual({ size: 'large', colour: 'red' });
  });

  it('refuses a rename, sends nothing for no change, and holds back when the object changed since loading', async () => {
    await k(['create', 'configmap', 'cfg', '-n', t.ns, '--from-literal=a=1']);
    const { obj, yaml } = await load(`/api/v1/namespaces/${t.ns}/configmaps/cfg`);
    const base = { context: ADMIN, ...CONFIGMAPS, namespace: t.ns, name: 'cfg', loadedYaml: yaml, loadedResourceVersion: obj.metadata.resourceVersion };
    await expect(editObject(http(), { ...base, editedYaml: yaml.replace('name: cfg', 'name: other') })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('metadata.name changed') });
    expect(await editObject(http(), { ...base, editedYaml: yaml })).toMatchObject({ outcome: 'unchanged' });

    await k(['label', 'configmap/cfg', '-n', t.ns, 'meanwhile=yes']);
    const edited = yaml.replace('a: "1"', 'a: "2"');
    const held = await editObject(http(), { ...base, editedYaml: edited });
    expect(held.outcome).toBe('changed');
    expect((held.newer as any).metadata.labels).toEqual({ meanwhile: 'yes' });
    expect((held.object as any).data).toEqual({ a: '2' });
    expect(JSON.parse(await k(['get', 'configmap/cfg', '-n', t.ns, '-o', 'json'])).data).toEqual({ a: '1' });

    const sent = await editObject(http(), { ...base, editedYaml: edited, acceptResourceVersion: held.newerResourceVersion });
    expect(sent).toMatchObject({ outcome: 'patched', patchType: 'strategic', patch: { data: { a: '2' } } });
    const now = JSON.parse(await k(['get', 'configmap/cfg', '-n', t.ns, '-o', 'json']));
    expect(now.data).toEqual({ a: '2' });
    expect(now.metadata.labels).toEqual({ meanwhile: 'yes' });
  });
});
