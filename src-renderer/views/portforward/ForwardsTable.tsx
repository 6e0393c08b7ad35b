import { useState } from 'react';
import { useClient } from '../../data/clientContext';
import type { PortForwardInfo } from '../../../shared/contract';
import { formatBytes } from '../../../shared/model/formatBytes';
import './portforward.css';

/** Only loopback http(s) URLs of our own forwards are opened. */
export function safeLocalUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\/127\.0\.0\.1:\d{1,5}\/$/.test(url) ? url : undefined;
}

/** What a forward connects to, as kubectl names it: ns/svc/x → pod:port, or ns/pod:port. */
export function forwardTarget(f: PortForwardInfo): string {
  return `${f.namespace}/${f.service ? `svc/${f.service} → ${f.pod}` : f.pod}:${f.targetPort}${f.service && f.remotePort !== f.targetPort ? ` (port ${f.remotePort})` : ''}`;
}

/**
 * The forwards the core holds: local address, target, connections, bytes, state, with Open (for ports
 * that look like HTTP) and Stop. `showContext` adds the context column (the list of every context).
 */
export function ForwardsTable({ forwards, showContext, empty }: { forwards: PortForwardInfo[]; showContext?: boolean; empty: string }) {
  const client = useClient();
  const [error, setError] = useState<string | undefined>(undefined);
  const stop = async (f: PortForwardInfo) => {
    setError(undefined);
    try { await client.request('portforward.stop', { id: f.id }); } catch (err) { setError((err as Error).message); }
  };
  const cols = showContext ? 7 : 6;
  return (
    <>
      {error && <div className="error-banner" role="alert">{error}</div>}
      <table className="pf-table" data-testid="pf-table">
        <thead><tr>{showContext && <th>Context</th>}<th>Local address</th><th>Target</th><th>Connections</th><th>Bytes in / out</th><th>State</th><th /></tr></thead>
        <tbody>
          {forwards.length === 0 && <tr><td colSpan={cols} className="muted">{empty}</td></tr>}
          {forwards.map((f) => {
            const url = safeLocalUrl(f.url);
            return (
              <tr key={f.id} data-testid="pf-row" data-local-port={f.localPort} data-context={f.context}>
                {showContext && <td className="pf-ctx" title={f.context}>{f.context}</td>}
                <td className="mono">{f.address}:{f.localPort}</td>
                <td className="mono pf-target" title={forwardTarget(f)}>{forwardTarget(f)}</td>
                <td>{f.activeConnections} open, {f.totalConnections} total</td>
                <td className="mono" data-testid="pf-bytes">{formatBytes(f.bytesIn ?? 0)} / {formatBytes(f.bytesOut ?? 0)}</td>
                <td className={`pf-state ${f.state}`} title={f.lastError}>{f.state}{f.lastError ? ` — ${f.lastError}` : ''}</td>
                <td className="pf-actions">
                  {url
                    ? <a className="pf-open" href={url} target="_blank" rel="noopener noreferrer" data-testid="pf-open">Open in browser</a>
                    : <span className="muted" title="The port does not look like HTTP (by its number or name)">—</span>}
                  <button type="button" onClick={() => void stop(f)} data-testid="pf-stop">Stop</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
