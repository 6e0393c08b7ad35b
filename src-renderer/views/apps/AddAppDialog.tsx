import { useEffect, useState } from 'react';
import { Modal } from '../../components/Modal';
import { useClient } from '../../data/clientContext';
import type { KubeconfigState } from '../../../shared/contract/clusters';
import type { SourceDetection } from '../../../shared/contract/apps';

/**
 * Adds an application: a folder path typed in (serve mode has no native folder picker), a context and
 * a default namespace. What the folder holds, and which tool would render it, is said as it is typed.
 */
export function AddAppDialog({ kube, context, onClose, onAdded }: { kube: KubeconfigState; context: string; onClose(): void; onAdded(id: string): void }) {
  const client = useClient();
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [ctx, setCtx] = useState(context);
  const [namespace, setNamespace] = useState('default');
  const [release, setRelease] = useState('');
  const [values, setValues] = useState('');
  const [detection, setDetection] = useState<SourceDetection>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    setDetection(undefined);
    if (!path.trim()) return;
    const t = setTimeout(() => { client.request('apps.detect', { path: path.trim() }).then(setDetection, (e) => setDetection({ type: 'none', message: String(e?.message ?? e) })); }, 250);
    return () => clearTimeout(t);
  }, [client, path]);

  const nameOk = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) && name.length <= 63;
  const nsOk = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace);
  const why = !path.trim() ? 'Type the folder path first.' : !detection ? 'Reading the folder…' : detection.type === 'none' ? detection.message
    : !nameOk ? 'The name must be lower-case letters, digits and dashes (it names the ApplySet Secret).' : !nsOk ? 'The namespace is not a valid name.' : undefined;

  const add = async () => {
    setBusy(true); setError(undefined);
    try {
      const helm = detection?.type === 'helm'
        ? { releaseName: release.trim() || name, valuesFiles: values.split(',').map((v) => v.trim()).filter(Boolean) } : {};
      const app = await client.request('apps.add', { name, path: path.trim(), context: ctx, namespace, ...helm });
      onAdded(app.id);
    } catch (e) { setError(e instanceof Error ? e.message : String(e)); } finally { setBusy(false); }
  };

  return (
    <Modal title="Add application" onClose={onClose} size="medium" testId="add-app-dialog" footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="button" className="primary" disabled={busy || !!why} title={why} onClick={add} data-testid="add-app-confirm">Add</button>
    </>}>
      <div className="apps-form">
        <label htmlFor="app-path">Folder</label>
        <input id="app-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/deploy/shop" data-testid="app-path" spellCheck={false} />
        <div className="apps-detect" data-testid="app-detect">
          {detection && <div className={`note ${detection.type === 'none' || detection.toolMissing ? 'note-bad' : 'note-ok'}`}>{detection.message}</div>}
        </div>
        <label htmlFor="app-name">Name</label>
        <input id="app-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="shop" data-testid="app-name" spellCheck={false} />
        <label htmlFor="app-context">Context</label>
        <select id="app-context" value={ctx} onChange={(e) => setCtx(e.target.value)} data-testid="app-context">
          {kube.contexts.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
        </select>
        <label htmlFor="app-ns">Default namespace</label>
        <input id="app-ns" value={namespace} onChange={(e) => setNamespace(e.target.value)} data-testid="app-namespace" spellCheck={false} />
        {detection?.type === 'helm' && <>
          <label htmlFor="app-release">Release name</label>
          <input id="app-release" value={release} onChange={(e) => setRelease(e.target.value)} placeholder={name || 'the application name'} spellCheck={false} />
          <label htmlFor="app-values">Values files</label>
          <input id="app-values" value={values} onChange={(e) => setValues(e.target.value)} placeholder="values-prod.yaml, values-eu.yaml (relative to the chart)" spellCheck={false} />
        </>}
      </div>
      <p className="muted">Objects without a namespace go to the default namespace; the application&apos;s ApplySet (a Secret named like the application) lives there too, as with <code>kubectl apply --prune --applyset=NAME -n NAMESPACE</code>.</p>
      {error && <div className="note note-bad" role="alert" data-testid="dialog-error">{error}</div>}
    </Modal>
  );
}
