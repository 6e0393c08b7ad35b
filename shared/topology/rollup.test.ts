import { describe, expect, it } from 'vitest';
import { buildEdges } from './edges';
import type { HealthStatus } from './health';
import { rolledHealth } from './rollup';
import type { TopoObject } from './topologyObject';

const t = (kind: string, name: string, health: HealthStatus, extra: Partial<TopoObject> = {}): TopoObject =>
  ({ uid: `${kind}/${name}`, kind, apiVersion: 'v1', name, namespace: 'ns', health, ...extra });
const own = (owner: TopoObject) => ({ ownerReferences: [{ uid: owner.uid, kind: owner.kind, name: owner.name, controller: true }] });
const ok: HealthStatus = { status: 'Healthy' };
const podOf = (owner: TopoObject, name: string, health: HealthStatus, phase = 'Running') =>
  t('Pod', name, health, { ...own(owner), pod: { phase, ready: 1, total: 1, restartCount: 0, configMaps: [], secrets: [], pvcs: [] } });
const roll = (objects: TopoObject[]) => rolledHealth(objects, buildEdges(objects));

describe('rolledHealth', () => {
  it('rolls the worst pod up through the ReplicaSet to the Deployment', () => {
    const dep = t('Deployment', 'web', ok);
    const rs = t('ReplicaSet', 'web-1', ok, own(dep));
    const oldRs = t('ReplicaSet', 'web-0', ok, own(dep));
    const objects = [podOf(rs, 'a', ok), podOf(rs, 'b', { status: 'Degraded', message: 'Back-off restarting failed container' }), podOf(rs, 'c', { status: 'Progressing' }), rs, oldRs, dep];
    const h = roll(objects);
    expect(h.get(rs.uid)).toEqual({ status: 'Degraded', message: '1 of 3 children Degraded: Back-off restarting failed container' });
    expect(h.get(dep.uid)).toEqual({ status: 'Degraded', message: '1 of 2 children Degraded: 1 of 3 children Degraded: Back-off restarting failed container' });
    expect(h.get(oldRs.uid)).toEqual(ok);
  });

  it("keeps a parent's own status when it is already worse", () => {
    const dep = t('Deployment', 'stuck', { status: 'Degraded', message: 'exceeded its progress deadline' });
    const rs = t('ReplicaSet', 'stuck-1', { status: 'Progressing' }, own(dep));
    const h = roll([dep, rs, podOf(rs, 'p', { status: 'Progressing' })]);
    expect(h.get(dep.uid)).toEqual(dep.health);
  });

  it('ignores finished pods under a Job and finished Jobs under a CronJob', () => {
    const cron = t('CronJob', 'report', ok);
    const oldJob = t('Job', 'report-1', { status: 'Degraded', message: 'BackoffLimitExceeded' }, { ...own(cron), job: { succeeded: 0, failed: 3, active: 0, finished: true } });
    const job = t('Job', 'report-2', ok, { ...own(cron), job: { succeeded: 1, failed: 1, active: 0, finished: true } });
    const failedTry = podOf(job, 'try-1', { status: 'Degraded' }, 'Failed');
    const success = podOf(job, 'try-2', ok, 'Succeeded');
    const h = roll([cron, oldJob, job, failedTry, success]);
    expect(h.get(job.uid)).toEqual(ok);
    expect(h.get(cron.uid)).toEqual(ok);
  });

  it('rolls a running Job into its CronJob', () => {
    const cron = t('CronJob', 'report', ok);
    const job = t('Job', 'report-3', { status: 'Progressing' }, { ...own(cron), job: { succeeded: 0, failed: 0, active: 1, finished: false } });
    const running = podOf(job, 'run', { status: 'Progressing' });
    expect(roll([cron, job, running]).get(cron.uid)?.status).toBe('Progressing');
  });

  it('survives an ownership cycle', () => {
    const a = t('ConfigMap', 'a', ok);
    const b = t('ConfigMap', 'b', { status: 'Degraded' }, own(a));
    a.ownerReferences = [{ uid: b.uid, kind: 'ConfigMap', name: 'b' }];
    const h = roll([a, b]);
    expect(h.get(a.uid)?.status).toBe('Degraded');
    expect(h.get(b.uid)?.status).toBe('Degraded');
  });
});
