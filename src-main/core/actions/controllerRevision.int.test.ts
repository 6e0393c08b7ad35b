import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolloutHistory } from './rolloutHistory';
import { rolloutRestart } from './rolloutRestart';
import { rolloutUndo } from './rolloutUndo';
import { createInBoth, createTwinNamespaces, deleteNamespaces, expectSameAt, kubectl, type TwinNamespaces } from '../../testing/twinTestKit';
import { ADMIN, eventually, newCore } from '../../testing/testCluster';
import type { Core } from '../core';
import type { KubeHttp } from '../cluster/kubeHttp';

type Kind = 'StatefulSet' | 'DaemonSet';
const RESOURCE: Record<Kind, string> = { StatefulSet: 'statefulsets', DaemonSet: 'daemonsets' };
const PATHS = ['metadata.generation', 'metadata.labels', 'metadata.annotations', 'spec'];

function manifest(kind: Kind, name: string, image: string): any {
  const template = { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } };
  return kind === 'StatefulSet'
    ? { apiVersion: 'apps/v1', kind, metadata: { name }, spec: { replicas: 1, serviceName: name, podManagementPolicy: 'Parallel', selector: { matchLabels: { app: name } }, template } }
    // Pinned to one shared node so the DaemonSet stays small.
    : { apiVersion: 'apps/v1', kind, metadata: { name }, spec: { selector: { matchLabels: { app: name } }, template: { ...template, spec: { ...template.spec, nodeSelector: { 'kubernetes.io/hostname': 'kwok-node-0' } } } } };
}

describe('StatefulSet and DaemonSet rollouts through ControllerRevisions, like kubectl', () => {
  let core: Core;
  let http: KubeHttp;
  let twins: TwinNamespaces;
  const get = (kind: Kind, ns: string, name: string) => http.request('GET', `/apis/apps/v1/namespaces/${ns}/${RESOURCE[kind]}/${name}`);
  const revisions = async (ns: string, app: string) => (await http.request('GET', `/apis/apps/v1/namespaces/${ns}/controllerrevisions`, { query: { labelSelector: `app=${app}` } }))
    .items.map((r: any) => r.revision).sort((a: number, b: number) => a - b);
  const settled = (kind: Kind, ns: string, name: string) => eventually(async () => {
    const o = await get(kind, ns, name);
    return (o.status?.observedGeneration ?? 0) >= o.metadata.generation ? o : undefined;
  }, 60_000, `${kind} ${name} observed`);

  /** Revisions 1, 2, 3 in both namespaces, each observed before the next. */
  async function threeRevisions(kind: Kind, name: string) {
    await createInBoth(twins, [manifest(kind, name, 'app:1')]);
    for (const ns of [twins.ours, twins.theirs]) {
      await settled(kind, ns, name);
      for (const image of ['app:2', 'app:3']) {
        await kubectl(['set', 'image', '-n', ns, `${kind.toLowerCase()}/${name}`, `main=${image}`]);
        await settled(kind, ns, name);
      }
      await eventually(async () => (await revisions(ns, name)).length === 3, 30_000, 'three ControllerRevisions');
    }
  }

  beforeAll(async () => {
    core = newCore();
    http = core.connection(ADMIN).http;
    twins = await createTwinNamespaces(http, 'wh-crev');
  });
  afterAll(async () => {
    if (twins) await deleteNamespaces(http, twins.ours, twins.theirs);
    await core.dispose();
  });

  for (const kind of ['StatefulSet', 'DaemonSet'] as const) {
    const name = kind === 'StatefulSet' ? 'sts' : 'ds';

    it(`${kind}: history, undo (1,2,3 → 1,3,4) and undo --to-revision=1 match kubectl`, async () => {
      await threeRevisions(kind, name);
      const { revisions: history } = await rolloutHistory(http, { namespace: twins.ours, kind, name });
      expect(history.map((r) => [r.revision, r.images[0].image, r.current])).toEqual([[1, 'app:1', false], [2, 'app:2', false], [3, 'app:3', true]]);

      const r = await rolloutUndo(http, { namespace: twins.ours, kind, name });
      await kubectl(['rollout', 'undo', '-n', twins.theirs, `${kind.toLowerCase()}/${name}`]);
      expect(r).toMatchObject({ outcome: 'rolled-back', revision: 2, summary: 'container main: image app:3 → app:2' });
      const ours = await settled(kind, twins.ours, name);
      const theirs = await settled(kind, twins.theirs, name);
      expectSameAt(ours, theirs, PATHS);
      expect(ours.spec.template.spec.containers[0].image).toBe('app:2');
      await eventually(async () => JSON.stringify(await revisions(twins.ours, name)) === '[1,3,4]' && JSON.stringify(await revisions(twins.theirs, name)) === '[1,3,4]', 30_000, 'revisions 1,3,4 on both');

      await rolloutUndo(http, { namespace: twins.ours, kind, name, toRevision: 1 });
      await kubectl(['rollout', 'undo', '-n', twins.theirs, `${kind.toLowerCase()}/${name}`, '--to-revision=1']);
      expectSameAt(await settled(kind, twins.ours, name), await settled(kind, twins.theirs, name), PATHS);
      await eventually(async () => JSON.stringify(await revisions(twins.ours, name)) === '[3,4,5]' && JSON.stringify(await revisions(twins.theirs, name)) === '[3,4,5]', 30_000, 'revisions 3,4,5 on both');

      await expect(rolloutUndo(http, { namespace: twins.ours, kind, name, toRevision: 5 })).resolves.toMatchObject({ outcome: 'skipped', message: 'skipped rollback (current template already matches revision 5)' });
      await expect(rolloutUndo(http, { namespace: twins.ours, kind, name, toRevision: 42 })).rejects.toMatchObject({ code: 'not-found', message: 'unable to find specified revision 42 in history' });
    });

    it(`${kind}: restart matches kubectl rollout restart`, async () => {
      const n = `${name}-restart`;
      await createInBoth(twins, [manifest(kind, n, 'app:1')]);
      await settled(kind, twins.ours, n);
      await settled(kind, twins.theirs, n);
      await rolloutRestart(http, { namespace: twins.ours, kind, name: n });
      await kubectl(['rollout', 'restart', '-n', twins.theirs, `${kind.toLowerCase()}/${n}`]);
      expectSameAt(await settled(kind, twins.ours, n), await settled(kind, twins.theirs, n), PATHS);
    });
  }
});
