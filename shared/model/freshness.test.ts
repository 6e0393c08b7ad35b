import { describe, expect, it } from 'vitest';
import { FRESHNESS_ORDER, worstFreshness } from './freshness';

describe('freshness order', () => {
  it('ranks every state once, live best and error worst', () => {
    expect(new Set(FRESHNESS_ORDER).size).toBe(7);
    expect(FRESHNESS_ORDER[0]).toBe('live');
    expect(FRESHNESS_ORDER.at(-1)).toBe('error');
  });
  it('picks the worst, the first of equals, and nothing from nothing', () => {
    const a = { state: 'stale' as const, since: 'a' }, b = { state: 'stale' as const, since: 'b' };
    expect(worstFreshness([{ state: 'live' }, a, undefined, b, { state: 'syncing' }])).toBe(a);
    expect(worstFreshness([{ state: 'forbidden' }, { state: 'error' }, { state: 'unauthorized' }])?.state).toBe('error');
    expect(worstFreshness([])).toBeUndefined();
  });
});
