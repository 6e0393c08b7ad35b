import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient } from '../../data/clientContext';
import { Modal } from '../../components/Modal';
import { useToasts } from '../../components/Toasts';
import type { DetailsTarget } from '../details/detailsTarget';
import type { EditResult } from '../../../shared/contract/edit';
import type { TemplateChange } from '../../../shared/rollout/templateDiff';
import { formatChangeValue } from '../rollouts/rolloutFormat';
import { CodeEditor } from './CodeEditor';
import { useSchemaAssist } from './useSchemaAssist';
import { DiffView } from './DiffView';
import { changesBetween, editableCopy, hasMaskedValues, identityOf, prepareEdit, toYaml, type Identity } from './editableObject';
import './editor.css';

interface Loaded { obj: any; text: string; resourceVersion?: string; identity: Identity; at: Date; revealed: boolean }
type Problem = { type: 'invalid' | 'error' | 'info'; message: string };
/** The object changed on the server since loading: the newer version and what the edit would make of it. */
interface Newer { text: string; wouldBe: string; resourceVersion: string; message: string; forText: string }

/**
 * Edit one object's YAML like `kubectl edit`: loaded without managedFields, status and server-owned
 * metadata; a diff against what was loaded; a server-side dry run that shows what would change; then
 * the two-way patch from the loaded text to the edited text (strategic merge for built-in kinds, JSON
 * merge for custom resources), so only the fields changed here are written and change owner. If the
 * object changed on the server since it was loaded, nothing is written until the user has compared
 * the newer version with their change and sends it onto that version (or reloads).
 */
export function YamlEditor({ context, target, onClose }: { context: string; target: DetailsTarget; onClose(): void }) {
  const client = useClient();
  const toasts = useToasts();
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadError, setLoadError] = useState<string>();
  const [text, setText] = useState('');
  const [view, setView] = useState<'edit' | 'diff' | 'dryrun' | 'newer'>('edit');
  const [dry, setDry] = useState<{ text: string; changes: TemplateChange[]; wouldBe: string; result: EditResult }>();
  const [newer, setNewer] = useState<Newer>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const { assist, explainDialog, openExplain } = useSchemaAssist(context);

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
      setNewer(undefined);
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

  const send = async (dryRun: boolean, acceptResourceVersion?: string) => {
    if (!loaded) return;
    // Checked here too for a quick, local message; the core checks the same again.
    const prepared = prepareEdit(text, loaded.identity, undefined, true);
    if (!prepared.ok) { setProblem({ type: 'invalid', message: prepared.error }); return; }
    setBusy(true);
    setProblem(undefined);
    try {
      const r = await client.request('actions.edit', {
        context, group: target.group, version: target.version, resource: target.resource, ...(target.namespace ? { namespace: target.namespace } : {}), name: target.name,
        loadedYaml: loaded.text, loadedResourceVersion: loaded.resourceVersion ?? '', editedYaml: text, dryRun,
        ...(acceptResourceVersion ? { acceptResourceVersion } : {}),
      });
      if (r.outcome === 'unchanged') {
        setProblem({ type: 'info', message: r.message });
      } else if (r.outcome === 'changed') {
        setNewer({ text: toYaml(editableCopy(r.newer)), wouldBe: toYaml(editableCopy(r.object)), resourceVersion: r.newerResourceVersion ?? '', message: r.message, forText: text });
        setView('newer');
      } else if (dryRun) {
        const after = r.object ?? {};
        setDry({ text, changes: changesBetween(loaded.obj, after), wouldBe: toYaml(editableCopy(after)), result: r });
        setView('dryrun');
      } else {
        toasts.push({ tone: 'ok', title: r.message });
        onClose();
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setProblem({ type: 'error', message });
      if (!dryRun) toasts.push({ tone: 'bad', title: `Edit of ${target.name} failed`, text: message });
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
      <button type="button" disabled={busy || !loaded || !edited || masked} onClick={() => void send(true)} data-testid="ed-dry-run"
        title={!edited ? 'Nothing edited yet' : masked ? 'Load the Secret with its values first' : 'Ask the API server what the edit would store, without storing it'}>Dry run</button>
      <button type="button" className="primary" disabled={busy || !loaded || !edited || masked} onClick={() => void send(false)} data-testid="ed-apply"
        title={!edited ? 'Nothing edited yet' : masked ? 'Load the Secret with its values first' : 'Send only the fields you changed (a patch, like kubectl edit)'}>Save</button>
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
        {newer && (
          <button type="button" role="tab" aria-selected={view === 'newer'} className={view === 'newer' ? 'active' : ''} onClick={() => setView('newer')} data-testid="ed-tab-newer">
            Changed on the server
          </button>
        )}
        <span className="spacer" />
        <span className="muted ed-hint">Ctrl+Space completes · Ctrl/⌘+Shift+E explains the field at the cursor</span>
        <button type="button" className="ed-small" disabled={!loaded} data-testid="ed-explain" title="The fields of this kind, from the cluster's OpenAPI (kubectl explain)"
          onClick={() => loaded && openExplain({ apiVersion: String(loaded.obj?.apiVersion ?? ''), kind: String(loaded.obj?.kind ?? ''), path: [] })}>Explain {kind}</button>
        <button type="button" className="ed-small" onClick={() => void load(loaded?.revealed ?? false)} disabled={busy} data-testid="ed-reload"
          title="Read the object again; your edits are discarded">Reload</button>
      </div>

      {problem && <div className={`note ${problem.type === 'info' ? '' : 'note-bad'}`} role={problem.type === 'info' ? 'status' : 'alert'} data-testid={problem.type === 'info' ? 'ed-info' : 'ed-error'}>{problem.message}</div>}

      <div className="ed-main">
        {loaded && view === 'edit' && <CodeEditor value={text} onChange={setText} label={`YAML of ${target.name}`} testId="ed-code" assist={assist} />}
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
        {loaded && view === 'newer' && newer && (
          <div className="ed-dry" data-testid="ed-newer">
            <div className="note note-warn ed-conflict" role="alert">
              <div className="ed-conflict-head">{newer.message}</div>
              {newer.forText !== text && <div>The text changed since; send again to compare once more.</div>}
              <div className="ed-conflict-actions">
                <button type="button" onClick={() => void load(loaded.revealed)} disabled={busy} data-testid="ed-newer-reload">Reload (discard my edits)</button>
                <button type="button" className="primary" onClick={() => void send(false, newer.resourceVersion)} disabled={busy || newer.forText !== text} data-testid="ed-newer-send"
                  title={newer.forText !== text ? 'The text changed since this comparison' : `Send your change onto resourceVersion ${newer.resourceVersion}`}>Send my change onto this version</button>
              </div>
            </div>
            <DiffView before={newer.text} after={newer.wouldBe} beforeLabel="Now on the server (newer than loaded)" afterLabel="With your change" testId="ed-newer-diff" />
          </div>
        )}
      </div>
      {explainDialog}
    </Modal>
  );
}
