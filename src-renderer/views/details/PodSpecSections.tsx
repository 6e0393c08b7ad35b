import type { ReactNode } from 'react';
import { stringify } from 'yaml';
import { KeyValues, LongText, Section } from './bits';
import { envFromText, envText, mountText, tolerationText, volumeText } from './podDescribe';

/** One container's command, args, env, envFrom and mounts, as kubectl describe pod lists them. */
export function containerSpecRows(spec: any): [string, ReactNode][] {
  const rows: [string, ReactNode][] = [];
  if (spec?.command?.length) rows.push(['Command', <span className="dp-mono dp-break" data-testid="dp-command">{spec.command.join(' ')}</span>]);
  if (spec?.args?.length) rows.push(['Args', <span className="dp-mono dp-break" data-testid="dp-args">{spec.args.join(' ')}</span>]);
  if (spec?.env?.length) {
    rows.push(['Environment', <ul className="dp-list" data-testid="dp-env">{spec.env.map((e: any) => (
      <li key={e.name} className="dp-mono dp-break" data-env={e.name}>{e.name}: {envText(e)}</li>))}</ul>]);
  }
  if (spec?.envFrom?.length) rows.push(['Environment from', <ul className="dp-list" data-testid="dp-env-from">{spec.envFrom.map((e: any, i: number) => <li key={i} className="dp-mono">{envFromText(e)}</li>)}</ul>]);
  if (spec?.volumeMounts?.length) rows.push(['Mounts', <ul className="dp-list" data-testid="dp-mounts">{spec.volumeMounts.map((m: any) => <li key={m.mountPath} className="dp-mono dp-break">{mountText(m)}</li>)}</ul>]);
  return rows;
}

/** The pod-level parts of describe: volumes, node selector, tolerations, affinity. */
export function PodSpecSections({ pod }: { pod: any }) {
  const spec = pod?.spec ?? {};
  const volumes: any[] = spec.volumes ?? [];
  const selector = Object.entries(spec.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`);
  const tolerations: any[] = spec.tolerations ?? [];
  const rows: [string, ReactNode][] = [
    ['Node selector', selector.length ? <span className="dp-mono" data-testid="dp-node-selector">{selector.join(', ')}</span> : <span className="muted">&lt;none&gt;</span>],
    ['Tolerations', tolerations.length ? <ul className="dp-list" data-testid="dp-tolerations">{tolerations.map((t, i) => <li key={i} className="dp-mono">{tolerationText(t)}</li>)}</ul> : <span className="muted">&lt;none&gt;</span>],
  ];
  if (spec.affinity) rows.push(['Affinity', <pre className="dp-snippet" data-testid="dp-affinity"><LongText text={stringify(spec.affinity, { lineWidth: 0 }).trimEnd()} lines={8} /></pre>]);
  if (spec.priorityClassName) rows.push(['Priority class', spec.priorityClassName]);
  return (
    <>
      <Section title={`Volumes (${volumes.length})`} testId="dp-volumes">
        {volumes.length === 0 ? <div className="muted dp-none">&lt;none&gt;</div> : (
          <table className="dp-table">
            <thead><tr><th>Name</th><th>Type</th><th>Source</th></tr></thead>
            <tbody>{volumes.map((v) => { const t = volumeText(v); return <tr key={v.name} data-testid="dp-volume" data-name={v.name}><td className="dp-mono">{v.name}</td><td>{t.type}</td><td className="dp-mono dp-break">{t.detail}</td></tr>; })}</tbody>
          </table>
        )}
      </Section>
      <Section title="Scheduling" testId="dp-scheduling"><KeyValues rows={rows} /></Section>
    </>
  );
}
