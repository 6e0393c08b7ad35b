import { useMemo } from 'react';
import type { KubeEventRow } from '../../../shared/contract/resources';
import type { LiveListState } from '../../../shared/model/liveList';
import { hpaSummary } from '../../../shared/metrics/hpaStatus';
import { Age, Section } from '../details/bits';
import './metrics.css';

/** The HPA controller's event reasons about scaling (k8s pkg/controller/podautoscaler). */
const SCALING_REASONS = new Set(['SuccessfulRescale', 'FailedRescale', 'FailedGetResourceMetric', 'FailedComputeMetricsReplicas', 'FailedGetScale']);

/**
 * An HPA's live state: replicas now and wanted, each metric against its target, its conditions in
 * plain words, and its recent scaling events. The object and events are the details panel's own
 * live copies, so this follows the controller without a click.
 */
export function HpaSection({ obj, events, now }: { obj: any; events: LiveListState<KubeEventRow>; now: number }) {
  const s = useMemo(() => hpaSummary(obj), [obj]);
  const rescales = [...events.items.values()]
    .filter((e) => SCALING_REASONS.has(e.reason ?? ''))
    .sort((a, b) => String(b.lastTimestamp ?? b.firstTimestamp ?? '').localeCompare(String(a.lastTimestamp ?? a.firstTimestamp ?? '')))
    .slice(0, 6);
  return (
    <Section title="Autoscaling" testId="hpa-section">
      <div className="mu-hpa-replicas">
        <span>current <strong data-testid="hpa-current">{s.currentReplicas ?? '—'}</strong></span>
        <span>desired <strong data-testid="hpa-desired">{s.desiredReplicas ?? '—'}</strong></span>
        <span className="muted">min {s.minReplicas} · max {s.maxReplicas ?? '—'}</span>
        {s.lastScaleTime && <span className="muted">last scaled <Age ts={s.lastScaleTime} now={now} /> ago</span>}
      </div>
      <table className="mu-table" data-testid="hpa-metrics">
        <thead><tr><th>Metric</th><th>Current</th><th>Target</th></tr></thead>
        <tbody>{s.metrics.map((m) => <tr key={m.name}><td>{m.name}</td><td data-testid="hpa-metric-current">{m.current}</td><td>{m.target}</td></tr>)}</tbody>
      </table>
      <table className="mu-table" data-testid="hpa-conditions">
        <tbody>{s.conditions.map((c) => <tr key={c.type} className={c.status === 'True' || c.type === 'ScalingLimited' ? '' : 'mu-cond-false'}><td>{c.type}</td><td>{c.words}</td></tr>)}</tbody>
      </table>
      <div className="dp-sub">Recent scaling</div>
      {rescales.length === 0 ? <div className="muted">No scaling events kept (events expire after an hour).</div> : (
        <table className="mu-table" data-testid="hpa-events">
          <tbody>{rescales.map((e) => <tr key={e.uid}><td><Age ts={e.lastTimestamp ?? e.firstTimestamp} now={now} /></td><td>{e.reason}</td><td>{e.message}</td></tr>)}</tbody>
        </table>
      )}
    </Section>
  );
}
