import { useMemo, useRef, useState } from 'react';
import { useClient, useContractQuery } from '../../data/clientContext';
import { Modal } from '../../components/Modal';
import { ApplyYamlDialog } from '../editor/ApplyYamlDialog';
import { toYaml } from '../editor/editableObject';
import { useConfirm } from '../actions/useConfirm';
import { CREATE_ENTRIES, type CreateFormId } from '../../../shared/create/createKinds';
import { CreateInputError } from '../../../shared/create/createInput';
import type { FileSource } from '../../../shared/create/dataObjects';
import type { Verdict } from '../../../shared/actions/actionAccess';
import { buildFromForm, discoveryResolver, initialValues, visibleFields, type Field, type FormValues } from './createForms';
import { sortedKeys } from './sortedKeys';
import './create.css';

/**
 * The New menu's dialog: a form per `kubectl create` command, then its YAML (editable) in the Apply
 * YAML dialog's create mode: dry run first, then Create. Everything typed is kept per form while the
 * dialog is open: switching forms, going to the YAML and back; hand edits to the YAML are replaced
 * by the form's only after asking.
 */
export function CreateDialog({ context, namespace, initial, access, onClose }: {
  context: string; namespace?: string; initial?: CreateFormId; access: Record<string, Verdict>; onClose(): void;
}) {
  const client = useClient();
  const discovery = useContractQuery('cluster.discovery', { context }, { staleTime: 5 * 60_000 });
  const [form, setForm] = useState<CreateFormId>(initial ?? 'deployment');
  const [values, setValues] = useState<Partial<Record<CreateFormId, FormValues>>>({});
  const [files, setFiles] = useState<Partial<Record<CreateFormId, FileSource[]>>>({});
  const [error, setError] = useState<{ field: string; message: string }>();
  const [step, setStep] = useState<'form' | 'yaml'>('form');
  const yaml = useRef<{ form: CreateFormId; generated: string; text: string }>(undefined);
  const [busy, setBusy] = useState(false);
  const { ask, dialog } = useConfirm();
  const v = values[form] ?? initialValues(form, namespace);
  const entry = CREATE_ENTRIES.find((e) => e.id === form)!;
  const verdict = access[form];
  const resolve = useMemo(() => discoveryResolver(discovery.data ?? []), [discovery.data]);

  const set = (key: string, value: string) => { setValues((all) => ({ ...all, [form]: { ...v, [key]: value } })); if (error?.field === key) setError(undefined); };
  const addFiles = async (list: FileList | null) => {
    const read = await Promise.all([...(list ?? [])].map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    setFiles((all) => ({ ...all, [form]: [...(all[form] ?? []), ...read] }));
  };

  const review = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const obj = await buildFromForm(form, v, {
        files: files[form] ?? [], resolve,
        cronJob: (ns, name) => client.request('resource.get', { context, group: 'batch', version: 'v1', resource: 'cronjobs', namespace: ns, name }) as Promise<Record<string, any>>,
      });
      const generated = toYaml(sortedKeys(obj));
      const prev = yaml.current;
      const handEdited = prev && prev.form === form && prev.text !== prev.generated;
      if (handEdited && prev.generated !== generated && !(await ask({ title: 'Replace your YAML edits?', body: 'The form changed since the YAML was edited by hand. Continuing replaces those edits with the form’s YAML.', confirm: 'Replace edits', testId: 'create-replace-edits' }))) {
        setStep('yaml');
        return;
      }
      if (!handEdited || prev.generated !== generated) yaml.current = { form, generated, text: generated };
      setStep('yaml');
    } catch (err) {
      setError(err instanceof CreateInputError ? { field: err.field, message: err.message } : { field: '', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  if (step === 'yaml' && yaml.current) {
    const y = yaml.current;
    return (
      <ApplyYamlDialog context={context} onClose={onClose} create={{
        title: `New ${entry.label}`, command: entry.command, initialText: y.text,
        onTextChange: (t) => { y.text = t; }, onCreated: onClose,
        back: <button type="button" onClick={() => setStep('form')} data-testid="create-back">← Form</button>,
      }} />
    );
  }

  const fieldError = (f: Field) => (error?.field === f.key ? error.message : undefined);
  const known = new Set(visibleFields(form, v).map((f) => f.key));
  return (
    <Modal title="New object" onClose={onClose} size="large" testId="create-dialog" footer={<>
      <span className="muted ed-status">Like <span className="mono">{entry.command}</span>: the YAML is shown before anything is sent</span>
      <span className="spacer" />
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="button" className="primary" disabled={busy || !verdict?.allowed} title={verdict?.allowed ? undefined : verdict?.reason} onClick={() => void review()} data-testid="create-review-button">Review YAML →</button>
    </>}>
      <div className="cr-layout">
        <nav className="cr-kinds" aria-label="Kind to create">
          {CREATE_ENTRIES.map((e) => (
            <button key={e.id} type="button" className={`cr-kind${e.id === form ? ' active' : ''}`} aria-pressed={e.id === form}
              onClick={() => { setForm(e.id); setError(undefined); }} data-testid={`create-kind-${e.id}`} title={access[e.id]?.allowed ? e.command : access[e.id]?.reason}>
              {e.label}{!access[e.id]?.allowed && <small className="act-why">{access[e.id]?.pending ? 'checking…' : 'not allowed'}</small>}
            </button>
          ))}
        </nav>
        <div className="cr-form" data-testid={`create-form-${form}`}>
          {!verdict?.allowed && <div className="note note-warn" data-testid="create-denied">{verdict?.reason}</div>}
          {visibleFields(form, v).map((f) => (
            <label key={f.key} className="cr-field">
              <span className="cr-label">{f.label} <span className="mono muted">{f.flag}</span></span>
              {f.type === 'select' ? (
                <select value={v[f.key] ?? ''} onChange={(e) => set(f.key, e.target.value)} data-testid={`create-field-${f.key}`}>
                  {f.options!.map((o) => <option key={o} value={o}>{o}</option>)}
                </select>
              ) : f.type === 'lines' ? (
                <textarea rows={3} value={v[f.key] ?? ''} placeholder={f.placeholder} spellCheck={false} onChange={(e) => set(f.key, e.target.value)} data-testid={`create-field-${f.key}`} aria-invalid={!!fieldError(f)} />
              ) : f.type === 'files' ? (
                <span className="cr-files">
                  <input type="file" multiple onChange={(e) => { void addFiles(e.target.files); e.target.value = ''; }} data-testid={`create-field-${f.key}`} />
                  {(files[form] ?? []).map((file, i) => (
                    <span key={`${file.fileName}-${i}`} className="cr-file mono">{file.fileName} ({file.bytes.length} bytes)
                      <button type="button" className="ed-small" onClick={() => setFiles((all) => ({ ...all, [form]: (all[form] ?? []).filter((_, j) => j !== i) }))} aria-label={`Remove ${file.fileName}`}>×</button>
                    </span>
                  ))}
                </span>
              ) : (
                <input value={v[f.key] ?? ''} placeholder={f.placeholder} spellCheck={false} inputMode={f.type === 'number' ? 'numeric' : undefined}
                  onChange={(e) => set(f.key, e.target.value)} data-testid={`create-field-${f.key}`} aria-invalid={!!fieldError(f)} data-autofocus={f.key === 'name' ? true : undefined} />
              )}
              {fieldError(f) && <span className="cr-error" role="alert" data-testid="create-field-error">{fieldError(f)}</span>}
            </label>
          ))}
          {error && !known.has(error.field) && <div className="note note-bad" role="alert" data-testid="create-error">{error.message}</div>}
        </div>
      </div>
      {dialog}
    </Modal>
  );
}
