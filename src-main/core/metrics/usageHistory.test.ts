import { describe, expect, it } from 'vitest';
import { HistoryBudget, ScopeHistory } from './usageHistory';

const u = (milli: number, mi: number) => ({ cpuNanos: milli * 1e6, memoryBytes: mi * 1048576 });

describe('ScopeHistory', () => {
  it('keeps the last `capacity` samples per series, oldest first, in kubectl top units', () => {
    const h = new ScopeHistory(3, new HistoryBudget(1e6));
    for (let i = 1; i <= 5; i++) h.record(i * 1000, [['web-1', [['web', u(i * 10, 40)]]]]);
    expect(h.history('web-1')).toEqual([{ key: 'web', samples: [
      { at: 3000, ...u(30, 40) }, { at: 4000, ...u(40, 40) }, { at: 5000, ...u(50, 40) },
    ] }]);
  });
  it('skips rounds where an object was absent and forgets it after a whole ring', () => {
    const h = new ScopeHistory(3, new HistoryBudget(1e6));
    h.record(1000, [['a', [['c', u(1, 1)]]], ['b', [['c', u(2, 2)]]]]);
    h.record(2000, [['a', [['c', u(1, 1)]]]]);
    expect(h.history('b')[0].samples.map((s) => s.at)).toEqual([1000]);
    h.record(3000, [['a', [['c', u(1, 1)]]]]);
    h.record(4000, [['a', [['c', u(1, 1)]]]]);
    expect(h.history('b')).toEqual([]);
    expect(h.objects).toBe(1);
  });
  it('stops adding series past the shared byte budget and gives the bytes back when cleared', () => {
    const budget = new HistoryBudget(240 * 4 * 2);
    const h = new ScopeHistory(240, budget);
    h.record(1, [['a', [['c', u(1, 1)]]], ['b', [['c', u(1, 1)]]], ['c', [['c', u(1, 1)]]]]);
    expect(h.objects).toBe(2);
    expect(budget.used).toBe(240 * 4 * 2);
    h.clear();
    expect(budget.used).toBe(0);
  });
  it('saturates instead of wrapping for pods using more than 16 bits can hold', () => {
    const h = new ScopeHistory(2, new HistoryBudget(1e6));
    h.record(1, [['big', [['c', u(70_000, 1)]]]]);
    expect(h.history('big')[0].samples[0].cpuNanos).toBe(65_534 * 1e6);
  });
  it('sums several objects per round, every container of each, counting those sampled', () => {
    const h = new ScopeHistory(4, new HistoryBudget(1e6));
    h.record(1000, [['web-1', [['app', u(10, 20)], ['side', u(1, 2)]]], ['web-2', [['app', u(20, 30)]]], ['other', [['app', u(500, 500)]]]]);
    h.record(2000, [['web-1', [['app', u(15, 20)], ['side', u(1, 2)]]]]);
    h.record(3000, [['other', [['app', u(500, 500)]]]]);
    expect(h.sumOf(['web-1', 'web-2', 'gone'], 'pods')).toEqual({ key: 'pods', samples: [
      { at: 1000, ...u(31, 52), count: 2 }, { at: 2000, ...u(16, 22), count: 1 },
    ] });
  });
});
