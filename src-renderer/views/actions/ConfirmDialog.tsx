import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Modal } from '../../components/Modal';

/**
 * The one confirmation component: every destructive or disruptive change (scale to 0, scaling what an
 * HPA manages, restart, delete, drain, rollback) asks through it. `typeToConfirm` makes the person type
 * a name before the confirm button enables (deletes); the disabled button says why.
 */
export function ConfirmDialog({ title, children, confirm, busy, error, danger, onConfirm, onClose, testId, confirmTestId = 'confirm', typeToConfirm, typedTestId, size = 'small', confirmDisabledReason }: {
  title: string; children: ReactNode; confirm: string; busy: boolean; error?: string; danger?: boolean; onConfirm(): void; onClose(): void; testId?: string;
  confirmTestId?: string; typeToConfirm?: string; typedTestId?: string; size?: 'small' | 'medium' | 'large'; confirmDisabledReason?: string;
}) {
  const [typed, setTyped] = useState('');
  const matches = typeToConfirm === undefined || typed === typeToConfirm;
  // Below a long preview (a diff) the error would sit out of sight: bring it into view when it appears.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (error) errorRef.current?.scrollIntoView?.({ block: 'nearest' }); }, [error]);
  const why = busy ? 'Working…' : confirmDisabledReason ?? (!matches ? `Type ${typeToConfirm} to confirm` : undefined);
  return (
    <Modal title={title} onClose={onClose} size={size} testId={testId} footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="button" className={danger ? 'danger' : 'primary'} disabled={!!why} title={why} onClick={onConfirm} data-testid={confirmTestId}>{confirm}</button>
    </>}>
      {children}
      {typeToConfirm !== undefined && (
        <label className="act-confirm-name">
          <span>Type <b className="mono act-name-to-type">{typeToConfirm}</b> to confirm</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} spellCheck={false} autoComplete="off" aria-label="Name to confirm"
            className={typed && !matches ? 'act-invalid' : ''} data-testid={typedTestId} />
        </label>
      )}
      {error && <div ref={errorRef} className="note note-bad" role="alert" data-testid="dialog-error">{error}</div>}
    </Modal>
  );
}

/** What a restart does, said the same wherever a restart is asked for. */
export function RestartExplanation({ name }: { name: string }) {
  return (
    <div>Replaces every pod of <b className="mono">{name}</b> following its update strategy, like <span className="mono">kubectl rollout restart</span> (it sets the <span className="mono">kubectl.kubernetes.io/restartedAt</span> annotation on the pod template).</div>
  );
}
