import type { ReactNode } from 'react';
import { serviceFacts } from './objectModel';
import { KeyValues, Section } from './bits';
import { ForwardButton } from '../portforward/ForwardDialog';

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
    </>
  );
}
