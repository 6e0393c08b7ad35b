import { useMemo, type ReactNode } from 'react';
import { stringify } from 'yaml';
import { eventFacts, scalarText } from './objectModel';
import { NodeSections } from './NodeSections';
import type { DetailsTarget } from './detailsTarget';
import { KeyValues, LongText, Section } from './bits';
import { ServiceSections } from './ServiceSections';
import { HpaSections, IngressSections } from './IngressHpaSections';
import { NamespaceStar } from '../../app/NamespaceStar';

/** Kind-specific summaries for kinds without a richer section: Node, Service, and anything else's spec/status. */
export function KindSections({ obj, context, onSelect }: { obj: any; context: string; onSelect?(t: DetailsTarget): void }) {
  const kind = obj?.kind;
  if (kind === 'Node') return <NodeSections context={context} node={obj} onSelect={onSelect} />;
  if (kind === 'Event') return <Section title="Event" testId="dp-event"><KeyValues rows={eventFacts(obj)} /></Section>;
  if (kind === 'Service') return <ServiceSections context={context} svc={obj} />;
  if (kind === 'Ingress') return <IngressSections ing={obj} />;
  if (kind === 'HorizontalPodAutoscaler') return <HpaSections hpa={obj} />;
  if (kind === 'Namespace') {
    return <>
      <Section title="Favourite" testId="dp-namespace-favourite" actions={<NamespaceStar context={context} namespace={obj.metadata?.name} withText />}>
        <div className="muted dp-none">Starred namespaces of this context are listed first in the namespace picker and in the palette’s :ns.</div>
      </Section>
      <GenericSpecStatus obj={obj} />
    </>;
  }
  if (obj?.spec === undefined && obj?.status === undefined) return null;
  return <GenericSpecStatus obj={obj} />;
}

/** One side (spec or status): scalars as values, nested parts as short YAML; conditions have their own table. */
function side(part: unknown): ReactNode {
  if (!part || typeof part !== 'object') return null;
  const rows: [string, ReactNode][] = Object.entries(part as Record<string, unknown>)
    .filter(([k]) => k !== 'conditions')
    .map(([k, v]) => {
      const s = scalarText(v);
      return [k, s !== undefined ? s : <pre className="dp-snippet"><LongText text={stringify(v, { lineWidth: 0 }).trimEnd()} lines={6} /></pre>];
    });
  return rows.length ? <KeyValues rows={rows} /> : <div className="muted dp-none">—</div>;
}

/** Spec beside status for any kind (custom resources included): scalars as values, nested parts as short YAML. */
function GenericSpecStatus({ obj }: { obj: any }) {
  const spec = useMemo(() => side(obj?.spec), [obj?.spec]);
  const status = useMemo(() => side(obj?.status), [obj?.status]);
  return (
    <Section title="Spec and status" testId="dp-spec-status">
      <div className="dp-side-by-side">
        <div><div className="dp-sub">Spec (desired)</div>{spec ?? <div className="muted dp-none">—</div>}</div>
        <div><div className="dp-sub">Status (observed)</div>{status ?? <div className="muted dp-none">No status</div>}</div>
      </div>
    </Section>
  );
}
