import type { Freshness } from '../../shared/contract/resources';

const labels: Record<Freshness['state'], string> = {
  syncing: 'Syncing…', live: 'Live', reconnecting: 'Reconnecting', stale: 'Stale',
  forbidden: 'Forbidden', unauthorized: 'Unauthorized', error: 'Error', checking: 'Checking connection…',
};

/** Says how fresh a view's data is, so old data is never taken for live. */
export function FreshnessBadge({ freshness }: { freshness?: Freshness }) {
  if (!freshness) return <span className="badge badge-syncing" data-testid="freshness">Connecting…</span>;
  const since = new Date(freshness.since);
  const title = `${labels[freshness.state]} since ${since.toLocaleTimeString()}${freshness.reason ? ` — ${freshness.reason}` : ''}`;
  return (
    <span className={`badge badge-${freshness.state}`} title={title} data-testid="freshness" data-state={freshness.state}>
      {labels[freshness.state]}{freshness.state === 'reconnecting' || freshness.state === 'stale' ? ` · stale since ${since.toLocaleTimeString()}` : ''}
    </span>
  );
}
