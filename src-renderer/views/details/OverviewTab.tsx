import type { KubeEventRow } from '../../../shared/contract/resources';
import type { LiveListState } from '../../../shared/model/liveList';
import type { NavKind } from '../../app/kindsNav';
import type { DetailsTarget } from './detailsTarget';
import { AnnotationsSection, MetadataSection } from './MetadataSection';
import { PodSections } from './PodSections';
import { WorkloadSections } from './WorkloadSections';
import { ConfigMapData, SecretData } from './DataSections';
import { ConditionsSection } from './ConditionsSection';
import { EventsList } from './EventsList';
import { Section } from './bits';
import { WORKLOAD_KINDS } from './objectModel';
import { KindSections } from './KindSections';
import { UsageSection } from '../metrics/UsageSection';
import { HpaSection } from '../metrics/HpaSection';
import { NETWORK_KINDS, NetworkLink } from '../network/NetworkLink';
import { CronJobSections } from './CronJobSections';
import { RBAC_DETAIL_KINDS, RbacLinksSection } from '../rbac/RbacLinksSection';

interface Props {
  context: string;
  target: DetailsTarget;
  obj: any;
  kinds: NavKind[];
  events: LiveListState<KubeEventRow>;
  now: number;
  onSelect?(t: DetailsTarget): void;
  onShowEvents(): void;
}

/** Kinds whose payload has its own section (data, not spec/status). */
const DATA_KINDS = new Set(['Secret', 'ConfigMap']);

/** What a person asks first about an object: what it is, who owns it, is it healthy, what happened. */
export function OverviewTab({ context, target, obj, kinds, events, now, onSelect, onShowEvents }: Props) {
  const kind = obj?.kind as string | undefined;
  return (
    <div className="dp-overview">
      <MetadataSection context={context} obj={obj} kinds={kinds} now={now} onSelect={onSelect} />
      {kind === 'Pod' && <PodSections pod={obj} now={now} context={context} />}
      {kind === 'CronJob' && <CronJobSections context={context} cj={obj} now={now} />}
      {kind && WORKLOAD_KINDS.has(kind) && <WorkloadSections obj={obj} />}
      {kind === 'HorizontalPodAutoscaler' && <HpaSection obj={obj} events={events} now={now} />}
      {kind && kind !== 'Pod' && !WORKLOAD_KINDS.has(kind) && !DATA_KINDS.has(kind) && <KindSections obj={obj} context={context} onSelect={onSelect} />}
      {(kind === 'Pod' || kind === 'Node' || (kind && WORKLOAD_KINDS.has(kind))) && <UsageSection context={context} obj={obj} />}
      {kind && RBAC_DETAIL_KINDS.has(kind) && <RbacLinksSection context={context} obj={obj} />}
      {kind && NETWORK_KINDS.has(kind) && <NetworkLink context={context} kind={kind} obj={obj} />}
      <ConditionsSection obj={obj} now={now} />
      {kind === 'Secret' && <SecretData context={context} target={target} obj={obj} />}
      {kind === 'ConfigMap' && <ConfigMapData obj={obj} />}
      <Section title="Recent events" testId="dp-recent-events">
        <EventsList events={events} now={now} limit={5} onShowAll={onShowEvents} />
      </Section>
      <AnnotationsSection obj={obj} />
    </div>
  );
}
