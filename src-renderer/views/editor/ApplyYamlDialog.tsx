import { useState } from 'react';
import { useClient } from '../../data/clientContext';
import { Modal } from '../../components/Modal';
import { useToasts } from '../../components/Toasts';
import type { ApplyResult } from '../../../shared/contract/actions';
import { CodeEditor } from './CodeEditor';
import './editor.css';

const PLACEHOLDER = '# Paste or type one or more objects, separated by ---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: example\ndata:\n  key: value';

/**
 * Create or update objects from YAML text (several documents separated by `---`), by server-side
 * apply: a dry run first shows what each document would do; conflicts with other field managers are
 * listed and only taken over with Force.
 */
export function ApplyYamlDialog({ context, namespace, onClose }: { context: string; namespace?: string; onClose(): void }) {
  const client = useClient();
  const toasts = useToasts();
  const [text, setText] = useState('');
  const [ns, setNs] = useState(namespace ?? 'default');
  const [result, setResult] = useState<ApplyResult & { forText: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const conflicts = result?.results.some((r) => r.outcome === 'conflict') ?? false;

  const send = async (dryRun: boolean, force: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await client.request('actions.apply', { context, yaml: text, namespace: ns || undefined, dryRun, force });
      setResult({ ...r, forText: text });
      if (!dryRun) {
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
    <Modal title="Apply YAML" onClose={onClose} size="large" testId="apply-yaml" footer={<>
      <span className="muted ed-status">Server-side apply as field manager <span className="mono">wheelhouse</span></span>
      <span className="spacer" />
      <button type="button" onClick={onClose}>Close</button>
      {conflicts && result?.forText === text && (
        <button type="button" className="danger" disabled={busy} onClick={() => void send(false, true)} data-testid="apply-force">Force apply (take conflicting fields)</button>
      )}
      <button type="button" disabled={busy || !text.trim()} onClick={() => void send(true, false)} data-testid="apply-dry-run">Dry run</button>
      <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void send(false, false)} data-testid="apply-apply">Apply</button>
    </>}>
      <label className="ed-ns-row">
        <span className="muted">Namespace for objects that name none</span>
        <input value={ns} onChange={(e) => setNs(e.target.value.trim())} spellCheck={false} style={{ width: 200 }} data-testid="apply-namespace" />
      </label>
      <div className="ed-main">
        <CodeEditor value={text} onChange={setText} label="YAML to apply" placeholder={PLACEHOLDER} testId="apply-code" />
      </div>
      {error && <div className="note note-bad" role="alert" data-testid="apply-error">{error}</div>}
      {result && (
        <div data-testid="apply-results">
          <div className="muted" style={{ marginBottom: 4 }}>
            {result.dryRun ? 'Dry run (nothing written):' : 'Applied:'}{result.forText !== text && ' (the text changed since)'}
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Modal>
  );
}
