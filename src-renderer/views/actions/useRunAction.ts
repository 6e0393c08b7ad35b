import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useToasts, type ToastTone } from '../../components/Toasts';

export interface Outcome { tone: ToastTone; title: string; text?: string }

/**
 * Runs one action: busy while it runs, then a toast with its outcome or the error's message (the core
 * also records it in the activity log), and the error kept for the dialog that ran it. Queries the
 * action may have changed are read again.
 */
export function useRunAction() {
  const toasts = useToasts();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(async <T,>(what: string, action: () => Promise<T>, describe: (r: T) => Outcome): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await action();
      toasts.push(describe(r));
      return r;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setError(`${what} failed: ${message}`);
      toasts.push({ tone: 'bad', title: `${what} failed`, text: message });
      return undefined;
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['actions.rolloutHistory'] });
      void qc.invalidateQueries({ queryKey: ['resource.get'] });
    }
  }, [toasts, qc]);
  /** `error`: the last failure, for a dialog to show inline (a toast sits under an open dialog). */
  return { busy, run, error, clearError: () => setError(undefined) };
}
