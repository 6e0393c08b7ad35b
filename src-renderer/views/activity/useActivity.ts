import { useEffect, useState } from 'react';
import { useClient } from '../../data/clientContext';
import type { ActivityEntry } from '../../../shared/contract/actions';
import { mergeEntries } from './activityFormat';

/**
 * The core's activity log for one context, newest first, kept current by activity.watch; `atStart` is
 * the newest id when the subscription began (older entries are not news).
 */
export function useActivity(context: string): { entries: ActivityEntry[]; atStart: number; error?: string } {
  const client = useClient();
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  const [error, setError] = useState<string>();
  const [atStart, setAtStart] = useState(0);
  useEffect(() => {
    setEntries([]);
    setAtStart(0);
    setError(undefined);
    const sub = client.subscribe('activity.watch', { context }, {
      onEvent: (e) => {
        if (e.type === 'snapshot') setAtStart((n) => Math.max(n, ...e.entries.map((x) => x.id)));
        setEntries((cur) => (e.type === 'snapshot' ? mergeEntries([], e.entries) : mergeEntries(cur, [e.entry])));
      },
      onEnd: (err) => { if (err) setError(err.message); },
    });
    return () => sub.close();
  }, [client, context]);
  return { entries, atStart, error };
}
