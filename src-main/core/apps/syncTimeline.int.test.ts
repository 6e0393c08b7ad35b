import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, eventually, newCore, randomName } from '../../testing/testCluster';
import { deploymentManifest } from '../../testing/twinTestKit';
import { kubectl } from '../../testing/kubectlResult';
import { appsOf, type AppsService } from './appsService';
import { activityLogOf } from '../actions/activityLog';
import { timelineHandlers } from '../timeline/timelineHandlers';
import { FIELD_MANAGER } from '../actions/writeOptions';
import type { Core } from '../core';
import type { AppDef } from '../../../shared/contract/apps';
import type { TimelineEntry, TimelineEvent } from '../../../shared/contract/timeline';

/**
 * Issue 17 item 8: every Applications sync is in the activity log and on the change timeline of each
 * workload it touched, naming the application and the git revision (`git rev-parse --short HEAD` is
 * the oracle for the revision; kubectl's managedFields for who wrote the workload).
 */
describe('an Applications sync on the change timeline (real test cluster)', () => {
  let core: Core;
  let apps: AppsService;
  let app: AppDef;
  const ns = randomName('wh-tl-sync');
  const dir = mkdtempSync(join(tmpdir(), 'wh-tl-sync-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8', timeout: 10_000 }).trim();
  const write = (replicas: number) => writeFileSync(join(dir, 'web.yaml'), JSON.stringify(deploymentManifest('web', 'nginx:1.25', replicas)));
  const stops: (() => void)[] = [];

  /** timeline.watch for a Deployment, as the renderer subscribes to it. */
  function watchTimeline(name = 'web'): TimelineEntry[] {
    const entries: TimelineEntry[] = [];
    const h = timelineHandlers(core);
    const stop = (h.topics['timeline.watch'] as any)({ context: ADMIN, namespace: ns, kind: 'Deployment', name }, {
      emit: (e: TimelineEvent) => {
        if (e.type === 'snapshot') entries.splice(0, entries.length, ...e.entries);
        if (e.type === 'entry') entries.push(e.entry);
      },
      end: () => {}, unacked: () => 0, congested: () => false,
    });
    stops.push(stop);
    return entries;
  }

  beforeAll(async () => {
    core = newCore();
    apps = appsOf(core);
    await kubectl(['create', 'namespace', ns]);
    write(1);
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'one replica');
    app = await apps.add({ name: 'shop', path: dir, context: ADMIN, namespace: ns });
  });
  afterAll(async () => {
    for (const s of stops) s();
    await core.dispose();
    await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('a sync made while no one watched the namespace is on the workload\'s timeline when it is opened, and in the activity log', async () => {
    const sha1 = git('rev-parse', '--short', 'HEAD');
    const r = await apps.sync(app.id, { prune: false, force: false });
    expect(r.ok, JSON.stringify(r.items)).toBe(true);
    const activity = activityLogOf(core).list(ADMIN).find((e) => e.target === 'application shop');
    expect(activity).toMatchObject({ action: 'application sync', outcome: 'ok', namespace: ns });
    expect(activity!.message).toContain(`created Deployment.apps/${ns}/web`);

    // kubectl: the Deployment exists, written by Wheelhouse's server-side apply.
    const live = JSON.parse(await kubectl(['get', 'deployment/web', '-n', ns, '-o', 'json', '--show-managed-fields']));
    expect(live.metadata.managedFields.some((m: any) => m.manager === FIELD_MANAGER && m.operation === 'Apply')).toBe(true);

    const entries = watchTimeline();
    const synced = await eventually(() => entries.find((e) => e.kind === 'synced'), 30_000, 'synced entry');
    expect(synced).toMatchObject({ summary: `Created by application shop at revision ${sha1}`, manager: FIELD_MANAGER, operation: 'Apply', observed: true });
  });

  it('a sync while the timeline is open adds its entry live, beside the scale the watch attributes to the same apply', async () => {
    const entries = watchTimeline();
    await eventually(() => entries.some((e) => e.kind === 'synced'), 30_000, 'the first sync');
    write(2);
    git('commit', '-qam', 'two replicas');
    const sha2 = git('rev-parse', '--short', 'HEAD');
    const seen = entries.length;
    const r = await apps.sync(app.id, { prune: false, force: false });
    expect(r.items.map((i) => [i.kind, i.outcome])).toEqual([['Deployment', 'configured']]);
    const synced = await eventually(() => entries.slice(seen).find((e) => e.kind === 'synced'), 30_000, 'second synced entry');
    expect(synced.summary).toBe(`Synced by application shop at revision ${sha2}`);
    const scale = await eventually(() => entries.slice(seen).find((e) => e.kind === 'scale'), 30_000, 'scale entry');
    // kubectl: spec.replicas is 2 and owned by the wheelhouse Apply entry, as the timeline says.
    const live = JSON.parse(await kubectl(['get', 'deployment/web', '-n', ns, '-o', 'json', '--show-managed-fields']));
    expect(live.spec.replicas).toBe(2);
    const owner = live.metadata.managedFields.find((m: any) => m.fieldsV1?.['f:spec']?.['f:replicas'] !== undefined);
    expect(scale).toMatchObject({ summary: 'Scaled 1 → 2', manager: owner.manager, operation: owner.operation });
    expect(owner).toMatchObject({ manager: FIELD_MANAGER, operation: 'Apply' });
  });

  it('a prune is on the pruned workload\'s timeline, and kubectl finds the workload gone', async () => {
    writeFileSync(join(dir, 'api.yaml'), JSON.stringify(deploymentManifest('api', 'nginx:1.25', 1)));
    git('add', '.');
    git('commit', '-qm', 'api');
    expect((await apps.sync(app.id, { prune: false, force: false })).items.find((i) => i.name === 'api')?.outcome).toBe('created');
    const entries = watchTimeline('api');
    await eventually(() => entries.some((e) => e.kind === 'synced' && e.summary.startsWith('Created by application shop')), 30_000, 'api created');
    git('rm', '-q', 'api.yaml');
    git('commit', '-qm', 'no api');
    const sha = git('rev-parse', '--short', 'HEAD');
    const r = await apps.sync(app.id, { prune: true, force: false });
    expect(r.items.find((i) => i.name === 'api')?.outcome).toBe('pruned');
    const pruned = await eventually(() => entries.find((e) => e.kind === 'synced' && e.summary.startsWith('Pruned')), 30_000, 'pruned entry');
    expect(pruned).toMatchObject({ summary: `Pruned by application shop at revision ${sha}`, manager: FIELD_MANAGER, operation: 'Delete' });
    await eventually(() => entries.find((e) => e.kind === 'deleted'), 30_000, 'the watch saw it deleted');
    await eventually(async () => (await kubectl(['get', 'deployments', '-n', ns, '-o', 'name'])).includes('deployment.apps/api') ? undefined : true, 30_000, 'kubectl: api gone');
  });
});
