import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useToasts } from '../../components/Toasts';

export interface Notice { tone: 'ok' | 'warn' | 'bad'; text: string }

/**
 * Runs one action at a time for a panel: busy while it runs, a notice with its outcome (or the
 * error's message) afterwards, also as a toast unless it is only a preview, and the rollout history
 * refetched since most actions change it.
 */
export function useActionRunner() {
  const qc = useQueryClient();
  const toasts = useToasts();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const run = useCallback(async <T,>(action: () => Promise<T>, describe: (result: T) => Notice, opts: { toast?: boolean } = {}): Promise<T | undefined> => {
    const toast = opts.toast ?? true;
    setBusy(true);
    setNotice(undefined);
    try {
      const result = await action();
      const n = describe(result);
      setNotice(n);
      if (toast) toasts.push({ tone: n.tone, title: n.text });
      return result;
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err);
      setNotice({ tone: 'bad', text });
      toasts.push({ tone: 'bad', title: 'Action failed', text });
      return undefined;
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['actions.rolloutHistory'] });
    }
  }, [qc, toasts]);
  return { busy, notice, run, clearNotice: () => setNotice(undefined) };
}
