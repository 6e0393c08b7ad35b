import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { parseReplicas, SCALE_MAX } from '../rollouts/rolloutFormat';
import type { DetailsTarget } from '../details/detailsTarget';
import { AutoscalerWarning } from './AutoscalerWarning';
import type { AutoscalerRef } from './useAutoscalers';

/** Replicas with − / + and a typed value; the HPA warning above, never blocking. */
export function ScaleDialog({ kind, name, namespace, current, initial, autoscalers, busy, error, onScale, onClose, onSelect }: {
  // `initial`: the replicas offered at first (the palette's `scale 4`); the current count otherwise.
  kind: string; name: string; namespace?: string; current: number; initial?: number; autoscalers: AutoscalerRef[]; busy: boolean; error?: string;
  onScale(replicas: number): void; onClose(): void; onSelect?(t: DetailsTarget): void;
}) {
  const [text, setText] = useState(String(initial ?? current));
  const value = parseReplicas(text);
  const set = (n: number) => setText(String(Math.max(0, Math.min(SCALE_MAX, n))));
  return (
    <Modal title={`Scale ${kind} ${name}`} onClose={onClose} size="small" testId="scale-dialog" footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="button" className="primary" disabled={busy || value === undefined || value === current} onClick={() => value !== undefined && onScale(value)} data-testid="scale-confirm">
        Scale to {value ?? '…'}
      </button>
    </>}>
      <AutoscalerWarning autoscalers={autoscalers} kind={kind} namespace={namespace} onSelect={(t) => { onClose(); onSelect?.(t); }} />
      <div className="act-scale-row">
        <span className="muted">Replicas now <b>{current}</b>, new:</span>
        <button type="button" aria-label="fewer replicas" disabled={value === undefined || value <= 0} onClick={() => set((value ?? current) - 1)}>−</button>
        <input aria-label="replicas" inputMode="numeric" value={text} autoFocus data-autofocus onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && value !== undefined && value !== current) onScale(value); }}
          className={value === undefined ? 'act-invalid' : ''} data-testid="scale-input" />
        <button type="button" aria-label="more replicas" disabled={value === undefined || value >= SCALE_MAX} onClick={() => set((value ?? current) + 1)}>+</button>
      </div>
      {value === undefined && <div className="note note-bad">A whole number from 0 to {SCALE_MAX}.</div>}
      {error && <div className="note note-bad" role="alert" data-testid="dialog-error">{error}</div>}
    </Modal>
  );
}
