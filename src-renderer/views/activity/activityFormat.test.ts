import { describe, expect, it } from 'vitest';
import { durationText, mergeEntries } from './activityFormat';
import type { ActivityEntry } from '../../../shared/contract/actions';

const e = (id: number): ActivityEntry => ({ id, at: '2026-11-23T10:00:00Z', context: 'c', action: 'scale', target: 'Deployment web', outcome: 'ok', message: '', dryRun: false, durationMs: 5 });

describe('activityFormat', () => {
  it('keeps entries newest first without duplicates, bounded', () => {
    expect(mergeEntries([e(1), e(2)], [e(2), e(3)]).map((x) => x.id)).toEqual([3, 2, 1]);
    expect(mergeEntries([], [e(1), e(2), e(3)], 2).map((x) => x.id)).toEqual([3, 2]);
  });
  it('writes durations', () => {
    expect(durationText(340)).toBe('340 ms');
    expect(durationText(1234)).toBe('1.2 s');
  });
});
