import type { ReactNode } from 'react';
import { serviceFacts } from './objectModel';
import { KeyValues, Section } from './bits';
import { ForwardButton } from '../portforward/ForwardDialog';
import { useContractQuery } from '../../data/clientContext';

/**
 * A Service as `kubectl describe` shows it, and each port with a Forward… button: port-forward to a
 * Service goes through one of its ready pods, so it needs a selector and TCP.
 */
export function ServiceSections({ context, svc }: { context: string; svc: any }) {
  const spec = svc?.spec ?? {};
  const ns: string | undefined = svc?.metadata?.namespace;
  const name: string | undefined = svc?.metadata?.name;
  const canForward = !!ns && !!name && Object.keys(spec.selector ?? {}).length > 0;
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  const noForward = !canForward ? 'No selector: port-forward needs pods the Service selects.' : undefined;
  const rows: [string, ReactNode][] = serviceFacts(svc).filter(([k]) => k !== 'Ports');
  if (spec.clusterIP === 'None') rows.splice(1, 0, ['Headless', <span data-testid="dp-headless">yes: no cluster IP; DNS answers with the pods' addresses</span>]);
  return (
    <>
      <Section title="Service" testId="dp-service"><KeyValues rows={rows} /></Section>
      {ports.length > 0 && (
        <Section title={`Ports (${ports.length})`} testId="dp-service-ports">
          <table className="dp-table">
            <thead><tr><th>Name</th><th>Port</th><th>Target port</th><th>Protocol</th><th>Node port</th><th /></tr></thead>
            <tbody>
              {ports.map((p, i) => (
                <tr key={`${p?.port}/${p?.protocol ?? 'TCP'}/${i}`} data-testid={`dp-svc-port-${p?.port}`}>
                  <td className="dp-mono">{p?.name ?? '—'}</td>
                  <td className="dp-mono">{String(p?.port ?? '?')}</td>
                  <td className="dp-mono">{String(p?.targetPort ?? p?.port ?? '?')}</td>
                  <td>{p?.protocol ?? 'TCP'}</td>
                  <td className="dp-mono">{p?.nodePort ?? '—'}</td>
                  <td>
                    {canForward && (p?.protocol ?? 'TCP') === 'TCP' && Number.isInteger(p?.port)
                      ? <ForwardButton target={{ context, namespace: ns!, service: name!, port: p.port, portName: p?.name }} />
                      : <span className="muted" title={noForward ?? 'Port-forward carries TCP only.'}>—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}
      {ns && name && spec.type !== 'ExternalName' && <ServiceEndpoints context={context} namespace={ns} name={name} />}
    </>
  );
}

interface Address { ip: string; target?: string; node?: string; ready: boolean }

/** The Service's endpoints from its EndpointSlices (kubernetes.io/service-name), ready and not ready apart. */
function ServiceEndpoints({ context, namespace, name }: { context: string; namespace: string; name: string }) {
  const q = useContractQuery('resource.list', { context, group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace, labelSelector: `kubernetes.io/service-name=${name}` },
    { refetchInterval: 5_000 });
  const slices = (q.data ?? []) as any[];
  const ports = [...new Set(slices.flatMap((s) => (s.ports ?? []).map((p: any) => `${p.port}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`)))];
  const addresses: Address[] = slices.flatMap((s) => (s.endpoints ?? []).flatMap((e: any) => (e.addresses ?? []).map((ip: string) => ({
    ip, ready: e.conditions?.ready !== false, ...(e.targetRef?.name ? { target: `${e.targetRef.kind ?? ''}/${e.targetRef.name}` } : {}), ...(e.nodeName ? { node: e.nodeName } : {}),
  }))));
  addresses.sort((a, b) => Number(b.ready) - Number(a.ready) || a.ip.localeCompare(b.ip, undefined, { numeric: true }));
  const ready = addresses.filter((a) => a.ready).length;
  return (
    <Section title={`Endpoints (${ready} ready, ${addresses.length - ready} not ready)`} testId="dp-endpoints">
      {q.error && <div className="note note-bad" role="alert">{(q.error as Error).message}</div>}
      {q.data && addresses.length === 0 && <div className="muted dp-none">&lt;none&gt;: no pod matches the selector, or none has an address yet.</div>}
      {ports.length > 0 && <div className="muted dp-small">Ports {ports.join(', ')}</div>}
      {addresses.length > 0 && (
        <table className="dp-table">
          <thead><tr><th>Address</th><th>Ready</th><th>Target</th><th>Node</th></tr></thead>
          <tbody>{addresses.map((a) => (
            <tr key={`${a.ip}/${a.target ?? ''}`} data-testid="dp-endpoint" data-ip={a.ip} data-ready={a.ready}>
              <td className="dp-mono">{a.ip}</td><td className={a.ready ? 'dp-tone-ok' : 'dp-warn'}>{a.ready ? 'ready' : 'not ready'}</td>
              <td className="dp-mono">{a.target ?? '—'}</td><td className="dp-mono">{a.node ?? '—'}</td>
            </tr>))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
