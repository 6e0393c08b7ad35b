import type { DetailsTarget } from './detailsTarget';
import { RolloutTab } from '../rollouts/RolloutTab';
import { ObjectActions } from '../actions/ObjectActions';

// The tabs other views fill: logs (src-renderer/views/logs), terminal (src-renderer/views/terminal) and
// rollout (src-renderer/views/rollouts). All wiring to them lives in this file, so adding one is a
// change here only.

export interface SlotProps { context: string; target: DetailsTarget; obj: any }

function Pending({ what, where }: { what: string; where: string }) {
  return (
    <div className="dp-slot" data-testid={`dp-slot-${what.toLowerCase()}`}>
      <div className="dp-slot-title">{what}</div>
      <p className="muted">{what} for this object will appear here. (Slot for <code>{where}</code>, not wired yet.)</p>
    </div>
  );
}

export function LogsSlot(_p: SlotProps) {
  return <Pending what="Logs" where="views/logs LogViewer" />;
}

export function TerminalSlot(_p: SlotProps) {
  return <Pending what="Terminal" where="views/terminal Terminal" />;
}

export function RolloutSlot({ context, target, obj, onSelect }: SlotProps & { onSelect?(t: DetailsTarget): void }) {
  const kind = obj?.kind;
  if (!target.namespace || (kind !== 'Deployment' && kind !== 'StatefulSet' && kind !== 'DaemonSet')) return <Pending what="Rollout" where="views/rollouts RolloutPanel" />;
  return <RolloutTab context={context} target={target} kind={kind} onSelect={onSelect} />;
}

/** The header's actions menu (views/actions): scale, restart, pause, edit YAML, delete; cordon and drain for nodes. */
export function ActionsSlot({ context, target, obj, onSelect }: SlotProps & { onSelect?(t: DetailsTarget): void }) {
  if (!obj) return null;
  return <ObjectActions context={context} target={target} obj={obj} onSelect={onSelect} />;
}
