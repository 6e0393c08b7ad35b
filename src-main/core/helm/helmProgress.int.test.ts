// helm's own output streams into the action's activity entry while helm runs: an upgrade with --wait
// on pods KWOK never makes Ready (the stuck label) reports what helm waits for seconds before helm
// gives up, and ends as `helm upgrade --wait` itself ends on a twin release.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, newCore, randomName } from '../../testing/testCluster';
import { kubectl } from '../../testing/twinTestKit';
import { ensureHelm, helmBinDir, HELLO_CHART } from '../../../test-cluster/helm.mjs';
import { STUCK_LABEL } from '../../../test-cluster/kwok-config.mjs';
import { helmHandlers } from './helmHandlers';
import { caller, helm, helmJson, installTwinReleases } from '../../testing/helmTestKit';
import { activityLogOf } from '../actions/activityLog';
import type { ActivityEntry } from '../../../shared/contract/actions';
import type { Core } from '../core';

const WAIT_SECONDS = 8;
const STUCK_VALUES = `greeting: waiting\npodLabels:\n  ${STUCK_LABEL}: "true"\n`;

describe('helm output streamed into the activity log while helm runs (real test cluster, real helm)', () => {
  let core: Core;
  let call: ReturnType<typeof caller>;
  const base = randomName('wh-helm-stream');
  const ours = `${base}-ours`;
  const theirs = `${base}-helm`;
  const dir = mkdtempSync(join(tmpdir(), 'wh-helm-stream-'));

  beforeAll(async () => {
    ensureHelm();
    core = newCore();
    call = caller(helmHandlers(core, { searchPath: helmBinDir() }));
    await installTwinReleases([ours, theirs], ['hello']);
  }, 300_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const ns of [ours, theirs]) await kubectl(['delete', 'namespace', ns, '--wait=false']).catch(() => undefined);
    await core?.dispose();
  });

  it('upgrade --wait on pods that never get ready: helm\'s lines arrive while it waits, then the failure ends the same entry, as helm ends it', async () => {
    const seen: { at: number; entry: ActivityEntry }[] = [];
    const stop = activityLogOf(core).subscribe((entry) => { if (entry.namespace === ours) seen.push({ at: Date.now(), entry }); });
    writeFileSync(join(dir, 'stuck.yaml'), STUCK_VALUES);
    const [mine, twin] = await Promise.allSettled([
      call('helm.upgrade', { context: ADMIN, namespace: ours, name: 'hello', values: STUCK_VALUES, waitSeconds: WAIT_SECONDS }),
      helm(['upgrade', 'hello', HELLO_CHART, '-n', theirs, '--reset-values', '-f', join(dir, 'stuck.yaml'), '--wait', '--timeout', `${WAIT_SECONDS}s`]),
    ]);
    stop();
    const ended = Date.now();
    expect(mine.status).toBe('rejected');
    expect(twin.status).toBe('rejected');
    expect((mine as PromiseRejectedResult).reason.message).toMatch(/helm upgrade failed: UPGRADE FAILED: resource Deployment\/.*hello-hello not ready/);

    // One entry, first running (the command line, then what helm waits for), then failed under the same id.
    const ids = new Set(seen.map((s) => s.entry.id));
    expect(ids.size).toBe(1);
    const running = seen.filter((s) => s.entry.outcome === 'running');
    expect(running[0].entry.message).toMatch(/^\$ helm upgrade hello /);
    const waiting = running.find((s) => s.entry.message.includes('msg="waiting for resource'));
    expect(waiting, 'a running entry with helm\'s "waiting for resource" line').toBeDefined();
    // The line came while helm waited, well before it gave up after WAIT_SECONDS.
    expect(ended - waiting!.at).toBeGreaterThan((WAIT_SECONDS - 3) * 1000);
    const last = seen.at(-1)!.entry;
    expect(last).toMatchObject({ action: 'helm upgrade', outcome: 'refused', dryRun: false });
    expect(last.message).toMatch(/not ready/);
    expect(activityLogOf(core).list(ADMIN).filter((e) => e.namespace === ours)).toEqual([last]);

    // The release storage ends as helm's own `upgrade --wait` leaves it: revision 2 failed.
    const strip = (h: any[]) => h.map(({ updated: _u, description, ...rest }) => ({ ...rest, description: description.replaceAll(ours, 'NS').replaceAll(theirs, 'NS') }));
    expect(strip(await helmJson(['history', 'hello', '-n', ours]))).toEqual(strip(await helmJson(['history', 'hello', '-n', theirs])));
    expect((await helmJson(['history', 'hello', '-n', ours])).at(-1)).toMatchObject({ revision: 2, status: 'failed' });
  }, 120_000);

  it('upgrade --wait that succeeds: the result is helm\'s ordinary output, its debug lines were progress only', async () => {
    const res = await call('helm.upgrade', { context: ADMIN, namespace: ours, name: 'hello', values: 'greeting: ready\n', waitSeconds: 60 });
    expect(res.output).toMatch(/Release "hello" has been upgraded/);
    expect(res.output).not.toMatch(/level=DEBUG/);
    const last = activityLogOf(core).list(ADMIN).filter((e) => e.namespace === ours).at(-1)!;
    expect(last).toMatchObject({ outcome: 'ok' });
    expect(last.message).toBe(res.output);
    expect((await helmJson(['history', 'hello', '-n', ours])).at(-1)).toMatchObject({ revision: 3, status: 'deployed' });
  }, 120_000);
});
