import { describe, expect, it } from 'vitest';
import { FRESHNESS_ORDER, worstFreshness } from './freshness';
import { Freshness } from '../contract/resources';

describe('freshness order', () => {
  it('ranks every state once, live best and error worst', () => {
    // Every state of the contract's enum, each once.
    expect(new Set(FRESHNESS_ORDER)).toEqual(new Set(Freshness.shape.state.options));
    expect(FRESHNESS_ORDER).toHaveLength(Freshness.shape.state.options.length);
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
