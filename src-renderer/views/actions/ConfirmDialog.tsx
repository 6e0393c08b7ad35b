import type { ReactNode } from 'react';
import { Modal } from '../../components/Modal';

export function ConfirmDialog({ title, children, confirm, busy, error, danger, onConfirm, onClose, testId }: {
  title: string; children: ReactNode; confirm: string; busy: boolean; error?: string; danger?: boolean; onConfirm(): void; onClose(): void; testId?: string;
}) {
  return (
    <Modal title={title} onClose={onClose} size="small" testId={testId} footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="button" className={danger ? 'danger' : 'primary'} disabled={busy} onClick={onConfirm} data-testid="confirm">{confirm}</button>
    </>}>
      {children}
      {error && <div className="note note-bad" role="alert" data-testid="dialog-error">{error}</div>}
    </Modal>
  );
}
