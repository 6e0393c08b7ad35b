import { describe, expect, it } from 'vitest';
import { sumByNamespace } from './namespaceUsage';

const pod = (namespace: string, name: string, timestamp: string, ...c: [number, number][]) =>
  ({ namespace, name, timestamp, window: '15s', containers: c.map(([cpuNanos, memoryBytes], i) => ({ name: `c${i}`, cpuNanos, memoryBytes })) });

describe('sumByNamespace', () => {
  it('adds every container of every pod per namespace, counts pods, keeps the newest window', () => {
    expect(sumByNamespace([
      pod('b', 'x', '2026-01-01T00:00:10Z', [1_500_000, 10]),
      pod('a', 'y', '2026-01-01T00:00:00Z', [100, 1], [200, 2]),
      pod('b', 'z', '2026-01-01T00:00:20Z', [500_000, 5]),
    ])).toEqual([
      { name: 'a', pods: 1, cpuNanos: 300, memoryBytes: 3, timestamp: '2026-01-01T00:00:00Z' },
      { name: 'b', pods: 2, cpuNanos: 2_000_000, memoryBytes: 15, timestamp: '2026-01-01T00:00:20Z' },
    ]);
  });
  it('is empty without pods', () => expect(sumByNamespace([])).toEqual([]));
});
