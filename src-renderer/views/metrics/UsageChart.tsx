import type { UsageSample } from '../../../shared/contract/metrics';
import { formatCpu, formatMemory } from '../../../shared/metrics/topFormat';

export type ChartResource = 'cpu' | 'memory';

const W = 240;
const H = 56;
const valueOf = (s: UsageSample, r: ChartResource) => (r === 'cpu' ? s.cpuNanos / 1e6 : s.memoryBytes);
export const formatValue = (v: number, r: ChartResource) => (r === 'cpu' ? formatCpu(Math.ceil(v)) : formatMemory(v));

/**
 * One resource of one container (or node) over the time Wheelhouse has sampled it, with its request
 * and limit (or allocatable) drawn as lines when they fit the scale. Values in millicores or bytes.
 */
export function UsageChart({ title, samples, resource, request, limit, limitLabel = 'limit' }: {
  title: string; samples: UsageSample[]; resource: ChartResource; request?: number; limit?: number; limitLabel?: string;
}) {
  const values = samples.map((s) => valueOf(s, resource));
  const latest = values.at(-1);
  // Lines far above the usage (a node's allocatable) would flatten the curve: draw them only when near.
  const top = Math.max(1e-9, ...values);
  const near = (v?: number) => v !== undefined && v <= top * 4;
  const max = Math.max(top, near(request) ? request! : 0, near(limit) ? limit! : 0) * 1.1;
  const t0 = samples[0]?.at ?? 0;
  const span = Math.max(1, (samples.at(-1)?.at ?? 0) - t0);
  const x = (at: number) => (samples.length < 2 ? W : ((at - t0) / span) * W);
  const y = (v: number) => H - 2 - (v / max) * (H - 4);
  const points = samples.map((s, i) => `${x(s.at).toFixed(1)},${y(values[i]).toFixed(1)}`).join(' ');
  return (
    <div className="mu-chart" data-testid="usage-chart" data-resource={resource} data-samples={samples.length}>
      <div className="mu-chart-head">
        <span>{title}</span>
        <span className="mu-text" title={`latest of ${samples.length} samples`}>{latest === undefined ? '—' : formatValue(latest, resource)}</span>
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={`${title} over ${samples.length} samples`}>
        {samples.length > 1 && <polygon className="mu-area" points={`0,${H} ${points} ${W},${H}`} />}
        {samples.length > 1 ? <polyline className="mu-line" points={points} /> : samples.length === 1 && <circle cx={W - 3} cy={y(values[0])} r={2.5} className="mu-line" />}
        {near(request) && <line className="mu-req" x1={0} x2={W} y1={y(request!)} y2={y(request!)} />}
        {near(limit) && <line className="mu-lim" x1={0} x2={W} y1={y(limit!)} y2={y(limit!)} />}
      </svg>
      <div className="mu-legend muted">
        <span>{samples.length} sample{samples.length === 1 ? '' : 's'}{samples.length ? ` since ${new Date(t0).toLocaleTimeString()}` : ''}</span>
        {request !== undefined && <span className="mu-key-req">request {formatValue(request, resource)}</span>}
        {limit !== undefined && <span className="mu-key-lim">{limitLabel} {formatValue(limit, resource)}</span>}
      </div>
    </div>
  );
}
