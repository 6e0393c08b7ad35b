import type { ObjectNode, PodGroupNode } from '../../../shared/topology/graph';
import type { ReplicaCounts, TopoObject } from '../../../shared/topology/topologyObject';
import { humanDuration } from '../../../shared/model/humanDuration';
import { gatewaySummary } from './gatewayCardText';
import { ROLLOUT_KINDS, SCALABLE_KINDS } from '../../../shared/model/kinds';

/**
 * What a card says under an object's name, as plain strings (React renders them as text). Pure, so
 * the wording is tested without a DOM.
 */

/** Kinds whose card shows replica counts and, for controllers of a rollout, a progress bar. */
export const REPLICATED_KINDS: ReadonlySet<string> = new Set([...SCALABLE_KINDS, ...ROLLOUT_KINDS]);
export { ROLLOUT_KINDS };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface ReplicaStat {
  label: string;
  value: number;
  /** Fewer than desired: drawn in the warning colour. */
  short: boolean;
}

/** desired / updated / ready / available (a ReplicaSet says current instead of updated: it has one template). */
export function replicaStats(kind: string, r: ReplicaCounts): ReplicaStat[] {
  const second = kind === 'ReplicaSet' ? { label: 'current', value: r.current } : { label: 'updated', value: r.updated };
  return [
    { label: 'desired', value: r.desired, short: false },
    { ...second, short: second.value < r.desired },
    { label: 'ready', value: r.ready, short: r.ready < r.desired },
    { label: 'available', value: r.available, short: r.available < r.desired },
  ];
}

export interface RolloutProgress {
  /** 0..1 of desired. */
  updated: number;
  available: number;
  /** Old pods still around (current above updated): a rollout is replacing them. */
  surplus: number;
  rollingOut: boolean;
  label: string;
}

const ratio = (n: number, d: number) => (d <= 0 ? 1 : Math.max(0, Math.min(1, n / d)));

/** The rollout bar of a Deployment/StatefulSet/DaemonSet: updated/desired under available/desired. */
export function rolloutProgress(r: ReplicaCounts): RolloutProgress {
  const rollingOut = r.updated < r.desired || r.available < r.desired || r.current > r.updated;
  const label = r.desired === 0 && r.current === 0
    ? 'scaled to zero'
    : `${r.updated}/${r.desired} updated · ${r.available}/${r.desired} available${r.current > r.updated ? ` · ${r.current - r.updated} old` : ''}`;
  return {
    updated: ratio(r.updated, r.desired),
    available: ratio(r.available, r.desired),
    surplus: Math.max(0, r.current - r.updated),
    rollingOut,
    label,
  };
}

/** Pod: status as kubectl prints it, ready containers, restarts. */
export function podSummary(o: TopoObject): string {
  const p = o.pod;
  if (!p) return '';
  const status = o.deleting ? 'Terminating' : (p.reason ?? p.phase ?? 'Unknown');
  return `${status} · ${p.ready}/${p.total} ready · ${plural(p.restartCount, 'restart')}`;
}

const usage = (usedBy: number | undefined) => (usedBy === undefined ? undefined : usedBy === 0 ? 'not mounted' : `used by ${plural(usedBy, 'pod')}`);

/** The one-line summary of an object's card (empty for kinds with nothing to add). `usedBy`: pods mounting it. */
export function objectSummary(n: ObjectNode, usedBy?: number, now = Date.now()): string {
  const o = n.object;
  switch (o.kind) {
    case 'Pod': return podSummary(o);
    case 'Service': {
      const s = o.service;
      const parts = [s?.type ?? 'ClusterIP'];
      if (s?.ports.length) parts.push(s.ports.slice(0, 2).join(', ') + (s.ports.length > 2 ? ` +${s.ports.length - 2}` : ''));
      if (n.endpoints) parts.push(`${n.endpoints.ready}/${n.endpoints.total} endpoints`);
      else if (!o.selector) parts.push('no selector');
      return parts.join(' · ');
    }
    case 'Ingress': {
      const i = o.ingress;
      const hosts = i?.hosts.length ? i.hosts.slice(0, 2).join(', ') + (i.hosts.length > 2 ? ` +${i.hosts.length - 2}` : '') : '*';
      return `${hosts}${i?.className ? ` · ${i.className}` : ''}`;
    }
    case 'HorizontalPodAutoscaler': {
      const h = o.hpa;
      if (!h) return '';
      const range = `${h.minReplicas ?? 1}–${h.maxReplicas ?? '?'} replicas`;
      return h.currentReplicas !== undefined ? `${range} · now ${h.currentReplicas}${h.desiredReplicas !== undefined && h.desiredReplicas !== h.currentReplicas ? ` → ${h.desiredReplicas}` : ''}` : range;
    }
    case 'Job': {
      const j = o.job;
      if (!j) return '';
      const parts = [`${j.succeeded}/${j.completions ?? 1} succeeded`];
      if (j.active) parts.push(`${j.active} active`);
      if (j.failed) parts.push(`${j.failed} failed`);
      if (o.suspended) parts.push('suspended');
      return parts.join(' · ');
    }
    case 'CronJob': {
      const c = o.cronJob;
      if (!c) return '';
      const parts = [c.schedule ?? '(no schedule)'];
      if (o.suspended) parts.push('suspended');
      else if (c.lastScheduleTime) parts.push(`last ${humanDuration(now - Date.parse(c.lastScheduleTime))} ago`);
      if (c.active) parts.push(`${c.active} active`);
      return parts.join(' · ');
    }
    case 'PersistentVolumeClaim': {
      const c = o.pvc;
      return [c?.phase ?? 'Pending', c?.capacity, c?.storageClass, usage(usedBy)].filter(Boolean).join(' · ');
    }
    case 'PersistentVolume': {
      const v = o.pv;
      return [v?.phase, v?.capacity, v?.claim ? `← ${v.claim.namespace ? `${v.claim.namespace}/` : ''}${v.claim.name}` : undefined].filter(Boolean).join(' · ');
    }
    case 'ConfigMap':
    case 'Secret':
      return usage(usedBy) ?? '';
    default: return gatewaySummary(o) ?? '';
  }
}

/** A line under the summary: where a pod runs, which images a controller runs. */
export function objectFootnote(n: ObjectNode): string {
  const o = n.object;
  if (o.kind === 'Pod') return o.pod?.nodeName ? `on ${o.pod.nodeName}` : 'not scheduled';
  if (o.kind === 'HorizontalPodAutoscaler' && o.hpa) return `→ ${o.hpa.target.kind} ${o.hpa.target.name}`;
  if (o.kind === 'Ingress' && o.ingress?.backends.length) return `→ ${o.ingress.backends.join(', ')}`;
  if ((o.kind === 'Job' || o.kind === 'CronJob') && o.images?.length) return o.images.join(', ');
  return '';
}

/** A pod group's line: how many pods, by health, worst first. */
export function podGroupSummary(g: PodGroupNode): string {
  const order = ['Unknown', 'Degraded', 'Missing', 'Progressing', 'Suspended', 'Healthy'] as const;
  const parts = order.filter((s) => g.byHealth[s] > 0).map((s) => `${g.byHealth[s]} ${s.toLowerCase()}`);
  return parts.join(' · ');
}
