import { useState } from 'react';
import type { KubeEventRow } from '../../../shared/contract/resources';
import type { LiveListState } from '../../../shared/model/liveList';
import { FreshnessBadge } from '../../components/FreshnessBadge';
import { sortEvents } from './useObjectEvents';
import { Age, LongText } from './bits';

/** Events about the object, newest first; warnings stand out and can be shown alone. `limit` for the overview's short list. */
export function EventsList({ events, now, limit, onShowAll }: { events: LiveListState<KubeEventRow>; now: number; limit?: number; onShowAll?(): void }) {
  const [warningsOnly, setWarningsOnly] = useState(false);
  const every = sortEvents(events.items.values());
  const warnings = every.filter((e) => e.type === 'Warning').length;
  const all = warningsOnly ? every.filter((e) => e.type === 'Warning') : every;
  const rows = limit ? all.slice(0, limit) : all;
  return (
    <div className="dp-events" data-testid="dp-events">
      <div className="dp-events-head">
        <span className="muted">{every.length} event{every.length === 1 ? '' : 's'}{warnings ? <>, <span className="dp-tone-bad dp-strong">{warnings} warning{warnings === 1 ? '' : 's'}</span></> : ''}</span>
        {!limit && (
          <label className="dp-small dp-events-filter" title={warnings ? undefined : 'No warnings about this object'}>
            <input type="checkbox" checked={warningsOnly} onChange={(e) => setWarningsOnly(e.target.checked)} disabled={!warnings && !warningsOnly} data-testid="events-warnings-only" /> Warnings only
          </label>
        )}
        <FreshnessBadge freshness={events.freshness} />
      </div>
      {events.error && <div className="error-banner" role="alert">{events.error}</div>}
      {events.freshness?.state === 'forbidden' && <div className="dp-none muted" role="status">You may not list events here{events.freshness.reason ? `: ${events.freshness.reason}` : '.'}</div>}
      {!events.synced && !events.error && events.freshness?.state !== 'forbidden' && <div className="dp-none muted">Loading events…</div>}
      {events.synced && every.length === 0 && <div className="dp-none muted">No events for this object in the last hour (the API server keeps them for about an hour).</div>}
      {rows.length > 0 && (
        <table className="dp-table dp-events-table">
          <thead><tr><th>Type</th><th>Reason</th><th>Age</th><th>From</th><th>Message</th></tr></thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.uid} className={e.type === 'Warning' ? 'dp-event-warning' : ''} data-testid="event-row" data-type={e.type ?? ''}>
                <td><span className={`dp-status ${e.type === 'Warning' ? 'dp-tone-bad' : 'dp-tone-muted'}`}>{e.type ?? ''}</span></td>
                <td className="dp-strong">{e.reason ?? ''}</td>
                <td className="dp-nowrap" title={e.firstTimestamp ? `first seen ${new Date(e.firstTimestamp).toLocaleString()}` : undefined}>
                  <Age ts={e.lastTimestamp} now={now} />{(e.count ?? 1) > 1 ? <span className="muted"> ×{e.count}</span> : ''}
                </td>
                <td className="dp-small">{e.source ?? ''}{e.involvedObject.fieldPath ? <div className="muted dp-mono">{e.involvedObject.fieldPath}</div> : null}</td>
                <td className="dp-msg"><LongText text={e.message ?? ''} lines={3} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {limit && all.length > limit && onShowAll && <button type="button" className="dp-link dp-pad" onClick={onShowAll}>All {all.length} events →</button>}
    </div>
  );
}
