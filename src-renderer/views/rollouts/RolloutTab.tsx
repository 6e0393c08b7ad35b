import type { RolloutKind } from '../../../shared/contract/actions';
import type { DetailsTarget } from '../details/detailsTarget';
import { AutoscalerWarning } from '../actions/AutoscalerWarning';
import { useAutoscalers } from '../actions/useAutoscalers';
import { WorkloadTimeline } from '../timeline/WorkloadTimeline';
import { RolloutPanel } from './RolloutPanel';

/** The details panel's Rollout tab: HPA warning, the rollout panel, and the workload's change timeline. */
export function RolloutTab({ context, target, kind, onSelect }: { context: string; target: DetailsTarget; kind: RolloutKind; onSelect?(t: DetailsTarget): void }) {
  const namespace = target.namespace ?? '';
  const autoscalers = useAutoscalers(context, namespace, kind, target.name);
  return (
    <div className="rollout-tab" data-testid="rollout-tab" style={{ padding: '12px 16px', display: 'flex', flexDirection: 'column', gap: 16 }}>
      <AutoscalerWarning autoscalers={autoscalers} kind={kind} namespace={namespace} onSelect={onSelect} />
      <RolloutPanel context={context} namespace={namespace} kind={kind} name={target.name} />
      <WorkloadTimeline context={context} namespace={namespace} kind={kind} name={target.name} />
    </div>
  );
}
