import { randomBytes } from 'node:crypto';
import type { KubeHttp } from '../cluster/kubeHttp';
import { requireAccess } from './accessCheck';
import { MERGE_PATCH, writeQuery } from './writeOptions';
import type { CronJobTriggerResult } from '../../../shared/contract/cronjobs';

const cronJobPath = (ns: string, name: string) => `/apis/batch/v1/namespaces/${encodeURIComponent(ns)}/cronjobs/${encodeURIComponent(name)}`;

/** `<cronjob>-manual-<5 chars>`, within the 63 characters a Job's pods' labels allow. */
function manualName(cronJob: string): string {
  const suffix = `-manual-${randomBytes(4).toString('hex').slice(0, 5)}`;
  return `${cronJob.slice(0, 63 - suffix.length)}${suffix}`;
}

/**
 * `kubectl create job <name> --from=cronjob/<x>` (kubectl's createJobFromCronJob): the job template's
 * labels and spec, its annotations plus cronjob.kubernetes.io/instantiate=manual, and the CronJob as
 * controlling owner, so the CronJob's history and the Job's garbage collection treat it as its own.
 */
export async function triggerCronJob(http: KubeHttp, p: { namespace: string; name: string; jobName?: string; dryRun?: boolean }): Promise<CronJobTriggerResult> {
  await requireAccess(http, [{ verb: 'get', group: 'batch', resource: 'cronjobs', namespace: p.namespace, name: p.name }, { verb: 'create', group: 'batch', resource: 'jobs', namespace: p.namespace }]);
  const cj = await http.request('GET', cronJobPath(p.namespace, p.name));
  const template = cj?.spec?.jobTemplate ?? {};
  const job = {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: {
      name: p.jobName ?? manualName(p.name), namespace: p.namespace,
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) },
      ...(template.metadata?.labels ? { labels: template.metadata.labels } : {}),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }],
    },
    spec: template.spec ?? {},
  };
  const created = await http.request('POST', `/apis/batch/v1/namespaces/${encodeURIComponent(p.namespace)}/jobs`, { body: job, query: writeQuery(p.dryRun) });
  return { job: String(created?.metadata?.name ?? job.metadata.name), dryRun: !!p.dryRun, message: `job.batch/${created?.metadata?.name ?? job.metadata.name} created from cronjob/${p.name}${p.dryRun ? ' (server dry run)' : ''}` };
}

/** `kubectl patch cronjob x -p '{"spec":{"suspend":true}}'`: suspend or resume the schedule. */
export async function suspendCronJob(http: KubeHttp, p: { namespace: string; name: string; suspend: boolean }): Promise<{ changed: boolean; message: string }> {
  await requireAccess(http, [{ verb: 'patch', group: 'batch', resource: 'cronjobs', namespace: p.namespace, name: p.name }]);
  const cj = await http.request('GET', cronJobPath(p.namespace, p.name));
  const word = p.suspend ? 'suspended' : 'resumed';
  if (!!cj?.spec?.suspend === p.suspend) return { changed: false, message: `cronjob.batch/${p.name} already ${word}` };
  await http.request('PATCH', cronJobPath(p.namespace, p.name), { body: { spec: { suspend: p.suspend } }, contentType: MERGE_PATCH, query: writeQuery() });
  return { changed: true, message: `cronjob.batch/${p.name} ${word}` };
}
