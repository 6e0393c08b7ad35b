import type { ReactNode } from 'react';
import { useContractQuery } from '../../data/clientContext';
import { resolveKind, type NavKind } from '../../app/kindsNav';
import type { DetailsTarget } from './detailsTarget';
import { Age, Chip, KeyValues, LongText, Section } from './bits';

interface Props {
  context: string;
  obj: any;
  kinds: NavKind[];
  now: number;
  onSelect?(t: DetailsTarget): void;
}

/** Name, namespace, uid, age, labels, finalizers and the owner chain. */
export function MetadataSection({ context, obj, kinds, now, onSelect }: Props) {
  const m = obj?.metadata ?? {};
  const labels = Object.entries((m.labels ?? {}) as Record<string, string>);
  const owners: any[] = Array.isArray(m.ownerReferences) ? m.ownerReferences : [];
  const rows: [string, ReactNode][] = [
    ['Name', <span className="dp-mono" data-testid="dp-name">{m.name}</span>],
  ];
  if (m.namespace) rows.push(['Namespace', m.namespace]);
  rows.push(['Kind', <span>{obj?.kind} <span className="muted">{obj?.apiVersion}</span></span>]);
  rows.push(['UID', <span className="dp-mono dp-small">{m.uid}</span>]);
  rows.push(['Created', <span><Age ts={m.creationTimestamp} now={now} /> ago <span className="muted">{m.creationTimestamp ? new Date(m.creationTimestamp).toLocaleString() : ''}</span></span>]);
  if (m.deletionTimestamp) rows.push(['Deleting', <span className="dp-warn">since <Age ts={m.deletionTimestamp} now={now} /> ago{m.finalizers?.length ? ` — waiting for finalizers` : ''}</span>]);
  if (owners.length) {
    rows.push(['Owners', <div className="dp-owners">{owners.map((o) => (
      <OwnerLink key={o.uid ?? o.name} context={context} owner={o} namespace={m.namespace} kinds={kinds} onSelect={onSelect} depth={0} />
    ))}</div>]);
  }
  if (Array.isArray(m.finalizers) && m.finalizers.length) rows.push(['Finalizers', <span className="dp-mono dp-small">{m.finalizers.join(', ')}</span>]);

  return (
    <Section title="Metadata" testId="dp-metadata">
      <KeyValues rows={rows} />
      <div className="dp-sub">Labels <span className="muted">{labels.length || ''}</span></div>
      {labels.length
        ? <div className="dp-chips" data-testid="dp-labels">{labels.map(([k, v]) => <Chip key={k} k={k} v={v} />)}</div>
        : <div className="muted dp-none">No labels</div>}
    </Section>
  );
}

/** Annotations, often long (last-applied-configuration): each value clamped, always text. */
export function AnnotationsSection({ obj }: { obj: any }) {
  const annotations = Object.entries((obj?.metadata?.annotations ?? {}) as Record<string, string>);
  return (
    <Section title={`Annotations${annotations.length ? ` (${annotations.length})` : ''}`} testId="dp-annotations-section">
      {annotations.length
        ? <dl className="dp-annotations" data-testid="dp-annotations">{annotations.map(([k, v]) => (
          <div key={k} className="dp-annotation"><dt className="dp-mono">{k}</dt><dd><LongText text={String(v)} /></dd></div>
        ))}</dl>
        : <div className="muted dp-none">No annotations</div>}
    </Section>
  );
}

interface OwnerProps {
  context: string;
  owner: { apiVersion?: string; kind: string; name: string; uid?: string; controller?: boolean };
  namespace?: string;
  kinds: NavKind[];
  depth: number;
  onSelect?(t: DetailsTarget): void;
}

/**
 * One owner as a link that selects it, followed by its own controller, up to the root of the chain
 * (Pod → ReplicaSet → Deployment). Each step reads the owner once; a missing owner says so.
 */
function OwnerLink({ context, owner, namespace, kinds, depth, onSelect }: OwnerProps) {
  const kind = resolveKind(kinds, owner.apiVersion, owner.kind);
  const ns = kind?.namespaced === false ? undefined : namespace;
  const fetchIt = kind && depth < 6;
  const q = useContractQuery('resource.get', fetchIt ? { context, group: kind.group, version: kind.version, resource: kind.resource, namespace: ns, name: owner.name } : undefined,
    { retry: false, staleTime: 30_000 });
  const parent = (q.data as any)?.metadata?.ownerReferences?.find((o: any) => o?.controller) ?? (q.data as any)?.metadata?.ownerReferences?.[0];
  const select = kind && onSelect ? () => onSelect({ group: kind.group, version: kind.version, resource: kind.resource, namespace: ns, name: owner.name, uid: owner.uid ?? '' }) : undefined;
  const missing = q.error && /not.?found|404/i.test(String((q.error as Error).message));
  return (
    <>
      <div className="dp-owner" style={{ paddingLeft: depth * 14 }}>
        {depth > 0 && <span className="dp-owner-arrow" aria-hidden>↳</span>}
        <span className="dp-kind-tag">{owner.kind}</span>
        {select
          ? <button type="button" className="dp-link dp-mono" onClick={select} data-testid="dp-owner-link">{owner.name}</button>
          : <span className="dp-mono">{owner.name}</span>}
        {owner.controller && <span className="muted dp-small">controller</span>}
        {missing && <span className="dp-warn dp-small">not found (being garbage-collected?)</span>}
      </div>
      {parent && kind && <OwnerLink context={context} owner={parent} namespace={ns ?? namespace} kinds={kinds} depth={depth + 1} onSelect={onSelect} />}
    </>
  );
}
