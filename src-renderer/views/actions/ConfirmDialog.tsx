import { useEffect, useRef, type ReactNode } from 'react';
import { Modal } from '../../components/Modal';

export function ConfirmDialog({ title, children, confirm, busy, error, danger, onConfirm, onClose, testId, size = 'small', confirmDisabled }: {
  title: string; children: ReactNode; confirm: string; busy: boolean; error?: string; danger?: boolean; onConfirm(): void; onClose(): void; testId?: string;
  /** Larger for a confirmation that carries a preview (a diff). */
  size?: 'small' | 'medium' | 'large';
  /** Why confirming is not possible yet (the preview is still loading, it failed): the button says so. */
  confirmDisabled?: string;
}) {
  // Below a long preview the error would sit out of sight: bring it into view when it appears.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (error) errorRef.current?.scrollIntoView?.({ block: 'nearest' }); }, [error]);
  return (
    <Modal title={title} onClose={onClose} size={size} testId={testId} footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="button" className={danger ? 'danger' : 'primary'} disabled={busy || !!confirmDisabled} title={confirmDisabled} onClick={onConfirm} data-testid="confirm">{confirm}</button>
    </>}>
      {children}
      {error && <div ref={errorRef} className="note note-bad" role="alert" data-testid="dialog-error">{error}</div>}
    </Modal>
  );
}
