import { useCallback, useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

export interface Question { title: string; body: ReactNode; confirm: string; danger?: boolean; testId?: string }

/**
 * Ask through the one confirmation component from code that is not a dialog itself (the topology's
 * steppers, the Rollout tab's buttons): `await ask(q)` is true when confirmed, false when cancelled.
 * Render `dialog` somewhere in the caller.
 */
export function useConfirm() {
  const [pending, setPending] = useState<{ q: Question; resolve(ok: boolean): void }>();
  const ask = useCallback((q: Question) => new Promise<boolean>((resolve) => setPending({ q, resolve })), []);
  const answer = (ok: boolean) => { pending?.resolve(ok); setPending(undefined); };
  const dialog = pending ? (
    <ConfirmDialog title={pending.q.title} confirm={pending.q.confirm} danger={pending.q.danger} busy={false} testId={pending.q.testId ?? 'confirm-dialog'}
      onConfirm={() => answer(true)} onClose={() => answer(false)}>
      {pending.q.body}
    </ConfirmDialog>
  ) : null;
  return { ask, dialog };
}

/** A scale question's paragraphs as dialog content. */
export const paragraphs = (lines: readonly string[]) => <>{lines.map((l) => <div key={l} className="note note-warn">{l}</div>)}</>;
