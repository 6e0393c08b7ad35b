import { Modal } from '../../components/Modal';
import type { DetailsTarget } from '../details/detailsTarget';
import { AutoscalerWarning } from './AutoscalerWarning';
import { ScaleControl } from './ScaleControl';
import type { AutoscalerRef } from './useAutoscalers';

/** The actions menu's scale: the HPA warning above (never blocking), then the one scale widget. The dialog is the confirmation. */
export function ScaleDialog({ kind, name, namespace, current, initial, autoscalers, busy, error, onScale, onClose, onSelect }: {
  kind: string; name: string; namespace?: string; current: number; initial?: number; autoscalers: AutoscalerRef[]; busy: boolean; error?: string;
  onScale(replicas: number): void; onClose(): void; onSelect?(t: DetailsTarget): void;
}) {
  return (
    <Modal title={`Scale ${kind} ${name}`} onClose={onClose} size="small" testId="scale-dialog" footer={<button type="button" onClick={onClose}>Cancel</button>}>
      <AutoscalerWarning autoscalers={autoscalers} kind={kind} namespace={namespace} onSelect={(t) => { onClose(); onSelect?.(t); }} />
      <ScaleControl current={current} initial={initial} busy={busy} onScale={onScale} autoFocus applyLabel={(v) => `Scale to ${v ?? '…'}`} testIds={{ input: 'scale-input', apply: 'scale-confirm' }} />
      {error && <div className="note note-bad" role="alert" data-testid="dialog-error">{error}</div>}
    </Modal>
  );
}
