import { useTopicValue } from '../../data/clientContext';
import { milliValue, value } from '../../../shared/model/quantity';
import { labelSelectorString, readLabelSelector } from '../../../shared/model/labelSelector';
import { nodeAllocatable } from '../../../shared/metrics/usageShare';
import { Section } from '../details/bits';
import { UsageChart } from './UsageChart';
import './metrics.css';

/** The pods a workload selects, as `kubectl get pods -l` takes it (a ReplicationController's is a plain map). */
function workloadSelector(obj: any): string | undefined {
  const sel = readLabelSelector(obj?.spec?.selector);
  if (!sel || !obj?.spec?.template) return undefined;
  try {
    return labelSelectorString(sel) || undefined;
  } catch {
    return undefined; // an operator the API server would have refused: nothing to match
  }
}

const read = (q: string | undefined, f: (s: string) => number) => { try { return q === undefined ? undefined : f(q); } catch { return undefined; } };

/**
 * Usage over time in a pod's, workload's or node's details: per container (or the node, or the sum of
 * the workload's pods), CPU and memory as the core sampled them while connected, with requests and
 * limits (or allocatable) as lines; or why there is nothing to draw.
 */
export function UsageSection({ context, obj }: { context: string; obj: any }) {
  const kind = obj?.kind as string;
  const name = obj?.metadata?.name as string;
  const namespace = obj?.metadata?.namespace as string | undefined;
  const selector = workloadSelector(obj);
  const params = kind === 'Pod' && namespace ? { context, kind: 'Pod' as const, namespace, name }
    : kind === 'Node' ? { context, kind: 'Node' as const, name }
      : namespace && selector ? { context, kind: 'Workload' as const, namespace, name, selector } : undefined;
  const ev = useTopicValue('metrics.history', params);
  if (!params) return null;
  let body;
  if (!ev) body = <div className="muted">Reading the metrics API…</div>;
  else if (ev.type === 'unavailable') body = <div className="mu-note" role="status" data-testid="usage-unavailable" data-reason={ev.unavailable.reason}>{ev.unavailable.message}</div>;
  else if (kind === 'Pod') {
    const containers: any[] = obj?.spec?.containers ?? [];
    body = (
      <div className="mu-charts">
        {ev.series.flatMap((s) => {
          const res = containers.find((c) => c?.name === s.key)?.resources ?? {};
          return [
            <UsageChart key={`${s.key}-cpu`} title={`${s.key} · CPU`} samples={s.samples} resource="cpu" request={read(res.requests?.cpu, milliValue)} limit={read(res.limits?.cpu, milliValue)} />,
            <UsageChart key={`${s.key}-mem`} title={`${s.key} · memory`} samples={s.samples} resource="memory" request={read(res.requests?.memory, value)} limit={read(res.limits?.memory, value)} />,
          ];
        })}
      </div>
    );
  } else if (params.kind === 'Workload') {
    const s = ev.series[0];
    body = (
      <div className="mu-charts" data-testid="workload-usage">
        <UsageChart title={`${name}'s pods · CPU`} samples={s?.samples ?? []} resource="cpu" />
        <UsageChart title={`${name}'s pods · memory`} samples={s?.samples ?? []} resource="memory" />
      </div>
    );
  } else {
    const a = nodeAllocatable(obj?.status?.allocatable) ?? {};
    const s = ev.series[0];
    body = (
      <div className="mu-charts">
        <UsageChart title="CPU" samples={s?.samples ?? []} resource="cpu" limit={a.cpuMilli} limitLabel="allocatable" />
        <UsageChart title="Memory" samples={s?.samples ?? []} resource="memory" limit={a.memoryBytes} limitLabel="allocatable" />
      </div>
    );
  }
  return <Section title="Usage while connected" testId="usage-section">{body}</Section>;
}
