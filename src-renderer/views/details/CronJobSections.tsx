import { useState, type ReactNode } from 'react';
import { useClient } from '../../data/clientContext';
import { useRunAction } from '../actions/useRunAction';
import { ConfirmDialog } from '../actions/ConfirmDialog';
import { nextRun } from '../../../shared/model/cronSchedule';
import { Age, KeyValues, Section } from './bits';

/**
 * A CronJob as `kubectl describe cronjob` shows it, with what an operator does to one: Trigger now
 * (`kubectl create job --from=cronjob/x`, confirmed first) and Suspend / Resume.
 */
export function CronJobSections({ context, cj, now }: { context: string; cj: any; now: number }) {
  const client = useClient();
  const { busy, run, error, clearError } = useRunAction();
  const [confirm, setConfirm] = useState(false);
  const spec = cj?.spec ?? {};
  const st = cj?.status ?? {};
  const ns: string = cj?.metadata?.namespace;
  const name: string = cj?.metadata?.name;
  const utc = !spec.timeZone || spec.timeZone === 'UTC' || spec.timeZone === 'Etc/UTC';
  const next = !spec.suspend && utc ? nextRun(String(spec.schedule ?? ''), new Date(now)) : undefined;
  const rows: [string, ReactNode][] = [
    ['Schedule', <span className="dp-mono" data-testid="dp-cron-schedule">{spec.schedule}{spec.timeZone ? ` (${spec.timeZone})` : ''}</span>],
    ['Suspend', <span data-testid="dp-cron-suspend">{spec.suspend ? 'True' : 'False'}</span>],
    ['Concurrency policy', spec.concurrencyPolicy ?? 'Allow'],
    ['Last schedule', st.lastScheduleTime ? <span data-testid="dp-cron-last"><Age ts={st.lastScheduleTime} now={now} /> ago ({new Date(st.lastScheduleTime).toLocaleString()})</span> : <span className="muted">never</span>],
    ['Last successful', st.lastSuccessfulTime ? <span><Age ts={st.lastSuccessfulTime} now={now} /> ago</span> : <span className="muted">never</span>],
    ['Next run', spec.suspend ? <span className="muted">suspended</span>
      : next ? <span data-testid="dp-cron-next" data-at={next.toISOString()}>{next.toLocaleString()} (in {Math.max(0, Math.round((next.getTime() - now) / 60_000))} min)</span>
        : <span className="muted">{utc ? 'cannot read this schedule' : `computed by the cluster in ${spec.timeZone}`}</span>],
    ['Active jobs', (st.active ?? []).map((a: any) => a.name).join(', ') || <span className="muted">none</span>],
  ];
  const actions = (
    <span className="dp-cron-actions">
      <button type="button" disabled={busy} onClick={() => { clearError(); setConfirm(true); }} data-testid="cron-trigger">Trigger now…</button>
      <button type="button" disabled={busy} data-testid="cron-suspend-toggle"
        onClick={() => void run(spec.suspend ? 'Resume' : 'Suspend', () => client.request('actions.cronJobSuspend', { context, namespace: ns, name, suspend: !spec.suspend }),
          (r) => ({ tone: r.changed ? 'ok' : 'warn', title: r.message }))}>{spec.suspend ? 'Resume' : 'Suspend'}</button>
    </span>
  );
  return (
    <>
      <Section title="CronJob" testId="dp-cronjob" actions={actions}><KeyValues rows={rows} /></Section>
      {confirm && (
        <ConfirmDialog title={`Run CronJob ${name} now`} confirm="Create the Job" busy={busy} error={error} onClose={() => setConfirm(false)} testId="cron-trigger-dialog"
          onConfirm={() => void run('Trigger', () => client.request('actions.cronJobTrigger', { context, namespace: ns, name }), (r) => ({ tone: 'ok', title: r.message }))
            .then((r) => { if (r) setConfirm(false); })}>
          <div>Creates a Job from this CronJob's job template now, like <span className="mono">kubectl create job &lt;name&gt; --from=cronjob/{name}</span>: owned by the CronJob and annotated <span className="mono">cronjob.kubernetes.io/instantiate=manual</span>. The schedule is not changed.</div>
        </ConfirmDialog>
      )}
    </>
  );
}
