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

/** What a restart does, said the same wherever a restart is asked for. */
export function RestartExplanation({ name }: { name: string }) {
  return (
    <div>Replaces every pod of <b className="mono">{name}</b> following its update strategy, like <span className="mono">kubectl rollout restart</span> (it sets the <span className="mono">kubectl.kubernetes.io/restartedAt</span> annotation on the pod template).</div>
  );
}
