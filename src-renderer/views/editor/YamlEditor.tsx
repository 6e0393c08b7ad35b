import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient } from '../../data/clientContext';
import { Modal } from '../../components/Modal';
import { useToasts } from '../../components/Toasts';
import type { DetailsTarget } from '../details/detailsTarget';
import type { ApplyResult } from '../../../shared/contract/actions';
import type { TemplateChange } from '../../../shared/rollout/templateDiff';
import { formatChangeValue } from '../rollouts/rolloutFormat';
import { CodeEditor } from './CodeEditor';
import { DiffView } from './DiffView';
import { changesBetween, conflictKind, editableCopy, hasMaskedValues, identityOf, prepareEdit, toYaml, type Identity } from './editableObject';
import './editor.css';

interface Loaded { obj: any; text: string; resourceVersion?: string; identity: Identity; at: Date; revealed: boolean }
type Doc = ApplyResult['results'][number];
type Problem =
  | { type: 'invalid'; message: string }
  | { type: 'error'; message: string }
  | { type: 'conflict'; kind: 'managers' | 'modified'; message: string; conflicts: { field?: string; message: string }[] };

/**
 * Edit one object's YAML: loaded without managedFields, status and server-owned metadata; a diff
 * against what was loaded; a server-side dry run that shows what would change; then server-side apply
 * carrying the loaded resourceVersion. A conflict (changed since loading, or fields another manager
 * owns) is shown with the choice to reload or force; nothing is overwritten silently.
 */
export function YamlEditor({ context, target, onClose }: { context: string; target: DetailsTarget; onClose(): void }) {
  const client = useClient();
  const toasts = useToasts();
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadError, setLoadError] = useState<string>();
  const [text, setText] = useState('');
  const [view, setView] = useState<'edit' | 'diff' | 'dryrun'>('edit');
  const [dry, setDry] = useState<{ text: string; changes: TemplateChange[]; wouldBe: string; doc: Doc }>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (reveal: boolean) => {
    setBusy(true);
    setLoadError(undefined);
    try {
      const obj: any = await client.request('resource.get', {
        context, group: target.group, version: target.version, resource: target.resource, ...(target.namespace ? { namespace: target.namespace } : {}), name: target.name,
        ...(reveal ? { reveal: true } : {}),
      });
      const t = toYaml(editableCopy(obj));
      setLoaded({ obj, text: t, resourceVersion: obj?.metadata?.resourceVersion, identity: identityOf(obj), at: new Date(), revealed: reveal });
      setText(t);
      setDry(undefined);
      setProblem(undefined);
      setView('edit');
    } catch (err) {
      setLoadError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }, [client, context, target.group, target.version, target.resource, target.namespace, target.name]);

  useEffect(() => { void load(false); }, [load]);

  const edited = !!loaded && text !== loaded.text;
  const masked = loaded ? hasMaskedValues(loaded.obj) : false;
  const dryIsCurrent = !!dry && dry.text === text;

  const send = async (dryRun: boolean, force: boolean) => {
    if (!loaded) return;
    const prepared = prepareEdit(text, loaded.identity, loaded.resourceVersion, force);
    if (!prepared.ok) { setProblem({ type: 'invalid', message: prepared.error }); return; }
    setBusy(true);
    setProblem(undefined);
    try {
      const r = await client.request('actions.apply', {
        context, yaml: JSON.stringify(prepared.object), ...(target.namespace ? { namespace: target.namespace } : {}), dryRun, force,
      });
      const doc = r.results[0];
      if (doc.outcome === 'conflict') {
        setProblem({ type: 'conflict', kind: force ? 'managers' : conflictKind(doc.message, doc.conflicts), message: doc.message, conflicts: doc.conflicts ?? [] });
        if (!dryRun) toasts.push({ tone: 'bad', title: `Not applied: conflict on ${target.name}`, text: doc.message });
      } else if (doc.outcome === 'error') {
        setProblem({ type: 'error', message: doc.message });
        if (!dryRun) toasts.push({ tone: 'bad', title: `Apply of ${target.name} failed`, text: doc.message });
      } else if (dryRun) {
        const after = doc.object ?? {};
        setDry({ text, changes: changesBetween(loaded.obj, after), wouldBe: toYaml(editableCopy(after)), doc });
        setView('dryrun');
      } else {
        toasts.push({ tone: 'ok', title: doc.message });
        onClose();
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setProblem({ type: 'error', message });
      if (!dryRun) toasts.push({ tone: 'bad', title: `Apply of ${target.name} failed`, text: message });
    } finally {
      setBusy(false);
    }
  };

  const kind = loaded?.identity.kind ?? target.resource;
  const title = `Edit ${kind} ${target.name}${target.namespace ? ` in ${target.namespace}` : ''}`;
  const loadedText = loaded?.text ?? '';
  const diffKey = useMemo(() => (view === 'diff' ? `${loadedText.length}:${text.length}` : ''), [view, loadedText, text]);

  return (
    <Modal title={title} onClose={onClose} size="large" testId="yaml-editor" footer={<>
      <span className="muted ed-status" data-testid="ed-status">
        {loaded ? <>Loaded {loaded.at.toLocaleTimeString()} (resourceVersion {loaded.resourceVersion ?? '?'}){edited ? ' · edited' : ' · unchanged'}</> : 'Loading…'}
      </span>
      <span className="spacer" />
      <button type="button" onClick={onClose}>Close</button>
      <button type="button" disabled={busy || !loaded || !edited || masked} onClick={() => void send(true, false)} data-testid="ed-dry-run"
        title="Ask the API server what the apply would store, without storing it">Dry run</button>
      <button type="button" className="primary" disabled={busy || !loaded || !edited || masked} onClick={() => void send(false, false)} data-testid="ed-apply"
        title={dryIsCurrent ? 'Apply these changes (server-side apply)' : 'Apply (server-side apply); a dry run first shows what will change'}>Apply</button>
    </>}>
      {loadError && <div className="note note-bad" role="alert">Could not load {target.name}: {loadError}</div>}
      {masked && (
        <div className="note note-warn" data-testid="ed-masked">
          This Secret's values are hidden. Editing needs them in the editor.{' '}
          <button type="button" onClick={() => void load(true)} disabled={busy}>Load with values</button>
        </div>
      )}
      <div className="ed-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={view === 'edit'} className={view === 'edit' ? 'active' : ''} onClick={() => setView('edit')} data-testid="ed-tab-edit">Edit</button>
        <button type="button" role="tab" aria-selected={view === 'diff'} className={view === 'diff' ? 'active' : ''} onClick={() => setView('diff')} disabled={!loaded} data-testid="ed-tab-diff">
          Diff against loaded{edited ? ' •' : ''}
        </button>
        <button type="button" role="tab" aria-selected={view === 'dryrun'} className={view === 'dryrun' ? 'active' : ''} onClick={() => setView('dryrun')} disabled={!dry} data-testid="ed-tab-dryrun">
          Dry-run result{dry && !dryIsCurrent ? ' (outdated)' : ''}
        </button>
        <span className="spacer" />
        <button type="button" className="ed-small" onClick={() => void load(loaded?.revealed ?? false)} disabled={busy} data-testid="ed-reload"
          title="Read the object again; your edits are discarded">Reload</button>
      </div>

      {problem && <ProblemBox problem={problem} busy={busy} onReload={() => void load(loaded?.revealed ?? false)} onForce={() => void send(false, true)} />}

      <div className="ed-main">
        {loaded && view === 'edit' && <CodeEditor value={text} onChange={setText} label={`YAML of ${target.name}`} testId="ed-code" />}
        {loaded && view === 'diff' && <DiffView key={diffKey} before={loadedText} after={text} beforeLabel="Loaded from the cluster" afterLabel="Your edit" testId="ed-diff" />}
        {loaded && view === 'dryrun' && dry && (
          <div className="ed-dry" data-testid="ed-dry">
            <div className={`note ${dry.changes.length ? 'note-ok' : ''}`} data-testid="ed-dry-summary">
              {dry.changes.length === 0 ? 'Dry run: the API server would store the object as it is. Nothing would change (fields you removed that another manager owns stay).'
                : `Dry run: ${dry.changes.length} field${dry.changes.length === 1 ? '' : 's'} would change. Nothing has been written yet.`}
              {!dryIsCurrent && ' The text changed since this dry run.'}
            </div>
            {dry.changes.length > 0 && (
              <table className="ed-changes" data-testid="ed-changes">
                <thead><tr><th>Field</th><th>Now</th><th>After apply</th></tr></thead>
                <tbody>
                  {dry.changes.map((c) => (
                    <tr key={c.path}><td className="mono">{c.path}</td><td className="mono ed-before">{formatChangeValue(c.before)}</td><td className="mono ed-after">{formatChangeValue(c.after)}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
            <DiffView before={loadedText} after={dry.wouldBe} beforeLabel="Now (loaded)" afterLabel="What the server would store" testId="ed-dry-diff" />
          </div>
        )}
      </div>
    </Modal>
  );
}

function ProblemBox({ problem, busy, onReload, onForce }: { problem: Problem; busy: boolean; onReload(): void; onForce(): void }) {
  if (problem.type !== 'conflict') {
    return <div className="note note-bad" role="alert" data-testid="ed-error">{problem.message}</div>;
  }
  return (
    <div className="note note-bad ed-conflict" role="alert" data-testid="ed-conflict" data-kind={problem.kind}>
      <div className="ed-conflict-head">
        {problem.kind === 'modified'
          ? 'Conflict: the object changed in the cluster since you loaded it. Nothing was written.'
          : 'Conflict: other field managers own fields you changed. Nothing was written.'}
      </div>
      <div className="ed-conflict-msg">{problem.message}</div>
      {problem.conflicts.length > 0 && (
        <ul className="ed-conflict-list">
          {problem.conflicts.map((c, i) => <li key={i}>{c.field && <span className="mono">{c.field}</span>} {c.message}</li>)}
        </ul>
      )}
      <div className="ed-conflict-actions">
        <button type="button" onClick={onReload} disabled={busy} data-testid="ed-conflict-reload">Reload (discard my edits)</button>
        <button type="button" className="danger" onClick={onForce} disabled={busy} data-testid="ed-conflict-force"
          title={problem.kind === 'modified' ? 'Apply your text over the newer version, taking ownership of the fields in it' : 'Take ownership of these fields from the other managers'}>
          Force apply
        </button>
      </div>
    </div>
  );
}
