import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useToasts, type ToastTone } from '../../components/Toasts';

export interface Outcome { tone: ToastTone; title: string; text?: string }

/**
 * The renderer's one action runner (actions menu, rollout tab, topology steppers). Runs one action:
 * busy while it runs, then its outcome as a toast (unless `toast: false`, for previews and views that
 * show it in place) and as `notice`; a failure always toasts and is kept as `error` for the dialog or
 * banner that ran it (a toast sits under an open dialog). The core also records each action in the
 * activity log. Queries the action may have changed are read again.
 */
export function useRunAction() {
  const toasts = useToasts();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<Outcome>();
  const run = useCallback(async <T,>(what: string, action: () => Promise<T>, describe: (r: T) => Outcome, opts: { toast?: boolean } = {}): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const r = await action();
      const outcome = describe(r);
      setNotice(outcome);
      if (opts.toast ?? true) toasts.push(outcome);
      return r;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setError(`${what} failed: ${message}`);
      setNotice({ tone: 'bad', title: `${what} failed: ${message}` });
      toasts.push({ tone: 'bad', title: `${what} failed`, text: message });
      return undefined;
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['actions.rolloutHistory'] });
      void qc.invalidateQueries({ queryKey: ['resource.get'] });
    }
  }, [toasts, qc]);
  const clearError = useCallback(() => setError(undefined), []);
  const clearNotice = useCallback(() => setNotice(undefined), []);
  /** `error`: the last failure, for a dialog to show inline; `notice`: the last outcome, for a panel. */
  return { busy, run, error, clearError, notice, clearNotice };
}

/** An outcome as one line: title, then the detail. */
export const outcomeText = (o: Outcome): string => (o.text ? `${o.title} ${o.text}` : o.title);
