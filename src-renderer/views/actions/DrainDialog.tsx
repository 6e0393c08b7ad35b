import { useEffect, useRef, useState } from 'react';
import { Modal } from '../../components/Modal';
import { useClient, useContractQuery } from '../../data/clientContext';
import { DrainPreview } from './DrainPreview';
import { useToasts } from '../../components/Toasts';
import { applyDrainEvent, initialDrain, notEvicted, type DrainProgress, type PodDrainState } from './drainProgress';

const STATE_LABEL: Record<PodDrainState, string> = {
  pending: 'waiting', evicting: 'evicting', retrying: 'retrying', evicted: 'evicted', gone: 'gone', blocked: 'blocked', failed: 'failed', untouched: 'not evicted',
};
const STATE_TONE: Record<PodDrainState, string> = {
  pending: 'muted', evicting: 'busy', retrying: 'warn', evicted: 'ok', gone: 'ok', blocked: 'bad', failed: 'bad', untouched: 'muted',
};

/**
 * kubectl drain from the UI: options, then cordon and evictions streamed per pod (actions.drain),
 * Cancel while it runs (unsubscribing stops it; the node stays cordoned), and at the end a report of
 * what could not be evicted and why (a PodDisruptionBudget, an error, a pod drain refuses).
 */
export function DrainDialog({ context, node, onClose }: { context: string; node: string; onClose(): void }) {
  const client = useClient();
  const toasts = useToasts();
  const [opts, setOpts] = useState({ ignoreDaemonSets: true, deleteEmptyDirData: false, force: false, timeoutSeconds: 120 });
  const [progress, setProgress] = useState<DrainProgress>();
  const sub = useRef<{ close(): void }>(undefined);
  useEffect(() => () => sub.current?.close(), []);
  const running = !!progress && !['done', 'cancelled', 'error'].includes(progress.phase);

  const start = () => {
    setProgress(initialDrain);
    sub.current = client.subscribe('actions.drain', { context, node, ...opts }, {
      onEvent: (e) => {
        setProgress((s) => applyDrainEvent(s ?? initialDrain, e));
        if (e.type === 'done') {
          const r = e.result;
          toasts.push({ tone: r.outcome === 'drained' ? 'ok' : r.outcome === 'cancelled' ? 'warn' : 'bad', title: `Drain of node ${node}: ${r.outcome}`, text: r.message });
        }
      },
      onEnd: (err) => {
        sub.current = undefined;
        if (err) {
          setProgress((s) => ({ ...(s ?? initialDrain), phase: 'error', error: err.message }));
          toasts.push({ tone: 'bad', title: `Drain of node ${node} failed`, text: err.message });
        }
      },
    });
  };
  const cancel = () => {
    sub.current?.close();
    sub.current = undefined;
    setProgress((s) => ({ ...(s ?? initialDrain), phase: 'cancelled' }));
    toasts.push({ tone: 'warn', title: `Drain of node ${node} cancelled`, text: 'Evictions already made stay made; the node stays cordoned.' });
  };

  const stuck = progress ? notEvicted(progress) : [];
  // The preview: what this drain would do with these options, read before anything is cordoned.
  const plan = useContractQuery('actions.drainPlan', !progress ? { context, node, force: opts.force, ignoreDaemonSets: opts.ignoreDaemonSets, deleteEmptyDirData: opts.deleteEmptyDirData } : undefined,
    { staleTime: 0, retry: false });
  const refusedReason = plan.data && plan.data.refused.length > 0
    ? `${plan.data.refused.length} pod(s) block the drain (listed above); change the options or move them first`
    : plan.error ? undefined : !plan.data ? 'Reading the pods on the node…' : undefined;
  return (
    <Modal title={`Drain node ${node}`} onClose={running ? cancel : onClose} size="medium" testId="drain-dialog" footer={<>
      {running && <span className="muted act-running">Draining…</span>}
      <span className="spacer" />
      {running
        ? <button type="button" onClick={cancel} data-testid="drain-cancel">Cancel drain</button>
        : <button type="button" onClick={onClose}>{progress ? 'Close' : 'Cancel'}</button>}
      {!progress && <button type="button" className="danger" onClick={start} disabled={!!refusedReason} title={refusedReason} data-testid="drain-start">Drain</button>}
    </>}>
      {!progress && (
        <>
          <div>Cordon <b className="mono">{node}</b>, then evict its pods (respecting PodDisruptionBudgets), like <span className="mono">kubectl drain</span>.</div>
          <fieldset>
            <legend>Options</legend>
            <label className="row"><input type="checkbox" checked={opts.ignoreDaemonSets} onChange={(e) => setOpts({ ...opts, ignoreDaemonSets: e.target.checked })} /> Leave DaemonSet pods (--ignore-daemonsets)</label>
            <label className="row"><input type="checkbox" checked={opts.deleteEmptyDirData} onChange={(e) => setOpts({ ...opts, deleteEmptyDirData: e.target.checked })} /> Evict pods with emptyDir data, which is lost (--delete-emptydir-data)</label>
            <label className="row"><input type="checkbox" checked={opts.force} onChange={(e) => setOpts({ ...opts, force: e.target.checked })} /> Also evict pods no controller manages; they are not recreated (--force)</label>
            <label className="row">Give up on blocked pods after
              <input type="number" min={1} max={3600} value={opts.timeoutSeconds} style={{ width: 80 }} data-testid="drain-timeout"
                onChange={(e) => setOpts({ ...opts, timeoutSeconds: Math.max(1, Math.min(3600, Number(e.target.value) || 120)) })} /> seconds
            </label>
          </fieldset>
          <DrainPreview plan={plan.data} error={plan.error ? (plan.error as Error).message : undefined} />
        </>
      )}
      {progress && (
        <>
          <div className="act-drain-phase" data-testid="drain-phase" data-phase={progress.phase}>
            {progress.phase === 'starting' && 'Checking permissions and cordoning…'}
            {progress.phase === 'cordoned' && `Node ${progress.cordonChanged ? 'cordoned' : 'was already cordoned'}; listing its pods…`}
            {progress.phase === 'evicting' && `Evicting ${progress.pods.length} pod${progress.pods.length === 1 ? '' : 's'}…`}
            {progress.phase === 'done' && progress.result && <span className={`act-tone-${progress.result.outcome === 'drained' ? 'ok' : 'bad'}`}>{progress.result.message}</span>}
            {progress.phase === 'cancelled' && <span className="act-tone-warn">Cancelled. Pods already evicted stay evicted; the node stays cordoned (uncordon it to undo).</span>}
            {progress.phase === 'error' && <span className="act-tone-bad">{progress.error}</span>}
          </div>
          {progress.pods.length > 0 && (
            <table className="act-table" data-testid="drain-pods">
              <thead><tr><th>Pod</th><th>State</th><th>Detail</th></tr></thead>
              <tbody>
                {progress.pods.map((p) => (
                  <tr key={`${p.namespace}/${p.name}`} data-testid="drain-pod" data-state={p.state}>
                    <td className="mono">{p.namespace}/{p.name}</td>
                    <td><span className={`act-pill act-pill-${STATE_TONE[p.state]}`}>{STATE_LABEL[p.state]}{p.attempt && p.state === 'retrying' ? ` (${p.attempt})` : ''}</span></td>
                    <td className="act-detail">{p.message ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {stuck.length > 0 && (
            <div className="note note-bad" data-testid="drain-not-evicted">
              <b>Could not be evicted ({stuck.length}):</b>
              <ul className="act-list">{stuck.map((p) => <li key={`${p.namespace}/${p.name}`}><span className="mono">{p.namespace}/{p.name}</span> — {p.kind === 'blocked' ? 'blocked: ' : p.kind === 'refused' ? 'refused: ' : ''}{p.why}</li>)}</ul>
            </div>
          )}
          {progress.skipped.length > 0 && (
            <details className="act-skipped">
              <summary className="muted">Left on the node ({progress.skipped.length})</summary>
              <ul className="act-list">{progress.skipped.map((p) => <li key={`${p.namespace}/${p.name}`}><span className="mono">{p.namespace}/{p.name}</span> — {p.reason}</li>)}</ul>
            </details>
          )}
          {progress.result?.warnings.map((w) => <div key={w} className="note note-warn">{w}</div>)}
        </>
      )}
    </Modal>
  );
}
