import { createContext, memo, useContext, useEffect, useRef, useState } from 'react';
import { Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import type { ObjectNode, PodGroupNode } from '../../../shared/topology/graph';
import type { HealthStatus } from '../../../shared/topology/health';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import type { CardData, NamespaceFlowNode, ObjectFlowNode, PodGroupFlowNode } from './flowModel';
import { KindIcon } from './KindIcon';
import { kindLabel } from './topologyKinds';
import { isScaleTarget } from '../../../shared/model/kinds';
import { UsageLine } from './topologyUsage';
import { objectFootnote, objectSummary, podGroupSummary, REPLICATED_KINDS, replicaStats, ROLLOUT_KINDS, rolloutProgress } from './cardText';
import { HEALTH_STATES } from './graphFilters';
import { NodeBadgeSlot } from './topologyBadges';

/**
 * The cards React Flow draws. Each is memoized and reads only its own node's data (never the node
 * list), so a live update re-renders the cards whose objects changed. Every cluster string is a
 * React text child: names like `<img src=x onerror=…>` show as text.
 */

/** What cards can ask of the view. A context with a stable value, so callbacks never break memo. */
export interface TopologyActions {
  toggleOldReplicaSets(deploymentUid: string): void;
  togglePods(ownerUid: string): void;
  /**
   * Absent when the contract has no scale action: the stepper is not drawn. Asks first when the step
   * needs it (to 0, or an HPA manages the object: views/actions/scaleSafety.ts); rejects when cancelled or failed.
   */
  scale?(o: TopoObject, replicas: number, from: number, autoscaled?: boolean): Promise<void>;
}

export const TopologyActionsContext = createContext<TopologyActions | null>(null);

/**
 * Level of detail by zoom. `full` cards carry every line; `low` keeps the head and the name (drawn
 * larger, so it stays readable); `overview` is a plain block in the health colour: below it nothing
 * is legible anyway, and that is where hundreds of cards mount at once while zooming out.
 */
export type CardDetail = 'full' | 'low' | 'overview';
export const LOW_DETAIL_ZOOM = 0.45;
export const OVERVIEW_ZOOM = 0.2;
export const cardDetail = (s: ReactFlowState): CardDetail => {
  const zoom = s.transform[2];
  return zoom >= LOW_DETAIL_ZOOM ? 'full' : zoom >= OVERVIEW_ZOOM ? 'low' : 'overview';
};

const stop = (e: { stopPropagation(): void }) => e.stopPropagation();

/**
 * The handles edges join, as plain markup where flowModel's CARD_HANDLES says they are. React Flow
 * routes edges from the nodes' `handles` and never needs to measure these; they are here so a
 * measurement, should one happen, finds the same handles. Not <Handle>: each of those subscribes to the
 * flow store, eight per card, and every pan or zoom frame would run all their selectors.
 */
const HANDLE_SPECS: { id: string; type: 'source' | 'target'; position: Position }[] = [
  { id: 't-left', type: 'target', position: Position.Left }, { id: 's-left', type: 'source', position: Position.Left },
  { id: 's-right', type: 'source', position: Position.Right }, { id: 't-right', type: 'target', position: Position.Right },
  { id: 't-top', type: 'target', position: Position.Top }, { id: 's-top', type: 'source', position: Position.Top },
  { id: 't-bottom', type: 'target', position: Position.Bottom }, { id: 's-bottom', type: 'source', position: Position.Bottom },
];
const handles = (
  <>
    {HANDLE_SPECS.map((h) => (
      <div key={h.id} className={`react-flow__handle react-flow__handle-${h.position} ${h.type}`} data-handleid={h.id} data-handlepos={h.position} />
    ))}
  </>
);

export function HealthPill({ health }: { health: HealthStatus }) {
  return (
    <span className={`health-pill health-${health.status.toLowerCase()}`} title={health.message ?? health.status} data-testid="health">
      <span className="health-dot" />{health.status}
    </span>
  );
}

function cardClass(base: string, n: { health: HealthStatus }, data: { match?: boolean; current?: boolean; faded?: boolean }, selected: boolean, extra: (string | false | undefined)[] = []) {
  return [base, `health-${n.health.status.toLowerCase()}`, selected && 'selected', data.match && 'match', data.current && 'current', data.faded && 'faded', ...extra]
    .filter(Boolean).join(' ');
}

/** − n + on what scales (shared/model/kinds.ts isScaleTarget); clicks gather for a moment, then one scale request goes. */
function ScaleStepper({ o, autoscaled }: { o: TopoObject; autoscaled?: boolean }) {
  const actions = useContext(TopologyActionsContext);
  const desired = o.replicas?.desired ?? 0;
  const [pending, setPending] = useState<number>();
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => { if (pending !== undefined && pending === desired && !busy) setPending(undefined); }, [desired, pending, busy]);
  if (!actions?.scale) return <b>{desired}</b>;
  const scale = actions.scale;
  const shown = pending ?? desired;
  const step = (delta: number) => {
    const next = Math.max(0, shown + delta);
    setPending(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setBusy(true);
      scale(o, next, desired, autoscaled).catch(() => setPending(undefined)).finally(() => setBusy(false));
    }, 600);
  };
  const why = autoscaled ? ' (an HPA scales this workload and may undo it)' : '';
  return (
    <span className="stepper nodrag" onClick={stop} onDoubleClick={stop}>
      <button type="button" aria-label={`Scale ${o.name} down`} title={shown <= 0 ? "Already at 0 replicas" : `Scale down${why}`} disabled={shown <= 0} onClick={() => step(-1)}>−</button>
      <b className={pending !== undefined && pending !== desired ? 'pending' : ''} data-testid="desired-replicas">{shown}</b>
      <button type="button" aria-label={`Scale ${o.name} up`} title={`Scale up${why}`} onClick={() => step(1)}>+</button>
    </span>
  );
}

function ReplicaBody({ n, data }: { n: ObjectNode; data: ObjectFlowNode['data'] }) {
  const actions = useContext(TopologyActionsContext);
  const o = n.object;
  const r = o.replicas!;
  const stats = replicaStats(o.kind, r);
  const scalable = isScaleTarget(o.kind, o.ownerReferences);
  const progress = ROLLOUT_KINDS.has(o.kind) ? rolloutProgress(r) : undefined;
  return (
    <>
      <div className="card-stats">
        {stats.map((s, i) => (
          <span key={s.label} className={`stat${s.short ? ' short' : ''}`} data-stat={s.label}>
            {i === 0 && scalable ? <ScaleStepper o={o} autoscaled={data.autoscaled} /> : <b>{s.value}</b>}
            <span className="stat-label">{s.label}</span>
          </span>
        ))}
      </div>
      <div className="card-foot">
        {progress ? (
          <span className={`progress${progress.rollingOut ? ' rolling' : ''}`} title={progress.label} role="progressbar"
            aria-label={`${o.name} rollout`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress.available * 100)} data-testid="rollout-progress">
            <span className="bar-updated" style={{ width: `${progress.updated * 100}%` }} />
            <span className="bar-available" style={{ width: `${progress.available * 100}%` }} />
          </span>
        ) : <span className="foot-spacer" />}
        <UsageLine uid={o.uid} kind={o.kind} chip />
        {data.oldReplicaSets && (
          <button type="button" className="chip-button nodrag" onClick={(e) => { stop(e); actions?.toggleOldReplicaSets(o.uid); }} onDoubleClick={stop}
            title={data.oldReplicaSets.expanded ? 'Hide old ReplicaSets (scaled to 0)' : 'Show old ReplicaSets (scaled to 0)'} data-testid="toggle-old-rs">
            {data.oldReplicaSets.expanded ? 'hide old' : `+${data.oldReplicaSets.count} old`}
          </button>
        )}
        {data.podsUnfolded && (
          <button type="button" className="chip-button nodrag" onClick={(e) => { stop(e); actions?.togglePods(o.uid); }} onDoubleClick={stop} title="Fold the pods into one node">fold pods</button>
        )}
      </div>
    </>
  );
}

/**
 * The `overview` card: one element, its colour the health; the same test ids and data as the full card.
 * No handle markup: React Flow routes edges from the nodes' `handles`, and these mount by the hundred.
 */
function OverviewCard({ id, kind, name, health, data, selected, extra }: {
  id: string; kind: string; name: string; health: HealthStatus; data: CardData; selected: boolean; extra: (string | false | undefined)[];
}) {
  return (
    <div className={cardClass('topo-card overview', { health }, data, selected, extra)} data-testid="topology-node" data-id={id} data-kind={kind} data-name={name}
      data-health={health.status} title={name} />
  );
}

export const ObjectCard = memo(function ObjectCard({ data, selected }: NodeProps<ObjectFlowNode>) {
  const n = data.node as ObjectNode;
  const o = n.object;
  const detail = useStore(cardDetail);
  const actions = useContext(TopologyActionsContext);
  if (detail === 'overview') return <OverviewCard id={n.id} kind={o.kind} name={o.name} health={n.health} data={data} selected={selected} extra={[n.dimmed && 'dimmed', o.deleting && 'deleting']} />;
  const low = detail === 'low';
  const replicated = REPLICATED_KINDS.has(o.kind) && o.replicas;
  const footnote = low || replicated ? '' : objectFootnote(n);
  const summary = low || replicated ? '' : objectSummary(n, data.usedBy);
  return (
    <div className={cardClass('topo-card', n, data, selected, [n.dimmed && 'dimmed', o.deleting && 'deleting', low && 'low'])}
      data-testid="topology-node" data-id={n.id} data-kind={o.kind} data-name={o.name} data-health={n.health.status}>
      {handles}
      <div className="card-head">
        <KindIcon kind={o.kind} />
        <span className="card-kind">{kindLabel(o.kind)}</span>
        {o.paused && <span className="card-rev">paused</span>}
        <HealthPill health={n.health} />
      </div>
      <div className="card-title">
        <span className="card-name" title={n.namespace ? `${n.namespace}/${o.name}` : o.name}>{o.name}</span>
        {o.revision && <span className="card-rev" title={`Revision ${o.revision} (deployment.kubernetes.io/revision)`} data-testid="revision">rev {o.revision}</span>}
        <NodeBadgeSlot o={o} />
      </div>
      {!low && (replicated ? <ReplicaBody n={n} data={data} /> : (
        <>
          <div className="card-line" title={summary}>{summary}</div>
          {/* Usage, when shown, takes the footnote's line (the card's height is fixed by the layout). */}
          <UsageLine uid={o.uid} kind={o.kind} fallback={footnote && <div className="card-line muted" title={footnote}>{footnote}</div>} />
          {data.podsUnfolded && (
            <div className="card-foot"><span />
              <button type="button" className="chip-button nodrag" onClick={(e) => { stop(e); actions?.togglePods(o.uid); }} onDoubleClick={stop} title="Fold the pods into one node">fold pods</button>
            </div>
          )}
        </>
      ))}
    </div>
  );
});

export const PodGroupCard = memo(function PodGroupCard({ data, selected }: NodeProps<PodGroupFlowNode>) {
  const g = data.node as PodGroupNode;
  const detail = useStore(cardDetail);
  if (detail === 'overview') return <OverviewCard id={g.id} kind="PodGroup" name={g.name} health={g.health} data={data} selected={selected} extra={['pod-group']} />;
  const low = detail === 'low';
  return (
    <div className={cardClass('topo-card pod-group', g, data, selected, [low && 'low'])} data-testid="topology-node" data-id={g.id} data-kind="PodGroup" data-name={g.name}
      data-health={g.health.status} title="Click to show every pod">
      {handles}
      <div className="card-head">
        <KindIcon kind="PodGroup" />
        <span className="card-kind">{g.count} pods</span>
        <HealthPill health={g.health} />
      </div>
      <div className="card-name" title={g.name}>{g.name}</div>
      {!low && (
        <>
          <div className="card-line">{podGroupSummary(g)}</div>
          <div className="card-foot">
            <span className="health-bar" aria-hidden="true">
              {HEALTH_STATES.filter((s) => g.byHealth[s] > 0).map((s) => (
                <span key={s} className={`seg health-${s.toLowerCase()}`} style={{ flexGrow: g.byHealth[s] }} />
              ))}
            </span>
            <span className="foot-hint">show pods</span>
          </div>
        </>
      )}
    </div>
  );
});

/** Namespace titles grow as the user zooms out (up to a cap), so the boxes stay labelled in an overview. */
const titleScale = (s: ReactFlowState) => Math.min(3.2, Math.max(1, 0.9 / s.transform[2]));

export const NamespaceBox = memo(function NamespaceBox({ data }: NodeProps<NamespaceFlowNode>) {
  const scale = useStore(titleScale);
  return (
    <div className="ns-box" data-testid="namespace-group" data-namespace={data.namespace}>
      <div className="ns-title" style={{ transform: `scale(${scale})` }}>
        <span className="ns-label">namespace</span> {data.namespace} <span className="ns-count">{data.count}</span>
      </div>
    </div>
  );
});

export const nodeTypes = { object: ObjectCard, podGroup: PodGroupCard, namespace: NamespaceBox };
