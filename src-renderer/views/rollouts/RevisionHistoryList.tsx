import type { RevisionEntry } from '../../../shared/contract/actions';
import { imagesText } from './rolloutFormat';
import { humanDuration } from '../../../shared/model/humanDuration';

/** Revisions newest first with change-cause, images and age; every other one can be previewed for rollback. */
export function RevisionHistoryList({ revisions, busy, disabledReason, now, onPreview }: { revisions: RevisionEntry[]; busy: boolean; disabledReason?: string; now: number; onPreview(revision: number): void }) {
  if (revisions.length === 0) return <div className="muted ro-empty">No rollout history found.</div>;
  return (
    <table className="ro-history" data-testid="ro-history">
      <thead><tr><th>Rev</th><th>Change cause</th><th>Image</th><th>Age</th><th /></tr></thead>
      <tbody>
        {[...revisions].reverse().map((r) => (
          <tr key={r.revision} className={r.current ? 'ro-current' : ''} data-testid={`ro-rev-${r.revision}`}>
            <td>{r.revision}{r.current && <span className="ro-current-tag">current</span>}</td>
            <td>{r.changeCause ?? <span className="muted">&lt;none&gt;</span>}</td>
            <td className="ro-mono ro-break">{imagesText(r.images)}</td>
            <td className="ro-nowrap">{r.createdAt && Number.isFinite(Date.parse(r.createdAt)) ? humanDuration(now - Date.parse(r.createdAt)) : ''}</td>
            <td>{!r.current && <button type="button" disabled={busy || !!disabledReason} title={disabledReason} onClick={() => onPreview(r.revision)} data-testid={`ro-rev-${r.revision}-rollback`}>Roll back…</button>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

