import type { Core } from '../core';
import type { Handlers } from '../handlers';
import { activityLogOf } from './activityLog';
import { suspendCronJob, triggerCronJob } from './cronJob';

/** CronJob: trigger now, suspend, resume; recorded in the activity log. */
export function cronJobHandlers(core: Core): Handlers {
  const log = activityLogOf(core);
  const http = (context: string) => core.connection(context).http;
  return {
    methods: {
      'actions.cronJobTrigger': (p) => log.track({ context: p.context, namespace: p.namespace, dryRun: p.dryRun, action: 'create job from cronjob', target: `CronJob ${p.name}` },
        () => triggerCronJob(http(p.context), p), (r) => ({ outcome: 'ok', message: r.message })),
      'actions.cronJobSuspend': (p) => log.track({ context: p.context, namespace: p.namespace, action: p.suspend ? 'suspend' : 'resume', target: `CronJob ${p.name}` },
        () => suspendCronJob(http(p.context), p), (r) => ({ outcome: r.changed ? 'ok' : 'skipped', message: r.message })),
    },
    topics: {},
  };
}
