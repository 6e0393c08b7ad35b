import { useState } from 'react';
import { useClient } from '../../data/clientContext';
import { Modal } from '../../components/Modal';
import { useToasts } from '../../components/Toasts';
import { Terminal } from '../terminal/Terminal';
import { DEBUG_IMAGES, imageProblem } from '../../../shared/debug/debugSpecs';
import './debug.css';

type Target = { kind: 'pod'; namespace: string; pod: string; containers: string[]; defaultTarget?: string } | { kind: 'node'; node: string };
type Session = { namespace: string; pod: string; container: string };

/**
 * "Debug…" on a pod (an ephemeral container, `kubectl debug -it pod/x --image=… --target=…`) and
 * "Node shell…" on a node (`kubectl debug node/x -it --image=…`): choose the image, start, and the
 * app's terminal opens on it once it runs. A node shell's pod was created for this session and is
 * deleted when the dialog closes, unless "keep" is ticked.
 */
export function DebugDialog({ context, target, onClose }: { context: string; target: Target; onClose(): void }) {
  const client = useClient();
  const toasts = useToasts();
  const [choice, setChoice] = useState<string>(DEBUG_IMAGES[0]);
  const [typed, setTyped] = useState('');
  const [targetContainer, setTargetContainer] = useState(target.kind === 'pod' ? target.defaultTarget ?? target.containers[0] ?? '' : '');
  const [keep, setKeep] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [session, setSession] = useState<Session>();
  const image = choice === 'custom' ? typed.trim() : choice;
  const problem = imageProblem(image);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (target.kind === 'pod') {
        const r = await client.request('debug.addContainer', { context, namespace: target.namespace, pod: target.pod, image, ...(targetContainer ? { target: targetContainer } : {}) });
        setSession({ namespace: target.namespace, pod: target.pod, container: r.container });
      } else {
        setSession(await client.request('debug.nodeShell', { context, node: target.node, image }));
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    if (target.kind === 'node' && session) {
      // Our own session's pod: deleted without a confirmation (the dialog said so), or kept; a toast says which.
      client.request('debug.endNodeShell', { context, namespace: session.namespace, pod: session.pod, keep })
        .then((r) => toasts.push({ tone: 'ok', title: r.message, text: keep ? 'Delete it from its details when done.' : undefined }))
        .catch((err) => toasts.push({ tone: 'bad', title: `Could not delete node shell pod ${session.pod}`, text: (err as Error).message }));
    }
    onClose();
  };

  const what = target.kind === 'pod' ? `pod ${target.pod}` : `node ${target.node}`;
  const title = session ? (target.kind === 'pod' ? 'Debug container' : 'Node shell') : target.kind === 'pod' ? `Debug ${what}` : `Shell on ${what}`;
  return (
    <Modal title={session ? `${title} · ${session.pod} / ${session.container}` : title} onClose={close} size={session ? 'large' : 'medium'} testId="debug-dialog"
      footer={session ? <>
        {target.kind === 'node' && (
          <label className="row debug-keep" title="Without this the pod is deleted when the dialog closes">
            <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} data-testid="debug-keep" /> Keep pod {session.pod} after closing
          </label>
        )}
        <span className="spacer" />
        <button type="button" onClick={close} data-testid="debug-close">{target.kind === 'node' && !keep ? 'Close and delete pod' : 'Close'}</button>
      </> : <>
        <button type="button" onClick={close}>Cancel</button>
        <button type="button" className="primary" disabled={busy || !!problem} title={busy ? 'Starting…' : problem} onClick={() => void start()} data-testid="debug-start">
          {busy ? 'Starting…' : target.kind === 'pod' ? 'Add debug container' : 'Start node shell'}
        </button>
      </>}>
      {!session && (
        <>
          <div className="muted">
            {target.kind === 'pod'
              ? <>Adds an ephemeral container to <b className="mono">{target.pod}</b>, as <span className="mono">kubectl debug -it pod/{target.pod} --image={image || '…'}{targetContainer ? ` --target=${targetContainer}` : ''} --profile=general</span> does, then opens a shell in it. Ephemeral containers cannot be removed: it stays in the pod&apos;s spec until the pod is replaced.</>
              : <>Creates pod <span className="mono">node-debugger-{target.node}-xxxxx</span> in namespace <span className="mono">default</span> on the node, with the host&apos;s PID, network and IPC namespaces and its / at <span className="mono">/host</span>, as <span className="mono">kubectl debug node/{target.node} -it --image={image || '…'} --profile=general</span> does, then opens a shell in it. The pod is deleted when you close the shell, unless you keep it.</>}
          </div>
          <fieldset>
            <legend>Image</legend>
            <div className="debug-images" role="radiogroup" aria-label="Image">
              {DEBUG_IMAGES.map((img) => (
                <label key={img} className="row"><input type="radio" name="debug-image" checked={choice === img} onChange={() => setChoice(img)} data-testid={`debug-image-${img}`} /> <span className="mono">{img}</span></label>
              ))}
              <label className="row"><input type="radio" name="debug-image" checked={choice === 'custom'} onChange={() => setChoice('custom')} data-testid="debug-image-custom" /> other:
                <input className="mono debug-typed" value={typed} placeholder="registry/image:tag" spellCheck={false} aria-label="Other image"
                  onFocus={() => setChoice('custom')} onChange={(e) => { setChoice('custom'); setTyped(e.target.value); }} data-testid="debug-image-typed" />
              </label>
            </div>
          </fieldset>
          {target.kind === 'pod' && (
            <label className="row"><span className="debug-target">Target container</span>
              <select value={targetContainer} onChange={(e) => setTargetContainer(e.target.value)} data-testid="debug-target" aria-label="Target container">
                <option value="">none (own process namespace)</option>
                {target.containers.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
              <small className="muted">shares the target&apos;s process namespace, so its processes and files (/proc/1/root) are visible</small>
            </label>
          )}
          {busy && <div className="note" role="status" data-testid="debug-waiting">Waiting for the {target.kind === 'pod' ? 'debug container' : 'pod'} to run…</div>}
          {error && <div className="note note-bad" role="alert" data-testid="dialog-error">{error}</div>}
        </>
      )}
      {session && (
        <div className="debug-terminal" data-testid="debug-terminal">
          <Terminal context={context} namespace={session.namespace} pod={session.pod} container={session.container} />
        </div>
      )}
    </Modal>
  );
}
