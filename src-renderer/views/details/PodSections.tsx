import type { ReactNode } from 'react';
import { podContainers, type ContainerView } from './objectModel';
import { Age, KeyValues, LongText, Section } from './bits';
import { ForwardButton } from '../portforward/ForwardDialog';
import { containerSpecRows, PodSpecSections } from './PodSpecSections';

/** A pod's phase and placement, then each container: image, ports, probes, resources, restarts, state. */
export function PodSections({ pod, now, context }: { pod: any; now: number; context?: string }) {
  const s = pod?.status ?? {};
  const spec = pod?.spec ?? {};
  const containers = podContainers(pod);
  const regular = containers.filter((c) => c.kind === 'container');
  const ready = regular.filter((c) => c.ready).length;
  const restarts = regular.reduce((n, c) => n + c.restarts, 0);
  const rows: [string, ReactNode][] = [
    ['Phase', <span className={`dp-phase dp-phase-${String(s.phase ?? 'Unknown').toLowerCase()}`} data-testid="dp-phase">{s.phase ?? 'Unknown'}{s.reason ? ` — ${s.reason}` : ''}</span>],
    ['Ready', `${ready}/${regular.length} containers`],
    ['Restarts', restarts],
  ];
  if (s.message) rows.push(['Message', <LongText text={String(s.message)} />]);
  if (spec.nodeName) rows.push(['Node', <span className="dp-mono">{spec.nodeName}</span>]);
  const ips = (s.podIPs ?? []).map((p: any) => p?.ip).filter(Boolean);
  if (ips.length || s.podIP) rows.push(['Pod IP', <span className="dp-mono">{ips.length ? ips.join(', ') : s.podIP}</span>]);
  if (s.hostIP) rows.push(['Host IP', <span className="dp-mono">{s.hostIP}</span>]);
  if (s.qosClass) rows.push(['QoS class', s.qosClass]);
  if (spec.serviceAccountName) rows.push(['Service account', spec.serviceAccountName]);
  if (s.startTime) rows.push(['Started', <span><Age ts={s.startTime} now={now} /> ago</span>]);
  return (
    <>
      <Section title="Status" testId="dp-pod-status"><KeyValues rows={rows} /></Section>
      <Section title={`Containers (${containers.length})`} testId="dp-containers">
        {containers.length === 0 && <div className="muted dp-none">No containers</div>}
        {containers.map((c) => <ContainerCard key={`${c.kind}/${c.name}`} c={c} now={now} spec={specOf(spec, c)}
          forward={context && pod?.metadata?.namespace && s.phase === 'Running' ? { context, namespace: pod.metadata.namespace, pod: pod.metadata.name } : undefined} />)}
      </Section>
      <PodSpecSections pod={pod} />
    </>
  );
}

const SPEC_LISTS = { container: 'containers', init: 'initContainers', ephemeral: 'ephemeralContainers' } as const;
function specOf(spec: any, c: ContainerView): any {
  return (spec?.[SPEC_LISTS[c.kind]] ?? []).find((x: any) => x?.name === c.name);
}

/** Port-forward goes to a running pod, over TCP only (the API server's port-forward carries nothing else). */
function ContainerCard({ c, now, forward, spec }: { c: ContainerView; now: number; forward?: { context: string; namespace: string; pod: string }; spec?: any }) {
  const res = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ') || '—';
  const rows: [string, ReactNode][] = [['Image', <span className="dp-mono dp-break">{c.image}</span>]];
  if (c.ports.length && forward) {
    rows.push(['Ports', <span className="pf-port-lines">{c.portSpecs.map((p, i) => (
      <span key={`${p.port}/${p.protocol}`} className="pf-port-line" data-testid={`dp-port-${p.port}`}>
        <span className="dp-mono">{c.ports[i]}</span>
        {p.protocol === 'TCP' && <ForwardButton target={{ ...forward, port: p.port, portName: p.name }} />}
      </span>))}</span>]);
  } else if (c.ports.length) rows.push(['Ports', <span className="dp-mono">{c.ports.join(', ')}</span>]);
  if (Object.keys(c.requests).length || Object.keys(c.limits).length) {
    rows.push(['Requests', <span className="dp-mono">{res(c.requests)}</span>]);
    rows.push(['Limits', <span className="dp-mono">{res(c.limits)}</span>]);
  }
  rows.push(...containerSpecRows(spec));
  for (const p of c.probes) rows.push([`${p.kind[0].toUpperCase()}${p.kind.slice(1)} probe`, <span className="dp-mono dp-small dp-break">{p.text}</span>]);
  if (c.state) rows.push(['State', <StateLine s={c.state} now={now} />]);
  if (c.lastState) rows.push(['Last state', <StateLine s={c.lastState} now={now} />]);
  rows.push(['Restarts', <span className={c.restarts > 0 ? 'dp-warn' : ''}>{c.restarts}</span>]);
  return (
    <div className="dp-card" data-testid={`dp-container-${c.name}`}>
      <div className="dp-card-head">
        <span className={`dot ${c.ready ? 'dot-ready' : c.state?.tone === 'bad' ? 'dot-error' : c.ready === false ? 'dot-degraded' : ''}`} aria-hidden />
        <span className="dp-mono dp-strong">{c.name}</span>
        {c.kind !== 'container' && <span className="dp-kind-tag">{c.kind}</span>}
        <span className="muted dp-small">{c.ready === undefined ? 'no status yet' : c.ready ? 'ready' : 'not ready'}</span>
      </div>
      <KeyValues rows={rows} />
    </div>
  );
}

function StateLine({ s, now }: { s: NonNullable<ContainerView['state']>; now: number }) {
  return (
    <span className={`dp-tone-${s.tone}`}>
      {s.text}{s.since && <span className="muted"> · <Age ts={s.since} now={now} /> ago</span>}
      {s.detail && <div className="dp-small"><LongText text={s.detail} lines={2} /></div>}
    </span>
  );
}
