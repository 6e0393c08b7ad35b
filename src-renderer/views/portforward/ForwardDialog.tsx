import { useState } from 'react';
import { useClient, useTopicValue } from '../../data/clientContext';
import { Modal } from '../../components/Modal';
import { formatRoute } from '../../app/route';
import { forwardTarget, safeLocalUrl } from './ForwardsTable';
import { formatBytes } from '../../../shared/model/formatBytes';
import type { PortForwardInfo } from '../../../shared/contract';

export interface ForwardTarget {
  context: string;
  namespace: string;
  /** Exactly one of pod or service. */
  pod?: string;
  service?: string;
  /** The container port (pod) or the Service's `port`. */
  port: number;
  /** The port's name, shown beside the number. */
  portName?: string;
}

/** Unprivileged ports keep their number locally, like `kubectl port-forward x 8080`; others get a free one. */
function defaultLocal(port: number): string {
  return port >= 1024 ? String(port) : '';
}

/**
 * Starts a port-forward to one port of a pod or Service: the local port is the user's choice (the same
 * number by default, empty for any free port); a taken port is refused with the core's message and the
 * dialog stays open to pick another. Once started it shows the forward with Open and Stop.
 */
export function ForwardDialog({ target, onClose }: { target: ForwardTarget; onClose(): void }) {
  const client = useClient();
  const [local, setLocal] = useState(defaultLocal(target.port));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [startedId, setStartedId] = useState<string>();
  const all = useTopicValue('portforward.watch', {});
  const started: PortForwardInfo | undefined = all?.forwards.find((f) => f.id === startedId);
  const what = target.service ? `Service ${target.namespace}/${target.service}` : `Pod ${target.namespace}/${target.pod}`;

  const start = async () => {
    setError(undefined);
    const localPort = local.trim() === '' ? 0 : Number(local.trim());
    if (!Number.isInteger(localPort) || localPort < 0 || localPort > 65535) {
      setError('The local port is a number from 1 to 65535, or empty for any free port.');
      return;
    }
    setBusy(true);
    try {
      const info = await client.request('portforward.start', {
        context: target.context, namespace: target.namespace, ...(target.service ? { service: target.service } : { pod: target.pod! }), remotePort: target.port, localPort,
      });
      setStartedId(info.id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const listLink = formatRoute({ context: target.context, view: 'forwards' });
  return (
    <Modal title={`Port-forward ${target.port}${target.portName ? ` (${target.portName})` : ''}`} onClose={onClose} size="medium" testId="pf-dialog" footer={<>
      <a href={listLink} onClick={onClose} className="pf-list-link">All port forwards</a>
      <button type="button" onClick={onClose}>{startedId ? 'Close' : 'Cancel'}</button>
      {!startedId && <button type="submit" form="pf-dialog-form" className="primary" disabled={busy} data-testid="pf-dialog-start">{busy ? 'Starting…' : 'Start forwarding'}</button>}
    </>}>
      <p>Listen on this computer (127.0.0.1 only) and tunnel each connection through the API server to {what}, port {target.port}, like <span className="mono">kubectl port-forward</span>.{target.service ? ' A Service forwards to one of its ready pods (another one when that pod goes away).' : ''}</p>
      {!startedId && (
        <form id="pf-dialog-form" className="pf-dialog-form" onSubmit={(e) => { e.preventDefault(); void start(); }}>
          <label>Local port <input className="pf-port" value={local} onChange={(e) => setLocal(e.target.value)} placeholder="any free" inputMode="numeric" autoFocus data-testid="pf-dialog-local" /></label>
          <span className="muted">→ {target.port} on the {target.service ? 'Service' : 'pod'}</span>
        </form>
      )}
      {error && <div className="note note-bad" role="alert" data-testid="pf-dialog-error">{error}</div>}
      {started && <ForwardSummary f={started} />}
      {startedId && !started && <div className="muted">Forward stopped.</div>}
    </Modal>
  );
}

/** A small "Forward…" button beside a port; opens the dialog. */
export function ForwardButton({ target }: { target: ForwardTarget }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="pf-forward-button" onClick={() => setOpen(true)} title={`Port-forward ${target.port} to this computer`}
        data-testid={`pf-forward-${target.port}`}>Forward…</button>
      {open && <ForwardDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The forward just started: where it listens, where it goes, its traffic, Open and Stop. */
function ForwardSummary({ f }: { f: PortForwardInfo }) {
  const client = useClient();
  const [error, setError] = useState<string>();
  const url = safeLocalUrl(f.url);
  return (
    <div className="pf-summary" data-testid="pf-row" data-local-port={f.localPort}>
      <div className="pf-summary-line"><span className="muted">Listening on</span> <b className="mono">{f.address}:{f.localPort}</b> <span className={`pf-state ${f.state}`}>{f.state}</span></div>
      <div className="pf-summary-line mono pf-break">{forwardTarget(f)}</div>
      <div className="pf-summary-line muted">{f.activeConnections} open, {f.totalConnections} total · {formatBytes(f.bytesIn ?? 0)} in / {formatBytes(f.bytesOut ?? 0)} out{f.lastError ? ` · ${f.lastError}` : ''}</div>
      <div className="pf-summary-actions">
        {url && <a href={url} target="_blank" rel="noopener noreferrer" data-testid="pf-open">Open in browser</a>}
        <button type="button" onClick={() => void client.request('portforward.stop', { id: f.id }).catch((err) => setError((err as Error).message))} data-testid="pf-stop">Stop</button>
      </div>
      {error && <div className="note note-bad" role="alert">{error}</div>}
    </div>
  );
}
