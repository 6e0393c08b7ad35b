import { describe, expect, it } from 'vitest';
import { nextRun } from './cronSchedule';

const at = (s: string) => new Date(s);
describe('nextRun', () => {
  it('steps, lists, ranges and macros', () => {
    expect(nextRun('*/5 * * * *', at('2026-12-07T10:02:30Z'))?.toISOString()).toBe('2026-12-07T10:05:00.000Z');
    expect(nextRun('0 3 * * *', at('2026-12-07T10:02:00Z'))?.toISOString()).toBe('2026-12-08T03:00:00.000Z');
    expect(nextRun('30 9 * * 1-5', at('2026-12-05T10:00:00Z'))?.toISOString()).toBe('2026-12-07T09:30:00.000Z');
    expect(nextRun('@hourly', at('2026-12-07T10:00:00Z'))?.toISOString()).toBe('2026-12-07T11:00:00.000Z');
    expect(nextRun('0 0 1,15 * *', at('2026-12-07T00:00:00Z'))?.toISOString()).toBe('2026-12-15T00:00:00.000Z');
  });
  it('either day field matches when both are restricted', () => {
    expect(nextRun('0 0 13 * 5', at('2026-12-07T00:00:00Z'))?.toISOString()).toBe('2026-12-11T00:00:00.000Z');
  });
  it('refuses what it cannot read', () => {
    expect(nextRun('0 0 * *', at('2026-12-07T00:00:00Z'))).toBeUndefined();
    expect(nextRun('61 * * * *', at('2026-12-07T00:00:00Z'))).toBeUndefined();
  });
});
