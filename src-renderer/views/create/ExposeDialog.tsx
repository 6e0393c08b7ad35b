import { useRef, useState } from 'react';
import { Modal } from '../../components/Modal';
import { ApplyYamlDialog } from '../editor/ApplyYamlDialog';
import { toYaml } from '../editor/editableObject';
import { buildExposeService, portsForObject, type ExposeOptions } from '../../../shared/create/expose';
import { CreateInputError } from '../../../shared/create/createInput';
import { sortedKeys } from './sortedKeys';
import { useConfirm } from '../actions/useConfirm';
import './create.css';

const FIELDS: { key: keyof ExposeOptions; label: string; flag: string; options?: string[] }[] = [
  { key: 'port', label: 'Port(s), comma separated', flag: '--port' },
  { key: 'targetPort', label: 'Target port (number or name)', flag: '--target-port' },
  { key: 'type', label: 'Type', flag: '--type', options: ['', 'ClusterIP', 'NodePort', 'LoadBalancer'] },
  { key: 'name', label: 'Service name', flag: '--name' },
  { key: 'protocol', label: 'Protocol', flag: '--protocol', options: ['', 'TCP', 'UDP', 'SCTP'] },
];

/**
 * `kubectl expose KIND NAME`: the flags as a form (empty = kubectl's default, read from the object),
 * then the Service's YAML, editable, created after a server dry run.
 */
export function ExposeDialog({ context, obj, onClose }: { context: string; obj: any; onClose(): void }) {
  const [o, setO] = useState<ExposeOptions>({});
  const [error, setError] = useState<{ field: string; message: string }>();
  const [step, setStep] = useState<'form' | 'yaml'>('form');
  const yaml = useRef<{ generated: string; text: string }>(undefined);
  const found = portsForObject(obj).ports;
  const what = `${String(obj?.kind ?? '').toLowerCase()} ${obj?.metadata?.name ?? ''}`;

  const { ask, dialog } = useConfirm();

  const review = async () => {
    try {
      const generated = toYaml(sortedKeys(buildExposeService(obj, o)));
      const prev = yaml.current;
      const handEdited = prev && prev.text !== prev.generated && prev.generated !== generated;
      if (!handEdited || await ask({ title: 'Replace your YAML edits?', body: 'The form changed since the YAML was edited by hand. Continuing replaces those edits with the form’s YAML.', confirm: 'Replace edits', testId: 'create-replace-edits' })) {
        if (!prev || prev.generated !== generated) yaml.current = { generated, text: generated };
      }
      setError(undefined);
      setStep('yaml');
    } catch (err) {
      setError(err instanceof CreateInputError ? { field: err.field, message: err.message } : { field: '', message: String(err) });
    }
  };

  if (step === 'yaml' && yaml.current) {
    const y = yaml.current;
    return (
      <ApplyYamlDialog context={context} onClose={onClose} create={{
        title: `Expose ${what}`, command: `kubectl expose ${what}`, initialText: y.text,
        onTextChange: (t) => { y.text = t; }, onCreated: onClose,
        back: <button type="button" onClick={() => setStep('form')} data-testid="create-back">← Form</button>,
      }} />
    );
  }

  return (
    <Modal title={`Expose ${what}`} onClose={onClose} testId="expose-dialog" footer={<>
      <span className="spacer" />
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="button" className="primary" onClick={() => void review()} data-testid="expose-review">Review YAML →</button>
    </>}>
      <div className="cr-form">
        <div className="muted">Empty fields take kubectl&apos;s defaults: the selector and labels of the {String(obj?.kind ?? '')}, {found.length ? <>its port{found.length > 1 ? 's' : ''} <span className="mono">{found.join(', ')}</span></> : 'a port you give (it names none)'}, the Service named like it.</div>
        {FIELDS.map((f) => (
          <label key={f.key} className="cr-field">
            <span className="cr-label">{f.label} <span className="mono muted">{f.flag}</span></span>
            {f.options ? (
              <select value={o[f.key] ?? ''} onChange={(e) => setO({ ...o, [f.key]: e.target.value })} data-testid={`expose-${f.key}`}>
                {f.options.map((x) => <option key={x} value={x}>{x || '(default)'}</option>)}
              </select>
            ) : (
              <input value={o[f.key] ?? ''} spellCheck={false} onChange={(e) => setO({ ...o, [f.key]: e.target.value })} data-testid={`expose-${f.key}`}
                placeholder={f.key === 'port' ? found.join(',') : f.key === 'name' ? String(obj?.metadata?.name ?? '') : 'default'} aria-invalid={error?.field === f.key} />
            )}
            {error?.field === f.key && <span className="cr-error" role="alert">{error.message}</span>}
          </label>
        ))}
        {error && !FIELDS.some((f) => f.key === error.field) && <div className="note note-bad" role="alert" data-testid="expose-error">{error.message}</div>}
      </div>
      {dialog}
    </Modal>
  );
}
