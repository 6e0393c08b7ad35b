import { differingPaths, normalizeForDiff } from './normalizeForDiff';

export type SyncState = 'Synced' | 'OutOfSync' | 'Missing' | 'Extra' | 'Error';

export interface ObjectStatusDecision {
  state: SyncState;
  /** For OutOfSync: where the dry-run result differs from the live object. */
  paths: string[];
  reason: string;
}

/**
 * One desired object's state, from what a server-side-apply dry run of it returned (`wouldBe`) and the
 * live object (absent when it does not exist). Both come from the API server, so defaults are filled
 * on both sides and only real differences remain.
 */
export function decideStatus(wouldBe: Record<string, any> | undefined, live: Record<string, any> | undefined, conflictManagers: string[] = []): ObjectStatusDecision {
  if (!live) return { state: 'Missing', paths: [], reason: 'not in the cluster; a sync creates it' };
  if (!wouldBe) return { state: 'Error', paths: [], reason: 'the dry run returned no object' };
  const paths = differingPaths(normalizeForDiff(live), normalizeForDiff(wouldBe));
  const conflict = conflictManagers.length ? `; fields owned by ${conflictManagers.join(', ')} (a sync needs "take ownership")` : '';
  if (paths.length === 0) return { state: 'Synced', paths, reason: conflictManagers.length ? `matches the source${conflict}` : 'matches the source' };
  return { state: 'OutOfSync', paths, reason: `differs at ${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}${conflict}` };
}

/** The application's summary: OutOfSync when anything differs, is missing or extra; Unknown on errors only. */
export function summarizeSync(states: SyncState[]): 'Synced' | 'OutOfSync' | 'Unknown' {
  if (states.some((s) => s === 'OutOfSync' || s === 'Missing' || s === 'Extra')) return 'OutOfSync';
  if (states.some((s) => s === 'Error')) return 'Unknown';
  return 'Synced';
}

/** The other managers named in a 409 apply conflict's causes: `conflict with "kubectl-scale" using apps/v1: .spec.replicas`. */
export function conflictManagersOf(causes: { message?: string; field?: string }[]): string[] {
  const out = new Set<string>();
  for (const c of causes) {
    const m = /conflict with "([^"]+)"/.exec(c.message ?? '');
    if (m) out.add(m[1]);
  }
  return [...out];
}
