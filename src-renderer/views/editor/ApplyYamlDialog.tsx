import { useState, type ReactNode } from 'react';
import { useClient } from '../../data/clientContext';
import { Modal } from '../../components/Modal';
import { useToasts } from '../../components/Toasts';
import type { ApplyResult } from '../../../shared/contract/actions';
import { CodeEditor } from './CodeEditor';
import { useSchemaAssist } from './useSchemaAssist';
import { DiffView } from './DiffView';
import { changesBetween, editableCopy, toYaml } from './editableObject';
import { formatChangeValue } from '../rollouts/rolloutFormat';
import './editor.css';

const PLACEHOLDER = '# Paste or type one or more objects, separated by ---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: example\ndata:\n  key: value';

type Doc = ApplyResult['results'][number];

/**
 * The same dialog for objects built by a form (the New menu, Expose): `kubectl create` (a POST, an
 * existing object is AlreadyExists), the form's YAML shown and editable, Create only after a dry run
 * of the exact text succeeded.
 */
export interface CreateMode {
  title: string;
  /** The kubectl command this equals, shown in the footer. */
  command: string;
  initialText: string;
  /** Every edit, so the caller keeps the text when the person goes back to the form. */
  onTextChange(text: string): void;
  onCreated(): void;
  /** Above the editor (what the form said). */
  header?: ReactNode;
  /** A footer button back to the form. */
  back?: ReactNode;
}

/**
 * Create or update objects from YAML text (several documents separated by `---`), by server-side
 * apply, document by document (one that fails does not stop the others). The namespace field is for
 * objects that name none. A dry run shows what each document would do, with a per-field diff for
 * objects that exist. Conflicts with other field managers are listed; Force never writes from that:
 * it first runs a forced dry run that names each field that would change owner and its manager, and
 * only then offers the forced apply, for that same text.
 */
export function ApplyYamlDialog({ context, namespace, onClose, create }: { context: string; namespace?: string; onClose(): void; create?: CreateMode }) {
  const client = useClient();
  const toasts = useToasts();
  const [text, setTextState] = useState(create?.initialText ?? '');
  const setText = (t: string) => { setTextState(t); create?.onTextChange(t); };
  const [ns, setNs] = useState(namespace ?? 'default');
  const [result, setResult] = useState<ApplyResult & { forText: string; forced: boolean }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { assist, explainDialog } = useSchemaAssist(context);
  const conflicts = result?.results.some((r) => r.outcome === 'conflict') ?? false;
  // Force is offered only right after a forced dry run of this very text.
  const forcedPreview = !!result && result.dryRun && result.forced && result.forText === text;
  const moves = result?.results.reduce((n, r) => n + (r.ownership?.length ?? 0), 0) ?? 0;
  // Create is offered only after a dry run of this very text succeeded.
  const checked = !!result && result.dryRun && result.ok && result.forText === text;

  const send = async (dryRun: boolean, force: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await client.request('actions.apply', { context, yaml: text, namespace: ns || undefined, dryRun, force, mode: create ? 'create' : 'apply' });
      setResult({ ...r, forText: text, forced: force });
      if (!dryRun && create) {
        toasts.push(r.ok ? { tone: 'ok', title: r.results.map((x) => x.message).join('\n') } : { tone: 'bad', title: 'Create failed', text: r.results.filter((x) => x.outcome === 'error').map((x) => x.message).join('\n') });
        if (r.ok) create.onCreated();
      } else if (!dryRun) {
        toasts.push(r.ok
          ? { tone: 'ok', title: `Applied ${r.results.length} object${r.results.length === 1 ? '' : 's'}`, text: r.results.map((x) => x.message).join('\n') }
          : { tone: 'bad', title: 'Apply incomplete', text: r.results.filter((x) => x.outcome === 'conflict' || x.outcome === 'error').map((x) => x.message).join('\n') });
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setError(message);
      if (!dryRun) toasts.push({ tone: 'bad', title: 'Apply failed', text: message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={create?.title ?? 'Apply YAML'} onClose={onClose} size="large" testId={create ? 'create-review' : 'apply-yaml'} footer={create ? <>
      <span className="muted ed-status">{create.command} — created as field manager <span className="mono">wheelhouse</span>, after a server dry run</span>
      <span className="spacer" />
      {create.back}
      <button type="button" onClick={onClose}>Close</button>
      <button type="button" disabled={busy || !text.trim()} onClick={() => void send(true, false)} data-testid="create-dry-run">Dry run</button>
      <button type="button" className="primary" disabled={busy || !checked} title={checked ? undefined : 'Run the dry run first: the API server checks this exact text before anything is written'}
        onClick={() => void send(false, false)} data-testid="create-apply">Create</button>
    </> : <>
      <span className="muted ed-status">Server-side apply as field manager <span className="mono">wheelhouse</span> (to change one object's fields only, use its Edit YAML)</span>
      <span className="spacer" />
      <button type="button" onClick={onClose}>Close</button>
      {conflicts && result?.forText === text && !result.forced && (
        <button type="button" className="danger" disabled={busy} onClick={() => void send(true, true)} data-testid="apply-force-preview"
          title="A forced dry run first: it shows which fields would change owner, and from which manager; nothing is written">Force… (dry run first)</button>
      )}
      {forcedPreview && (
        <button type="button" className="danger" disabled={busy} onClick={() => void send(false, true)} data-testid="apply-force"
          title="Take the fields listed above from their managers and apply">Force apply (take {moves} field{moves === 1 ? '' : 's'})</button>
      )}
      <button type="button" disabled={busy || !text.trim()} onClick={() => void send(true, false)} data-testid="apply-dry-run">Dry run</button>
      <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void send(false, false)} data-testid="apply-apply">Apply</button>
    </>}>
      {create ? create.header : (
        <label className="ed-ns-row">
          <span className="muted">Namespace for objects that name none</span>
          <input value={ns} onChange={(e) => setNs(e.target.value.trim())} spellCheck={false} style={{ width: 200 }} data-testid="apply-namespace" />
        </label>
      )}
      <div className="ed-main">
        <CodeEditor value={text} onChange={setText} label="YAML to apply" placeholder={PLACEHOLDER} testId="apply-code" assist={assist} />
      </div>
      {error && <div className="note note-bad" role="alert" data-testid="apply-error">{error}</div>}
      {result && (
        <div data-testid="apply-results">
          <div className="muted" style={{ marginBottom: 4 }}>
            {result.dryRun ? `${result.forced ? 'Forced dry run' : 'Dry run'} (nothing written):` : 'Applied:'}{result.forText !== text && ' (the text changed since)'}
          </div>
          <table className="ed-results">
            <thead><tr><th>#</th><th>Object</th><th>Outcome</th><th>Message</th></tr></thead>
            <tbody>
              {result.results.map((r) => (
                <tr key={r.index} data-testid="apply-result" data-outcome={r.outcome}>
                  <td>{r.index + 1}</td>
                  <td className="mono">{r.kind} {r.namespace ? `${r.namespace}/` : ''}{r.name}</td>
                  <td className={`ed-outcome ed-outcome-${r.outcome}`}>{result.dryRun && (r.outcome === 'created' || r.outcome === 'configured') ? `would be ${r.outcome}` : r.outcome}</td>
                  <td>
                    {r.message}
                    {r.conflicts && r.conflicts.length > 0 && <ul className="ed-conflict-list">{r.conflicts.map((c, i) => <li key={i}>{c.field && <span className="mono">{c.field}</span>} {c.message}</li>)}</ul>}
                    {r.ownership && (
                      <div className="ed-ownership" data-testid="apply-ownership">
                        {r.ownership.length === 0 ? 'No field would change owner.' : <>Would take from other managers:
                          <ul className="ed-conflict-list">{r.ownership.map((o) => <li key={o.field} data-testid="apply-ownership-move"><span className="mono">{o.field}</span> from {o.from.join(', ')}</li>)}</ul></>}
                      </div>
                    )}
                    {result.dryRun && r.current && r.object && <DocDiff doc={r} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {explainDialog}
    </Modal>
  );
}

/** A dry run's per-field changes to an object that exists, and the same side-by-side diff as Edit YAML. */
function DocDiff({ doc }: { doc: Doc }) {
  const [open, setOpen] = useState(false);
  const changes = changesBetween(doc.current, doc.object);
  return (
    <div className="ed-doc-diff" data-testid="apply-doc-diff">
      <div>
        {changes.length === 0 ? 'No field would change.' : `${changes.length} field${changes.length === 1 ? '' : 's'} would change.`}{' '}
        <button type="button" className="ed-small" onClick={() => setOpen(!open)} data-testid="apply-doc-diff-toggle">{open ? 'Hide diff' : 'Show diff'}</button>
      </div>
      {changes.length > 0 && (
        <table className="ed-changes" data-testid="apply-doc-changes">
          <thead><tr><th>Field</th><th>Now</th><th>After apply</th></tr></thead>
          <tbody>{changes.map((c) => <tr key={c.path}><td className="mono">{c.path}</td><td className="mono ed-before">{formatChangeValue(c.before)}</td><td className="mono ed-after">{formatChangeValue(c.after)}</td></tr>)}</tbody>
        </table>
      )}
      {open && <DiffView before={toYaml(editableCopy(doc.current))} after={toYaml(editableCopy(doc.object))} beforeLabel="Now" afterLabel="What the server would store" />}
    </div>
  );
}
