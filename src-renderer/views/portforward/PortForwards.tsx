import { useState } from 'react';
import { useClient, useTopicValue } from '../../data/clientContext';
import { ForwardsTable } from './ForwardsTable';
import './portforward.css';

export interface PortForwardsProps {
  context: string;
  namespace?: string;
  /** Prefill the form for this pod… */
  pod?: string;
  /** …or this Service. */
  service?: string;
  /** Ports to offer (the pod's container ports or the Service's ports). */
  ports?: number[];
}

/**
 * Port-forwards held by the core (they survive reloads of this window): start one to a pod or a
 * Service, see its connections and errors, open HTTP ones in the browser, stop them.
 */
export function PortForwards({ context, namespace, pod, service, ports = [] }: PortForwardsProps) {
  const client = useClient();
  const value = useTopicValue('portforward.watch', {});
  const forwards = (value?.forwards ?? []).filter((f) => f.context === context);
  const [kind, setKind] = useState<'pod' | 'service'>(service && !pod ? 'service' : 'pod');
  const [name, setName] = useState(service && !pod ? service : pod ?? '');
  const [ns, setNs] = useState(namespace ?? '');
  const [remote, setRemote] = useState(ports[0] ? String(ports[0]) : '');
  const [local, setLocal] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const start = async () => {
    setError(undefined);
    const remotePort = Number(remote);
    const localPort = local === '' ? undefined : Number(local);
    if (!name || !ns || !Number.isInteger(remotePort) || remotePort < 1 || remotePort > 65535 || (localPort !== undefined && (!Number.isInteger(localPort) || localPort < 0 || localPort > 65535))) {
      setError('Give a namespace, a name and ports between 1 and 65535 (local: empty or 0 for any free port).');
      return;
    }
    setBusy(true);
    try {
      await client.request('portforward.start', { context, namespace: ns, ...(kind === 'pod' ? { pod: name } : { service: name }), remotePort, ...(localPort !== undefined ? { localPort } : {}) });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pf-view" data-testid="port-forwards">
      <form className="pf-form" onSubmit={(e) => { e.preventDefault(); void start(); }}>
        <select value={kind} onChange={(e) => setKind(e.target.value as 'pod' | 'service')} aria-label="Target kind">
          <option value="pod">Pod</option><option value="service">Service</option>
        </select>
        <input value={ns} onChange={(e) => setNs(e.target.value)} placeholder="namespace" aria-label="Namespace" />
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={kind === 'pod' ? 'pod name' : 'service name'} aria-label="Name" data-testid="pf-name" />
        {ports.length > 1
          ? <select value={remote} onChange={(e) => setRemote(e.target.value)} aria-label="Remote port">{ports.map((p) => <option key={p} value={p}>{p}</option>)}</select>
          : <input className="pf-port" value={remote} onChange={(e) => setRemote(e.target.value)} placeholder="remote port" aria-label="Remote port" inputMode="numeric" data-testid="pf-remote" />}
        <span className="muted">→ 127.0.0.1:</span>
        <input className="pf-port" value={local} onChange={(e) => setLocal(e.target.value)} placeholder="auto" aria-label="Local port" inputMode="numeric" data-testid="pf-local" />
        <button className="primary" type="submit" disabled={busy} data-testid="pf-start">{busy ? 'Starting…' : 'Forward'}</button>
      </form>
      {error && <div className="error-banner" role="alert">{error}</div>}
      <ForwardsTable forwards={forwards} empty="No port-forwards in this context." />
    </div>
  );
}
