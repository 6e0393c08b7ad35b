import { useEffect, useState } from 'react';
import { useClient, useContractQuery, useTopicValue } from '../../data/clientContext';
import type { RolloutKind, UndoResult } from '../../../shared/contract/actions';
import { RevisionHistoryList } from './RevisionHistoryList';
import { RolloutStatusBars } from './RolloutStatusBars';
import { ScaleStepper } from './ScaleStepper';
import { UndoPreview } from './UndoPreview';
import { useActionRunner } from './useActionRunner';
import { useActionAccess } from '../actions/useActionAccess';
import type { ObjectActionId } from '../actions/actionAccess';
import './rollouts.css';

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
  const { busy, notice, run } = useActionRunner();
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

  const previewUndo = (toRevision: number) => run(
    () => client.request('actions.rolloutUndo', { ...target, toRevision, dryRun: true }),
    (r) => { setPreview(r); return r.outcome === 'skipped' ? { tone: 'warn', text: r.message } : { tone: 'ok', text: `Preview of rolling back to revision ${r.revision} (nothing changed yet).` }; },
    { toast: false },
  );
  const confirmUndo = (revision: number) => run(
    () => client.request('actions.rolloutUndo', { ...target, toRevision: revision }),
    (r) => { setPreview(undefined); return { tone: 'ok', text: r.outcome === 'skipped' ? r.message : `${r.message} to revision ${r.revision}: ${r.summary}` }; },
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
          <ScaleStepper current={live.status.counts.desired} busy={busy} disabledReason={scaleDenied}
            onScale={(replicas) => run(() => client.request('actions.scale', { context, namespace, kind, name, replicas }),
              (r) => ({ tone: r.warnings.length ? 'warn' : 'ok', text: [`${r.message}: ${r.previousReplicas} → ${r.replicas}`, ...r.warnings].join(' ') }))} />
        )}
        <button type="button" disabled={busy || !!patchDenied || (kind === 'Deployment' && paused)} title={patchDenied ?? (kind === 'Deployment' && paused ? 'Resume the deployment before restarting it' : undefined)}
          onClick={() => run(() => client.request('actions.rolloutRestart', target), (r) => ({ tone: 'ok', text: r.message }))} data-testid="ro-restart">Restart</button>
        {kind === 'Deployment' && (paused
          ? <button type="button" disabled={busy || !!patchDenied} title={patchDenied} onClick={() => run(() => client.request('actions.rolloutResume', target), (r) => ({ tone: r.changed ? 'ok' : 'warn', text: r.message }))} data-testid="ro-resume">Resume</button>
          : <button type="button" disabled={busy || !!patchDenied} title={patchDenied} onClick={() => run(() => client.request('actions.rolloutPause', target), (r) => ({ tone: r.changed ? 'ok' : 'warn', text: r.message }))} data-testid="ro-pause">Pause</button>)}
        <button type="button" disabled={busy || !!patchDenied || (kind === 'Deployment' && paused)} title={patchDenied} onClick={() => previewUndo(0)} data-testid="ro-undo">Undo…</button>
      </div>

      {notice && <div className={`ro-notice ro-tone-${notice.tone}`} role="status" data-testid="ro-notice">{notice.text}</div>}
      {preview && <UndoPreview preview={preview} busy={busy} onConfirm={() => confirmUndo(preview.revision)} onCancel={() => setPreview(undefined)} />}

      <div className="ro-sub">History</div>
      {history.error ? <div className="ro-notice ro-tone-bad">{(history.error as Error).message}</div>
        : history.data ? <RevisionHistoryList revisions={history.data.revisions} busy={busy || !!patchDenied || (kind === 'Deployment' && paused)} now={now} onPreview={previewUndo} />
          : <div className="muted ro-empty">Loading history…</div>}
    </div>
  );
}
