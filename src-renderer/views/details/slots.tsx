import type { DetailsTarget } from './detailsTarget';
import { ROLLOUT_KINDS } from '../../../shared/model/kinds';
import type { RolloutKind } from '../../../shared/contract/actions';
import { RolloutTab } from '../rollouts/RolloutTab';
import { ObjectActions } from '../actions/ObjectActions';
import { LogViewer } from '../logs/LogViewer';
import { WorkloadLogs } from '../logs/WorkloadLogs';
import { TerminalTabs } from '../terminal/TerminalTabs';
import { WorkloadOwnerKind as WorkloadOwnerKindSchema, type WorkloadOwnerKind } from '../../../shared/contract/streams';
import { labelSelectorString } from '../../../shared/model/labelSelector';

export const WORKLOAD_LOG_KINDS = new Set<string>(WorkloadOwnerKindSchema.options);

// The tabs other views fill: logs (src-renderer/views/logs), terminal (src-renderer/views/terminal) and
// rollout (src-renderer/views/rollouts). All wiring to them lives in this file, so adding one is a
// change here only.

export interface SlotProps { context: string; target: DetailsTarget; obj: any }

/** Why a tab has nothing for this object (the tab lists decide when to show it; this is the fallback). */
function Pending({ what, where }: { what: string; where: string }) {
  return (
    <div className="dp-slot" data-testid={`dp-slot-${what.toLowerCase()}`} data-view={where}>
      <div className="dp-slot-title">{what}</div>
      <p className="muted">{NOT_AVAILABLE[what] ?? `${what} is not available for this object.`}</p>
    </div>
  );
}

const NOT_AVAILABLE: Record<string, string> = {
  Logs: 'No logs here: logs come from pods and from the workloads that own pods (Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs).',
  Terminal: 'No terminal here: a shell runs in a container of a pod.',
  Rollout: 'No rollout here: Deployments, StatefulSets and DaemonSets have rollouts.',
};

/** A pod's container logs; for a workload, all its pods' logs merged. */
export function LogsSlot({ context, target, obj }: SlotProps) {
  const kind = obj?.kind;
  if (!target.namespace) return <Pending what="Logs" where="views/logs LogViewer" />;
  if (kind === 'Pod') return <LogViewer key={target.uid || target.name} context={context} namespace={target.namespace} pod={target.name} />;
  if (WORKLOAD_LOG_KINDS.has(kind)) {
    return <WorkloadLogs key={target.uid || target.name} context={context} namespace={target.namespace} owner={{ kind: kind as WorkloadOwnerKind, name: target.name }} />;
  }
  return <Pending what="Logs" where="views/logs LogViewer" />;
}

/** Shells into the pod's containers (several tabs at once); for a workload, into a ready pod of it (another one on request). */
export function TerminalSlot({ context, target, obj }: SlotProps) {
  if (!target.namespace) return <Pending what="Terminal" where="views/terminal Terminal" />;
  if (obj?.kind === 'Pod') return <TerminalTabs key={target.uid || target.name} context={context} namespace={target.namespace} pod={target.name} />;
  const selector = WORKLOAD_LOG_KINDS.has(obj?.kind) ? labelSelectorString(obj?.spec?.selector) : '';
  if (!selector) return <Pending what="Terminal" where="views/terminal Terminal" />;
  return <TerminalTabs key={target.uid || target.name} context={context} namespace={target.namespace} selector={selector} />;
}

export function RolloutSlot({ context, target, obj, onSelect }: SlotProps & { onSelect?(t: DetailsTarget): void }) {
  const kind = obj?.kind;
  if (!target.namespace || !ROLLOUT_KINDS.has(kind)) return <Pending what="Rollout" where="views/rollouts RolloutPanel" />;
  return <RolloutTab context={context} target={target} kind={kind as RolloutKind} onSelect={onSelect} />;
}

/** The header's actions menu (views/actions): scale, restart, pause, edit YAML, delete; cordon and drain for nodes. */
export function ActionsSlot({ context, target, obj, onSelect }: SlotProps & { onSelect?(t: DetailsTarget): void }) {
  if (!obj) return null;
  return <ObjectActions context={context} target={target} obj={obj} onSelect={onSelect} />;
}
