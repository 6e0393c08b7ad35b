import { z } from 'zod';

// CronJob actions: run one now (`kubectl create job <name> --from=cronjob/<x>`), suspend and resume.

const name = z.string().min(1).max(253);
const CronJobTarget = z.object({ context: z.string().min(1), namespace: name, name });

export const CronJobTriggerResult = z.object({ job: z.string(), message: z.string(), dryRun: z.boolean() });
export type CronJobTriggerResult = z.infer<typeof CronJobTriggerResult>;

export const cronJobMethods = {
  'actions.cronJobTrigger': {
    params: CronJobTarget.extend({ jobName: name.optional(), dryRun: z.boolean().default(false) }),
    result: CronJobTriggerResult,
  },
  'actions.cronJobSuspend': {
    params: CronJobTarget.extend({ suspend: z.boolean() }),
    result: z.object({ changed: z.boolean(), message: z.string() }),
  },
} as const;
