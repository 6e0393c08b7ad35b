import { useEffect, useState } from 'react';
import { useClient } from '../../data/clientContext';
import type { ActivityEntry } from '../../../shared/contract/actions';
import { mergeEntries } from './activityFormat';

/**
 * The core's activity log for one context (and the `others` shown with it, merged by time), newest
 * first, kept current by activity.watch; `atStart` is the newest id when the subscription began (older
 * entries are not news).
 */
export function useActivity(context: string, others: readonly string[] = []): { entries: ActivityEntry[]; atStart: number; error?: string } {
  const client = useClient();
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  const [error, setError] = useState<string>();
  const [atStart, setAtStart] = useState(0);
  const shown = others.length ? [context, ...others].join('\u0000') : undefined;
  useEffect(() => {
    // Several clusters: the whole log (one sequence of ids, so already in time order), kept to those shown.
    const keep = shown ? new Set(shown.split('\u0000')) : undefined;
    const mine = (x: ActivityEntry) => !keep || keep.has(x.context);
    setEntries([]);
    setAtStart(0);
    setError(undefined);
    const sub = client.subscribe('activity.watch', keep ? {} : { context }, {
      onEvent: (e) => {
        if (e.type === 'snapshot') setAtStart((n) => Math.max(n, ...e.entries.filter(mine).map((x) => x.id)));
        if (e.type === 'entry' && !mine(e.entry)) return;
        setEntries((cur) => (e.type === 'snapshot' ? mergeEntries([], e.entries.filter(mine)) : mergeEntries(cur, [e.entry])));
      },
      onEnd: (err) => { if (err) setError(err.message); },
    });
    return () => sub.close();
  }, [client, context, shown]);
  return { entries, atStart, error };
}
