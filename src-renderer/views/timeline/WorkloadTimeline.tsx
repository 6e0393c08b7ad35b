import { useEffect, useMemo, useState } from 'react';
import { useClient } from '../../data/clientContext';
import { FreshnessBadge } from '../../components/FreshnessBadge';
import type { RolloutKind } from '../../../shared/contract/actions';
import type { Freshness } from '../../../shared/contract/resources';
import type { TimelineEntry } from '../../../shared/contract/timeline';
import { humanDuration } from '../../../shared/model/humanDuration';
import { KIND_LABEL, KIND_TONE, managerText, newestFirst, passes, type TimelineFilter } from './timelineFormat';
import './timeline.css';

interface State { entries: TimelineEntry[]; recordingSince?: string; freshness?: Freshness; error?: string }

/**
 * A workload's changes as the core saw them while the app ran (timeline.watch): image, scale, restart,
 * revision, pause, failing pods; each with its time and the field manager that made it. Entries from
 * before recording began (ReplicaSet history) are marked as such.
 */
export function WorkloadTimeline({ context, namespace, kind, name }: { context: string; namespace: string; kind: RolloutKind; name: string }) {
  const client = useClient();
  const [state, setState] = useState<State>({ entries: [] });
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => { const t = setInterval(() => setNow(Date.now()), 15_000); return () => clearInterval(t); }, []);

  useEffect(() => {
    setState({ entries: [] });
    const sub = client.subscribe('timeline.watch', { context, namespace, kind, name }, {
      onEvent: (e) => {
        if (e.type === 'entry') setNow(Date.now());
        setState((s) => {
          if (e.type === 'snapshot') return { entries: e.entries, recordingSince: e.recordingSince, freshness: e.freshness };
          if (e.type === 'freshness') return { ...s, freshness: e.freshness };
          return { ...s, entries: [...s.entries, e.entry] };
        });
      },
      onEnd: (err) => { if (err) setState((s) => ({ ...s, error: err.message })); },
    });
    return () => sub.close();
  }, [client, context, namespace, kind, name]);

  const shown = useMemo(() => newestFirst(state.entries).filter((e) => passes(e, filter)), [state.entries, filter]);
  const failures = state.entries.filter((e) => e.kind === 'degraded').length;

  return (
    <section className="timeline" data-testid="timeline">
      <div className="tl-head">
        <span className="tl-title">Change timeline</span>
        {state.recordingSince && (
          <span className="muted tl-since" data-testid="tl-since"
            title={`Wheelhouse records changes while it runs; this history starts at ${state.recordingSince}. Older changes are not known, except the ReplicaSet revisions the cluster still holds (marked "history").`}>
            history starts when recording started: {new Date(state.recordingSince).toLocaleTimeString()}
          </span>
        )}
        <span className="tl-filters" role="group" aria-label="Show">
          {(['all', 'changes', 'failures'] as const).map((f) => (
            <button key={f} type="button" className={filter === f ? 'on' : ''} aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {f}{f === 'failures' && failures > 0 ? ` (${failures})` : ''}
            </button>
          ))}
        </span>
        <FreshnessBadge freshness={state.freshness} />
      </div>
      {state.error && <div className="tl-error" role="alert">{state.error}</div>}
      {!state.error && state.recordingSince === undefined && <div className="muted tl-empty">Starting to record…</div>}
      {state.recordingSince !== undefined && shown.length === 0 && <div className="muted tl-empty">Nothing {filter === 'all' ? '' : `(${filter}) `}recorded yet.</div>}
      <ol className="tl-list">
        {shown.map((e) => {
          const by = managerText(e);
          const t = Date.parse(e.at);
          return (
            <li key={e.id} className={`tl-entry${e.observed ? '' : ' tl-history'}`} data-testid="timeline-entry" data-kind={e.kind}>
              <span className={`tl-dot tl-tone-${KIND_TONE[e.kind]}`} aria-hidden="true" />
              <div className="tl-body">
                <div className="tl-line">
                  <span className={`tl-kind tl-tone-${KIND_TONE[e.kind]}`}>{KIND_LABEL[e.kind]}</span>
                  <span className="tl-summary">{e.summary}</span>
                </div>
                <div className="tl-meta muted">
                  <time dateTime={e.at} title={e.at}>{Number.isFinite(t) ? `${new Date(t).toLocaleTimeString()} · ${humanDuration(Math.max(0, now - t))} ago` : e.at}</time>
                  {by && <span className="tl-by" data-testid="timeline-manager">{by}</span>}
                  {!e.observed && <span className="tl-tag" title="From what the cluster held when recording began, not seen live">history</span>}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
