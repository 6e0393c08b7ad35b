import { randomBytes } from 'node:crypto';
import type { KubeHttp } from '../cluster/kubeHttp';
import { requireAccess } from './accessCheck';
import { MERGE_PATCH, writeQuery } from './writeOptions';
import type { CronJobTriggerResult } from '../../../shared/contract/cronjobs';
import { buildJobFromCronJob, manualJobName } from '../../../shared/create/workloads';

const cronJobPath = (ns: string, name: string) => `/apis/batch/v1/namespaces/${encodeURIComponent(ns)}/cronjobs/${encodeURIComponent(name)}`;

/**
 * `kubectl create job <name> --from=cronjob/<x>`: the Job is built by the same function as the New
 * Job form's "from a CronJob" (shared/create/workloads.ts `buildJobFromCronJob`).
 */
export async function triggerCronJob(http: KubeHttp, p: { namespace: string; name: string; jobName?: string; dryRun?: boolean }): Promise<CronJobTriggerResult> {
  await requireAccess(http, [{ verb: 'get', group: 'batch', resource: 'cronjobs', namespace: p.namespace, name: p.name }, { verb: 'create', group: 'batch', resource: 'jobs', namespace: p.namespace }]);
  const cj = await http.request('GET', cronJobPath(p.namespace, p.name));
  const job = buildJobFromCronJob(p.jobName ?? manualJobName(p.name, () => randomBytes(4).toString('hex').slice(0, 5)), cj);
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
