import { workloadFacts, ROLLOUT_KINDS } from './objectModel';
import { replicaCounts } from '../../../shared/model/replicaCounts';
import { rolloutStatus } from '../../../shared/rollout/rolloutStatus';
import type { RolloutKind } from '../../../shared/rollout/workloadShapes';
import { KeyValues, Section } from './bits';

/** Desired vs current replicas, kubectl's rollout status line, and spec beside status. */
export function WorkloadSections({ obj }: { obj: any }) {
  const kind = obj?.kind as string | undefined;
  const counts = replicaCounts(kind, obj?.spec, obj?.status);
  const facts = workloadFacts(kind, obj);
  let rollout: { message: string; done: boolean; error?: string } | undefined;
  if (kind && ROLLOUT_KINDS.has(kind)) {
    try { rollout = rolloutStatus(kind as RolloutKind, obj); } catch { rollout = undefined; }
  }
  const cells: [string, number | undefined][] = counts
    ? [['Desired', counts.desired], ['Current', counts.current], ['Updated', counts.updated], ['Ready', counts.ready], ['Available', counts.available]]
    : [];
  return (
    <Section title="Spec and status" testId="dp-workload">
      {counts && (
        <div className="dp-replicas" data-testid="dp-replicas">
          {cells.filter(([, v]) => v !== undefined).map(([label, v]) => (
            <div key={label} className={`dp-replica ${label !== 'Desired' && v !== counts.desired ? 'dp-replica-off' : ''}`} data-testid={`dp-replicas-${label.toLowerCase()}`}>
              <div className="dp-replica-n">{v}</div><div className="dp-replica-l">{label}</div>
            </div>
          ))}
        </div>
      )}
      {rollout && (rollout.message || rollout.error) && (
        <div className={`dp-rollout ${rollout.error ? 'dp-tone-bad' : rollout.done ? 'dp-tone-ok' : 'dp-tone-warn'}`} data-testid="dp-rollout-status">
          {rollout.error ?? rollout.message}
        </div>
      )}
      <div className="dp-side-by-side">
        <div><div className="dp-sub">Spec (desired)</div>{facts.spec.length ? <KeyValues rows={facts.spec} /> : <div className="muted dp-none">—</div>}</div>
        <div><div className="dp-sub">Status (current)</div>{facts.status.length ? <KeyValues rows={facts.status} /> : <div className="muted dp-none">—</div>}</div>
      </div>
      {facts.containers.length > 0 && (
        <div className="dp-template">
          <div className="dp-sub">Pod template</div>
          <KeyValues rows={facts.containers.map((c) => [c.name, <span className="dp-mono dp-break">{c.image}</span>])} />
        </div>
      )}
    </Section>
  );
}
