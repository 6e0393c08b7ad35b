import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

export interface Notice { tone: 'ok' | 'warn' | 'bad'; text: string }

/**
 * Runs one action at a time for a panel: busy while it runs, a notice with its outcome (or the
 * error's message) afterwards, and the rollout history refetched since most actions change it.
 */
export function useActionRunner() {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const run = useCallback(async <T,>(action: () => Promise<T>, describe: (result: T) => Notice): Promise<T | undefined> => {
    setBusy(true);
    setNotice(undefined);
    try {
      const result = await action();
      setNotice(describe(result));
      return result;
    } catch (err) {
      setNotice({ tone: 'bad', text: err instanceof Error ? err.message : String(err) });
      return undefined;
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['actions.rolloutHistory'] });
    }
  }, [qc]);
  return { busy, notice, run, clearNotice: () => setNotice(undefined) };
}
