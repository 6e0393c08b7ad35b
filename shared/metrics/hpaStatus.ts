// An HorizontalPodAutoscaler (autoscaling/v2) in the terms a person checks: replicas now and wanted,
// each metric's current value against its target (as `kubectl describe hpa` pairs them), and the
// three conditions in plain words.
import { formatMemory } from './topFormat';
import { milliValue, value } from '../model/quantity';

export interface HpaMetricLine { name: string; current: string; target: string }
export interface HpaConditionLine { type: string; status: string; reason?: string; words: string }
export interface HpaSummary {
  currentReplicas?: number;
  desiredReplicas?: number;
  minReplicas: number;
  maxReplicas?: number;
  metrics: HpaMetricLine[];
  conditions: HpaConditionLine[];
  lastScaleTime?: string;
}

const quantity = (resource: string, q: string | undefined) => {
  if (q === undefined) return '<unknown>';
  try { return resource === 'memory' ? formatMemory(value(q)) : `${milliValue(q)}m`; } catch { return q; }
};

function metricName(spec: any): string {
  switch (spec?.type) {
    case 'Resource': return `resource ${spec.resource?.name}`;
    case 'ContainerResource': return `resource ${spec.containerResource?.name} of container ${spec.containerResource?.container}`;
    case 'Pods': return `pods metric ${spec.pods?.metric?.name}`;
    case 'Object': return `${spec.object?.metric?.name} on ${spec.object?.describedObject?.kind}/${spec.object?.describedObject?.name}`;
    case 'External': return `external metric ${spec.external?.metric?.name}`;
    default: return String(spec?.type ?? 'metric');
  }
}

const sourceOf = (m: any) => m?.resource ?? m?.containerResource ?? m?.pods ?? m?.object ?? m?.external;

function target(spec: any): string {
  const t = sourceOf(spec)?.target ?? {};
  const res = sourceOf(spec)?.name ?? '';
  if (t.type === 'Utilization') return `${t.averageUtilization}% of request`;
  if (t.type === 'AverageValue') return `${quantity(res, t.averageValue)} per pod`;
  return quantity(res, t.value);
}

function current(spec: any, status: any): string {
  const c = sourceOf(status)?.current;
  if (!c) return '<unknown>';
  const res = sourceOf(spec)?.name ?? '';
  const t = sourceOf(spec)?.target ?? {};
  if (t.type === 'Utilization') return `${c.averageUtilization ?? '<unknown>'}% (${quantity(res, c.averageValue)} per pod)`;
  if (t.type === 'AverageValue') return `${quantity(res, c.averageValue)} per pod`;
  return quantity(res, c.value);
}

const sameMetric = (a: any, b: any) => a?.type === b?.type && (sourceOf(a)?.name ?? sourceOf(a)?.metric?.name) === (sourceOf(b)?.name ?? sourceOf(b)?.metric?.name)
  && (a?.containerResource?.container ?? '') === (b?.containerResource?.container ?? '');

const WORDS: Record<string, Record<string, string>> = {
  AbleToScale: { True: 'Can change the replica count', False: 'Cannot change the replica count right now' },
  ScalingActive: { True: 'Reading its metrics and computing a replica count', False: 'Not scaling: it cannot compute a replica count' },
  ScalingLimited: { True: 'Held at its minimum or maximum', False: 'Within its minimum and maximum' },
};

export function hpaSummary(hpa: any): HpaSummary {
  const spec = hpa?.spec ?? {};
  const st = hpa?.status ?? {};
  const statusMetrics: any[] = Array.isArray(st.currentMetrics) ? st.currentMetrics : [];
  return {
    currentReplicas: st.currentReplicas,
    desiredReplicas: st.desiredReplicas,
    minReplicas: spec.minReplicas ?? 1,
    maxReplicas: spec.maxReplicas,
    metrics: (Array.isArray(spec.metrics) ? spec.metrics : []).map((m: any) => ({
      name: metricName(m), target: target(m), current: current(m, statusMetrics.find((s) => sameMetric(m, s))),
    })),
    conditions: (Array.isArray(st.conditions) ? st.conditions : []).map((c: any) => ({
      type: String(c.type), status: String(c.status), reason: c.reason,
      words: `${WORDS[c.type]?.[c.status] ?? `${c.type} is ${c.status}`}${c.message ? `: ${c.message}` : ''}`,
    })),
    lastScaleTime: st.lastScaleTime,
  };
}
