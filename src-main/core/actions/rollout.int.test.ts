import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolloutHistory } from './rolloutHistory';
import { rolloutPause, rolloutResume } from './rolloutPause';
import { rolloutRestart } from './rolloutRestart';
import { watchRolloutStatus } from './rolloutStatusWatch';
import { rolloutUndo } from './rolloutUndo';
import {
  createInBoth, createTwinNamespaces, deleteNamespaces, deploymentManifest, expectSameAt, kubectl, replicaSetsByRevision, rolledOut,
  type TwinNamespaces,
} from '../../testing/twinTestKit';
import { ADMIN, eventually, newCore } from '../../testing/testCluster';
import type { Core } from '../core';
import type { KubeHttp } from '../cluster/kubeHttp';
import type { RolloutStatusEvent } from '../../../shared/contract/actions';

const DEPLOYMENT_PATHS = ['metadata.generation', 'metadata.labels', 'metadata.annotations', 'spec'];

describe('rollouts, like kubectl rollout', () => {
  let core: Core;
  let http: KubeHttp;
  let twins: TwinNamespaces;
  const deployment = (ns: string, name: string) => http.request('GET', `/apis/apps/v1/namespaces/${ns}/deployments/${name}`);

  /** Revisions 1, 2, 3 (nginx 1.23 → 1.24 → 1.25) in both namespaces, each rolled out before the next. */
  async function threeRevisions(name: string): Promise<void> {
    await createInBoth(twins, [deploymentManifest(name, 'nginx:1.23')]);
    for (const ns of [twins.ours, twins.theirs]) {
      await rolledOut(http, ns, name);
      for (const [i, image] of ['nginx:1.24', 'nginx:1.25'].entries()) {
        await kubectl(['set', 'image', '-n', ns, `deployment/${name}`, `main=${image}`]);
        await kubectl(['annotate', '-n', ns, `deployment/${name}`, `kubernetes.io/change-cause=step ${i + 2}`, '--overwrite']);
        await rolledOut(http, ns, name);
      }
    }
  }

  beforeAll(async () => {
    core = newCore();
    http = core.connection(ADMIN).http;
    twins = await createTwinNamespaces(http, 'wh-rollout');
  });
  afterAll(async () => {
    if (twins) await deleteNamespaces(http, twins.ours, twins.theirs);
    await core.dispose();
  });

  it('restart stamps restartedAt on the template exactly as `kubectl rollout restart`', async () => {
    await createInBoth(twins, [deploymentManifest('restart', 'nginx:1.25')]);
    await rolledOut(http, twins.ours, 'restart');
    await rolledOut(http, twins.theirs, 'restart');
    const r = await rolloutRestart(http, { namespace: twins.ours, kind: 'Deployment', name: 'restart' });
    await kubectl(['rollout', 'restart', '-n', twins.theirs, 'deployment/restart']);
    expect(r.message).toBe('deployment.apps/restart restarted');
    const ours = await rolledOut(http, twins.ours, 'restart');
    const theirs = await rolledOut(http, twins.theirs, 'restart');
    expectSameAt(ours, theirs, DEPLOYMENT_PATHS);
    expect(ours.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe(r.restartedAt);
    expect([...(await replicaSetsByRevision(http, twins.ours, 'restart')).keys()].sort()).toEqual([1, 2]);
  });

  it('history lists revisions with change-cause and images, like `kubectl rollout history`', async () => {
    await threeRevisions('hist');
    const { revisions } = await rolloutHistory(http, { namespace: twins.ours, kind: 'Deployment', name: 'hist' });
    expect(revisions.map((r) => [r.revision, r.images[0].image, r.current])).toEqual([[1, 'nginx:1.23', false], [2, 'nginx:1.24', false], [3, 'nginx:1.25', true]]);
    const printed = await kubectl(['rollout', 'history', '-n', twins.ours, 'deployment/hist']);
    const rows = printed.trim().split('\n').filter((l) => /^\d/.test(l)).map((l) => l.trim().split(/\s{2,}/));
    expect(rows).toEqual(revisions.map((r) => [String(r.revision), r.changeCause ?? '<none>']));
  });

  it('undo: history 1,2,3 → revisions 1,3,4 for both, with identical objects', async () => {
    await threeRevisions('undo');
    const r = await rolloutUndo(http, { namespace: twins.ours, kind: 'Deployment', name: 'undo' });
    await kubectl(['rollout', 'undo', '-n', twins.theirs, 'deployment/undo']);
    expect(r).toMatchObject({ outcome: 'rolled-back', revision: 2, message: 'deployment.apps/undo rolled back', summary: 'container main: image nginx:1.25 → nginx:1.24' });
    const ours = await rolledOut(http, twins.ours, 'undo');
    const theirs = await rolledOut(http, twins.theirs, 'undo');
    expectSameAt(ours, theirs, DEPLOYMENT_PATHS);
    expect(ours.spec.template.spec.containers[0].image).toBe('nginx:1.24');
    const oursRs = await replicaSetsByRevision(http, twins.ours, 'undo');
    const theirsRs = await replicaSetsByRevision(http, twins.theirs, 'undo');
    expect([...oursRs.keys()].sort()).toEqual([1, 3, 4]);
    expect([...theirsRs.keys()].sort()).toEqual([1, 3, 4]);
    for (const rev of [1, 3, 4]) expect(oursRs.get(rev), `ReplicaSet of revision ${rev}`).toEqual(theirsRs.get(rev));
  });

  it('undo --to-revision=1: revisions 2,3,4 for both, identical objects', async () => {
    await threeRevisions('to1');
    const r = await rolloutUndo(http, { namespace: twins.ours, kind: 'Deployment', name: 'to1', toRevision: 1 });
    await kubectl(['rollout', 'undo', '-n', twins.theirs, 'deployment/to1', '--to-revision=1']);
    expect(r).toMatchObject({ outcome: 'rolled-back', revision: 1 });
    const ours = await rolledOut(http, twins.ours, 'to1');
    const theirs = await rolledOut(http, twins.theirs, 'to1');
    expectSameAt(ours, theirs, DEPLOYMENT_PATHS);
    expect(ours.spec.template.spec.containers[0].image).toBe('nginx:1.23');
    const oursRs = await replicaSetsByRevision(http, twins.ours, 'to1');
    const theirsRs = await replicaSetsByRevision(http, twins.theirs, 'to1');
    expect([...oursRs.keys()].sort()).toEqual([2, 3, 4]);
    expect([...theirsRs.keys()].sort()).toEqual([2, 3, 4]);
    for (const rev of [2, 3, 4]) expect(oursRs.get(rev), `ReplicaSet of revision ${rev}`).toEqual(theirsRs.get(rev));

    // The same request again: the template already matches, nothing is written (kubectl: "skipped rollback").
    const before = await deployment(twins.ours, 'to1');
    const again = await rolloutUndo(http, { namespace: twins.ours, kind: 'Deployment', name: 'to1', toRevision: 4 });
    expect(again).toMatchObject({ outcome: 'skipped', message: 'skipped rollback (current template already matches revision 4)' });
    expect(await kubectl(['rollout', 'undo', '-n', twins.theirs, 'deployment/to1', '--to-revision=4'])).toContain('skipped rollback (current template already matches revision 4)');
    expect((await deployment(twins.ours, 'to1')).metadata.generation).toBe(before.metadata.generation);
  });

  it('undo refuses an unknown revision and a paused deployment with kubectl\'s messages', async () => {
    await expect(rolloutUndo(http, { namespace: twins.ours, kind: 'Deployment', name: 'to1', toRevision: 99 }))
      .rejects.toMatchObject({ code: 'not-found', message: 'unable to find specified revision 99 in history' });
    await expect(kubectl(['rollout', 'undo', '-n', twins.theirs, 'deployment/to1', '--to-revision=99'])).rejects.toThrow(/unable to find specified revision 99 in history/);
    await kubectl(['rollout', 'pause', '-n', twins.ours, 'deployment/to1']);
    await expect(rolloutUndo(http, { namespace: twins.ours, kind: 'Deployment', name: 'to1' }))
      .rejects.toMatchObject({ code: 'refused', message: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" });
    await kubectl(['rollout', 'resume', '-n', twins.ours, 'deployment/to1']);
  });

  it('undo as a server-side dry run returns the object it would store and names the image change, writing nothing', async () => {
    await createInBoth(twins, [deploymentManifest('dry', 'nginx:1.23')]);
    await rolledOut(http, twins.ours, 'dry');
    await kubectl(['set', 'image', '-n', twins.ours, 'deployment/dry', 'main=nginx:1.24']);
    const before = await rolledOut(http, twins.ours, 'dry');
    const r = await rolloutUndo(http, { namespace: twins.ours, kind: 'Deployment', name: 'dry', dryRun: true });
    expect(r).toMatchObject({ outcome: 'rolled-back', dryRun: true, revision: 1, summary: 'container main: image nginx:1.24 → nginx:1.23' });
    expect(r.changes).toEqual([{ path: 'spec.containers[main].image', before: 'nginx:1.24', after: 'nginx:1.23' }]);
    expect((r.object as any).spec.template.spec.containers[0].image).toBe('nginx:1.23');
    const after = await deployment(twins.ours, 'dry');
    expect(after.metadata.generation).toBe(before.metadata.generation);
    expect(after.metadata.annotations).toEqual(before.metadata.annotations);
    expect(after.spec.template.spec.containers[0].image).toBe('nginx:1.24');
  });

  it('pause then resume end exactly as `kubectl rollout pause` / `resume`', async () => {
    await createInBoth(twins, [deploymentManifest('pause', 'nginx:1.25')]);
    const p = await rolloutPause(http, { namespace: twins.ours, kind: 'Deployment', name: 'pause' });
    await kubectl(['rollout', 'pause', '-n', twins.theirs, 'deployment/pause']);
    expect(p).toEqual({ changed: true, message: 'deployment.apps/pause paused' });
    expectSameAt(await deployment(twins.ours, 'pause'), await deployment(twins.theirs, 'pause'), DEPLOYMENT_PATHS);
    expect((await deployment(twins.ours, 'pause')).spec.paused).toBe(true);
    expect(await rolloutPause(http, { namespace: twins.ours, kind: 'Deployment', name: 'pause' })).toEqual({ changed: false, message: 'deployments.apps "pause" is already paused' });

    const r = await rolloutResume(http, { namespace: twins.ours, kind: 'Deployment', name: 'pause' });
    await kubectl(['rollout', 'resume', '-n', twins.theirs, 'deployment/pause']);
    expect(r).toEqual({ changed: true, message: 'deployment.apps/pause resumed' });
    expectSameAt(await deployment(twins.ours, 'pause'), await deployment(twins.theirs, 'pause'), DEPLOYMENT_PATHS);
    expect((await deployment(twins.ours, 'pause')).spec.paused).toBeUndefined();
  });

  it('rollout status streams kubectl\'s messages, the same text `kubectl rollout status` prints', async () => {
    await createInBoth(twins, [deploymentManifest('status', 'nginx:1.25', 2, { podLabels: { 'wheelhouse.dev/stuck': 'true' } })]);
    const events: RolloutStatusEvent[] = [];
    const stop = await watchRolloutStatus(http, { namespace: twins.ours, kind: 'Deployment', name: 'status' }, (e) => events.push(e));
    try {
      const waiting = 'Waiting for deployment "status" rollout to finish: 0 of 2 updated replicas are available...';
      await eventually(() => events.some((e) => e.type === 'status' && e.status.message === waiting), 30_000, 'the "0 of 2 available" message');
      const printed = await eventually(async () => {
        const out = await kubectl(['rollout', 'status', '-n', twins.ours, 'deployment/status', '--watch=false']);
        return out.trim() === waiting ? out : undefined;
      }, 30_000, 'kubectl to print the same message');
      expect(printed.trim()).toBe(waiting);

      // Unstick: a new template whose pods become Ready; the stream follows to "successfully rolled out".
      await kubectl(['label', '-n', twins.ours, 'deployment/status', 'x=y']);
      await kubectl(['patch', '-n', twins.ours, 'deployment/status', '--type=json', '-p', '[{"op":"remove","path":"/spec/template/metadata/labels/wheelhouse.dev~1stuck"}]']);
      await eventually(() => events.some((e) => e.type === 'status' && e.status.done && e.status.message === 'deployment "status" successfully rolled out'), 60_000,
        'rolled out').catch(async (err) => {
        throw new Error(`${err.message}\nevents: ${events.map((e) => (e.type === 'status' ? e.status.message : e.type)).join(' | ')}\nkubectl: ${await kubectl(['rollout', 'status', '-n', twins.ours, 'deployment/status', '--watch=false'])}`);
      });
      const last = events.at(-1);
      expect(last?.type === 'status' && last.status.counts).toMatchObject({ desired: 2, updated: 2, available: 2 });
    } finally {
      stop();
    }
  });
});
