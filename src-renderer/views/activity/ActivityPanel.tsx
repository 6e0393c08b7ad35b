import { useEffect, useState } from 'react';
import type { ActivityEntry } from '../../../shared/contract/actions';
import { activityTime, durationText, OUTCOME_TONE } from './activityFormat';
import './activity.css';

/** What was done, where, when, and how it ended: every action of this app on this context. */
export function ActivityPanel({ entries, error, onClose }: { entries: ActivityEntry[]; error?: string; onClose(): void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => { const t = setInterval(() => setNow(Date.now()), 30_000); return () => clearInterval(t); }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section className="activity-panel" aria-label="Activity" data-testid="activity-panel">
      <header className="activity-head">
        <h2>Activity</h2>
        <span className="muted">{entries.length} action{entries.length === 1 ? '' : 's'} this session</span>
        <button type="button" className="activity-close" onClick={onClose} aria-label="Close activity">×</button>
      </header>
      {error && <div className="error-banner" role="alert">{error}</div>}
      {entries.length === 0 && !error && <div className="activity-empty muted">No actions yet. Scale, restart, rollbacks, deletes, drains and applies made here appear in this list.</div>}
      <ol className="activity-list">
        {entries.map((e) => (
          <li key={e.id} className={`activity-item activity-${OUTCOME_TONE[e.outcome]}`} data-testid="activity-entry" data-outcome={e.outcome} data-action={e.action} data-dry-run={e.dryRun ? "true" : "false"}>
            <div className="activity-line">
              <span className={`activity-outcome tone-${OUTCOME_TONE[e.outcome]}`}>{e.outcome}</span>
              <span className="activity-action">{e.action}</span>
              <span className="activity-target">{e.target}</span>
              {e.dryRun && <span className="activity-tag">dry run</span>}
              <span className="activity-when" title={e.at}>{activityTime(e.at, now)}</span>
            </div>
            <div className="activity-where muted">{e.namespace ? `namespace ${e.namespace} · ` : ''}{e.context} · {durationText(e.durationMs)}</div>
            {e.message && <div className="activity-message">{e.message}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
