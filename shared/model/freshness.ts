import type { Freshness } from '../contract/resources';

/**
 * Freshness states from best to worst. A view fed by several watches shows the worst of them: a list
 * that cannot be read at all (forbidden, unauthorized, error) outranks one that is merely behind.
 */
export const FRESHNESS_ORDER: readonly Freshness['state'][] = ['live', 'syncing', 'checking', 'reconnecting', 'stale', 'forbidden', 'unauthorized', 'error'];

export const freshnessRank = (state: Freshness['state']): number => FRESHNESS_ORDER.indexOf(state);

/** The worst of several freshness values (the first of equals); undefined for none. */
export function worstFreshness<F extends Pick<Freshness, 'state'>>(all: Iterable<F | undefined>): F | undefined;
export function worstFreshness(all: Iterable<Freshness | undefined>): Freshness | undefined {
  let worst: Freshness | undefined;
  for (const f of all) if (f && (!worst || freshnessRank(f.state) > freshnessRank(worst.state))) worst = f;
  return worst;
}
