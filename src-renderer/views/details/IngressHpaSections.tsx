import type { ReactNode } from 'react';
import { KeyValues, Section } from './bits';

function backendText(b: any): string {
  if (!b) return '—';
  if (b.service) return `${b.service.name}:${b.service.port?.number ?? b.service.port?.name ?? '?'}`;
  if (b.resource) return `${b.resource.kind}/${b.resource.name}${b.resource.apiGroup ? ` (${b.resource.apiGroup})` : ''}`;
  return '—';
}

/** An Ingress as `kubectl describe ingress` shows it: class, default backend, TLS, and its rules as a table. */
export function IngressSections({ ing }: { ing: any }) {
  const spec = ing?.spec ?? {};
  const tlsHosts = new Map<string, string>();
  for (const t of spec.tls ?? []) for (const h of t.hosts ?? ['*']) tlsHosts.set(h, t.secretName ?? '(default certificate)');
  const rows: { host: string; path: string; pathType: string; backend: string; tls?: string }[] = [];
  for (const r of spec.rules ?? []) {
    const host = r.host ?? '*';
    for (const p of r.http?.paths ?? []) rows.push({ host, path: p.path ?? '/', pathType: p.pathType ?? '', backend: backendText(p.backend), tls: tlsHosts.get(host) });
  }
  const lb = (ing?.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip ?? i.hostname).filter(Boolean).join(', ');
  const facts: [string, ReactNode][] = [
    ['Ingress class', spec.ingressClassName ?? <span className="muted">&lt;none&gt;</span>],
    ['Address', lb || <span className="muted">&lt;none&gt;</span>],
    ['Default backend', spec.defaultBackend ? <span className="dp-mono">{backendText(spec.defaultBackend)}</span> : <span className="muted">&lt;default&gt;</span>],
    ['TLS', spec.tls?.length ? <span className="dp-mono">{(spec.tls as any[]).map((t) => `${t.secretName ?? '(default)'} terminates ${(t.hosts ?? ['*']).join(',')}`).join('; ')}</span> : <span className="muted">none</span>],
  ];
  return (
    <>
      <Section title="Ingress" testId="dp-ingress"><KeyValues rows={facts} /></Section>
      <Section title={`Rules (${rows.length})`} testId="dp-ingress-rules">
        <table className="dp-table">
          <thead><tr><th>Host</th><th>Path</th><th>Backend</th><th>TLS</th></tr></thead>
          <tbody>{rows.map((r, i) => (
            <tr key={i} data-testid="dp-ingress-rule">
              <td className="dp-mono">{r.host}</td><td className="dp-mono">{r.path}{r.pathType ? <span className="muted"> ({r.pathType})</span> : null}</td>
              <td className="dp-mono">{r.backend}</td><td className="dp-mono">{r.tls ?? '—'}</td>
            </tr>))}
          </tbody>
        </table>
      </Section>
    </>
  );
}

function metricName(m: any): string {
  if (m?.type === 'Resource') return `resource ${m.resource?.name}`;
  if (m?.type === 'ContainerResource') return `resource ${m.containerResource?.name} of container ${m.containerResource?.container}`;
  if (m?.type === 'Pods') return `pods metric ${m.pods?.metric?.name}`;
  if (m?.type === 'Object') return `${m.object?.describedObject?.kind}/${m.object?.describedObject?.name} metric ${m.object?.metric?.name}`;
  if (m?.type === 'External') return `external metric ${m.external?.metric?.name}`;
  return String(m?.type ?? '?');
}
const body = (m: any) => m?.resource ?? m?.containerResource ?? m?.pods ?? m?.object ?? m?.external ?? {};
function targetText(t: any): string {
  if (!t) return '?';
  if (t.averageUtilization !== undefined) return `${t.averageUtilization}%`;
  return String(t.averageValue ?? t.value ?? '?');
}
function currentText(c: any): string {
  if (!c) return '<unknown>';
  if (c.averageUtilization !== undefined) return `${c.averageUtilization}%${c.averageValue ? ` (${c.averageValue})` : ''}`;
  return String(c.averageValue ?? c.value ?? '<unknown>');
}

/** An HPA as `kubectl describe hpa` shows it: target, replicas, each metric current / target. */
export function HpaSections({ hpa }: { hpa: any }) {
  const spec = hpa?.spec ?? {};
  const st = hpa?.status ?? {};
  const facts: [string, ReactNode][] = [
    ['Scale target', <span className="dp-mono">{spec.scaleTargetRef?.kind}/{spec.scaleTargetRef?.name}</span>],
    ['Min / max replicas', `${spec.minReplicas ?? 1} / ${spec.maxReplicas}`],
    ['Replicas', `${st.currentReplicas ?? 0} current / ${st.desiredReplicas ?? 0} desired`],
  ];
  const metrics: any[] = spec.metrics ?? [];
  return (
    <>
      <Section title="Autoscaling" testId="dp-hpa"><KeyValues rows={facts} /></Section>
      <Section title="Metrics (current / target)" testId="dp-hpa-metrics">
        <table className="dp-table">
          <thead><tr><th>Metric</th><th>Current</th><th>Target</th></tr></thead>
          <tbody>{metrics.map((m, i) => {
            const cur = (st.currentMetrics ?? [])[i];
            return <tr key={i} data-testid="dp-hpa-metric"><td>{metricName(m)}</td><td className="dp-mono">{currentText(body(cur).current)}</td><td className="dp-mono">{targetText(body(m).target)}</td></tr>;
          })}</tbody>
        </table>
      </Section>
    </>
  );
}
