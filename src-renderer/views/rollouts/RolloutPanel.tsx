import { useEffect, useState } from 'react';
import { useClient, useContractQuery, useTopicValue } from '../../data/clientContext';
import type { RolloutKind, ScalableKind, UndoResult } from '../../../shared/contract/actions';
import { RevisionHistoryList } from './RevisionHistoryList';
import { RolloutStatusBars } from './RolloutStatusBars';
import { UndoPreview } from './UndoPreview';
import { outcomeText, useRunAction } from '../actions/useRunAction';
import { ScaleControl } from '../actions/ScaleControl';
import { scaleQuestion } from '../actions/scaleSafety';
import { paragraphs, useConfirm } from '../actions/useConfirm';
import { useAutoscalers } from '../actions/useAutoscalers';
import { RestartExplanation } from '../actions/ConfirmDialog';
import { useActionAccess } from '../actions/useActionAccess';
import type { ObjectActionId } from '../../../shared/actions/actionAccess';
import './rollouts.css';

/** Why every action button is disabled while one action runs. */
const WORKING = 'Another action on this workload is running';

export interface RolloutPanelProps {
  context: string;
  namespace: string;
  kind: RolloutKind;
  name: string;
}

/**
 * A workload's rollout: live status bars (kubectl rollout status), revision history, rollback with a
 * server-side dry-run preview of what changes, scale, restart, pause and resume. Every action goes
 * through the core, which does exactly what kubectl does and records it in the activity log.
 */
export function RolloutPanel({ context, namespace, kind, name }: RolloutPanelProps) {
  const client = useClient();
  const target = { context, namespace, kind, name };
  const status = useTopicValue('actions.rolloutStatus', target);
  const history = useContractQuery('actions.rolloutHistory', target);
  const { busy, notice, run } = useRunAction();
  const { ask, dialog } = useConfirm();
  const autoscalers = useAutoscalers(context, namespace, kind, name);
  const [preview, setPreview] = useState<UndoResult>();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => { const t = setInterval(() => setNow(Date.now()), 10_000); return () => clearInterval(t); }, []);
  useEffect(() => setPreview(undefined), [context, namespace, kind, name]);

  const live = status?.type === 'status' ? status : undefined;
  const paused = live?.paused ?? false;
  // The controller numbers revisions after an action returns (a rollback relabels an old ReplicaSet):
  // read the history again whenever the live status names another revision or generation.
  const { refetch: refetchHistory } = history;
  useEffect(() => { if (live?.revision !== undefined) void refetchHistory(); }, [live?.revision, live?.observedGeneration, refetchHistory]);
  // RBAC first: restart, pause/resume and rollback patch the object; scale patches its /scale.
  const checked: ObjectActionId[] = kind === 'DaemonSet' ? ['restart'] : ['scale', 'restart'];
  const access = useActionAccess(context, { group: 'apps', resource: `${kind.toLowerCase()}s`, namespace, name }, checked);
  const patchDenied = access.restart?.allowed ? undefined : access.restart?.reason;
  const scaleDenied = kind === 'DaemonSet' || access.scale?.allowed ? undefined : access.scale?.reason;
  const pausedReason = kind === 'Deployment' && paused ? 'The rollout is paused: resume it first.' : undefined;
  const changeDenied = patchDenied ?? pausedReason;

  const scale = async (from: number, replicas: number) => {
    const q = scaleQuestion({ kind, name, from, to: replicas, autoscalers: autoscalers.map((h) => h.name) });
    if (q && !(await ask({ ...q, body: paragraphs(q.body), testId: 'scale-confirm-dialog' }))) return;
    await run('Scale', () => client.request('actions.scale', { context, namespace, kind: kind as ScalableKind, name, replicas }),
      (r) => ({ tone: r.warnings.length ? 'warn' : 'ok', title: `${r.message}: ${r.previousReplicas} → ${r.replicas}`, text: r.warnings.join(' ') || undefined }));
  };
  const restart = async () => {
    if (!(await ask({ title: `Restart ${kind} ${name}`, body: <RestartExplanation name={name} />, confirm: 'Restart', testId: 'restart-dialog' }))) return;
    await run('Restart', () => client.request('actions.rolloutRestart', target), (r) => ({ tone: 'ok', title: r.message }));
  };

  const previewUndo = (toRevision: number) => run('Preview of the rollback',
    () => client.request('actions.rolloutUndo', { ...target, toRevision, dryRun: true }),
    (r) => { setPreview(r); return r.outcome === 'skipped' ? { tone: 'warn', title: r.message } : { tone: 'ok', title: `Preview of rolling back to revision ${r.revision} (nothing changed yet).` }; },
    { toast: false },
  );
  const confirmUndo = (revision: number) => run('Rollback',
    () => client.request('actions.rolloutUndo', { ...target, toRevision: revision }),
    (r) => { setPreview(undefined); return { tone: 'ok', title: r.outcome === 'skipped' ? r.message : `${r.message} to revision ${r.revision}: ${r.summary}` }; },
  );

  return (
    <div className="rollout-panel" data-testid="rollout-panel">
      {status?.type === 'gone' && <div className="ro-notice ro-tone-bad">{kind} {name} no longer exists.</div>}
      {live ? <RolloutStatusBars status={live.status} paused={paused} /> : status === undefined && <div className="muted ro-empty">Reading rollout status…</div>}

      {(patchDenied || scaleDenied) && !access.restart?.pending && (
        <div className="ro-notice ro-tone-warn" data-testid="ro-forbidden">{patchDenied ?? scaleDenied}</div>
      )}
      <div className="ro-actions">
        {kind !== 'DaemonSet' && live && (
          <div className="ro-scale" data-testid="ro-scale">
            <ScaleControl current={live.status.counts.desired} busy={busy} disabledReason={scaleDenied} applyLabel={() => 'Scale'}
              testIds={{ input: 'ro-scale-input', apply: 'ro-scale-apply' }} onScale={(replicas) => void scale(live.status.counts.desired, replicas)} />
          </div>
        )}
        <button type="button" disabled={busy || !!changeDenied} title={busy ? WORKING : patchDenied ?? (pausedReason && 'Resume the deployment before restarting it')}
          onClick={() => void restart()} data-testid="ro-restart">Restart…</button>
        {kind === 'Deployment' && (paused
          ? <button type="button" disabled={busy || !!patchDenied} title={busy ? WORKING : patchDenied} onClick={() => run('Resume', () => client.request('actions.rolloutResume', target), (r) => ({ tone: r.changed ? 'ok' : 'warn', title: r.message }))} data-testid="ro-resume">Resume</button>
          : <button type="button" disabled={busy || !!patchDenied} title={busy ? WORKING : patchDenied} onClick={() => run('Pause', () => client.request('actions.rolloutPause', target), (r) => ({ tone: r.changed ? 'ok' : 'warn', title: r.message }))} data-testid="ro-pause">Pause</button>)}
        <button type="button" disabled={busy || !!changeDenied} title={busy ? WORKING : changeDenied} onClick={() => previewUndo(0)} data-testid="ro-undo">Undo…</button>
      </div>
      {dialog}

      {notice && <div className={`ro-notice ro-tone-${notice.tone}`} role="status" data-testid="ro-notice">{outcomeText(notice)}</div>}
      {preview && <UndoPreview preview={preview} busy={busy} onConfirm={() => confirmUndo(preview.revision)} onCancel={() => setPreview(undefined)} />}

      <div className="ro-sub">History</div>
      {history.error ? <div className="ro-notice ro-tone-bad">{(history.error as Error).message}</div>
        : history.data ? <RevisionHistoryList revisions={history.data.revisions} busy={busy} disabledReason={changeDenied} now={now} onPreview={previewUndo} />
          : <div className="muted ro-empty">Loading history…</div>}
    </div>
  );
}
