import type { ActivityEntry } from '../../../shared/contract/actions';

// Text for the activity view, pure so it can be tested.

export const OUTCOME_TONE: Record<ActivityEntry['outcome'], 'ok' | 'warn' | 'bad' | 'busy'> = {
  running: 'busy', ok: 'ok', skipped: 'warn', cancelled: 'warn', blocked: 'bad', refused: 'bad', forbidden: 'bad', conflict: 'bad', error: 'bad',
};

/** `14:03:22` today, `Nov 22 14:03` on another day. */
export function activityTime(at: string, now: number): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const sameDay = new Date(now).toDateString() === d.toDateString();
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return sameDay ? time : `${d.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${time}`;
}

/** `1.2 s`, `340 ms`. */
export function durationText(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Newest first, keeping at most `max`, merging a snapshot with entries already seen (by id). */
export function mergeEntries(current: ActivityEntry[], incoming: ActivityEntry[], max = 500): ActivityEntry[] {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, max);
}
