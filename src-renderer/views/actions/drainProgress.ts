import type { DrainEvent, DrainResult } from '../../../shared/contract/actions';

// The state of a drain as its events arrive: one row per pod to evict, what was skipped or refused,
// and the final report. Pure, tested beside.

/** `untouched`: the drain ended (refused, cancelled, failed) before this pod's eviction began. */
export type PodDrainState = 'pending' | 'evicting' | 'retrying' | 'evicted' | 'gone' | 'blocked' | 'failed' | 'untouched';

export interface DrainPodRow { namespace: string; name: string; state: PodDrainState; message?: string; attempt?: number }

export interface DrainProgress {
  phase: 'starting' | 'cordoned' | 'evicting' | 'done' | 'cancelled' | 'error';
  cordonChanged?: boolean;
  pods: DrainPodRow[];
  skipped: { namespace: string; name: string; reason: string }[];
  refused: { namespace: string; name: string; reason: string }[];
  result?: DrainResult;
  error?: string;
}

export const initialDrain: DrainProgress = { phase: 'starting', pods: [], skipped: [], refused: [] };

export function applyDrainEvent(s: DrainProgress, e: DrainEvent): DrainProgress {
  switch (e.type) {
    case 'cordoned': return { ...s, phase: 'cordoned', cordonChanged: e.changed };
    case 'plan': return {
      ...s, phase: 'evicting', skipped: e.skipped, refused: e.refused,
      pods: e.evict.map((p) => ({ namespace: p.namespace, name: p.name, state: 'pending' })),
    };
    case 'pod': {
      const key = `${e.pod.namespace}/${e.pod.name}`;
      const row: DrainPodRow = { namespace: e.pod.namespace, name: e.pod.name, state: e.state, ...(e.message ? { message: e.message } : {}), ...(e.attempt ? { attempt: e.attempt } : {}) };
      const known = s.pods.some((p) => `${p.namespace}/${p.name}` === key);
      return { ...s, pods: known ? s.pods.map((p) => (`${p.namespace}/${p.name}` === key ? row : p)) : [...s.pods, row] };
    }
    case 'done': {
      // The report is the truth at the end: rows still open take the state it gives them.
      const r = e.result;
      const final = new Map<string, DrainPodRow>();
      for (const p of r.evicted) final.set(`${p.namespace}/${p.name}`, { ...p, state: 'evicted' });
      for (const p of r.blocked) final.set(`${p.namespace}/${p.name}`, { namespace: p.namespace, name: p.name, state: 'blocked', message: p.reason });
      for (const p of r.failed) final.set(`${p.namespace}/${p.name}`, { namespace: p.namespace, name: p.name, state: 'failed', message: p.reason });
      // A row the report does not settle never stays "waiting": the drain is over, it was not evicted.
      const pods = s.pods.map((p): DrainPodRow => {
        const f = final.get(`${p.namespace}/${p.name}`);
        if (f && p.state !== 'gone') return { ...p, state: f.state, message: f.message ?? p.message };
        if (p.state === 'pending' || p.state === 'evicting' || p.state === 'retrying') return { ...p, state: 'untouched', message: `not evicted: the drain ended ${r.outcome}` };
        return p;
      });
      return { ...s, phase: r.outcome === 'cancelled' ? 'cancelled' : 'done', pods, skipped: r.skipped, refused: r.refused, result: r };
    }
  }
}

/** The pods a drain could not move, with why: PDB-blocked, failed, or refused (no controller, local data). */
export function notEvicted(s: DrainProgress): { namespace: string; name: string; why: string; kind: 'blocked' | 'failed' | 'refused' }[] {
  const r = s.result;
  if (!r) return [];
  return [
    ...r.blocked.map((p) => ({ namespace: p.namespace, name: p.name, why: p.reason, kind: 'blocked' as const })),
    ...r.failed.map((p) => ({ namespace: p.namespace, name: p.name, why: p.reason, kind: 'failed' as const })),
    ...r.refused.map((p) => ({ namespace: p.namespace, name: p.name, why: p.reason, kind: 'refused' as const })),
  ];
}
