import { describe, expect, it } from 'vitest';
import { formatCpu, formatMemory, formatPercent, nodePercent, podMilliCpu } from './topFormat';
import { podResourceTotals, share, shareLabel } from './usageShare';

describe('kubectl top formatting', () => {
  it('sums containers exactly before rounding the pod CPU up', () => {
    // 0.4m + 0.4m = 0.8m → 1m (rounding each first would say 2m)
    expect(podMilliCpu([400_000, 400_000])).toBe(1);
    expect(podMilliCpu([200_000_000])).toBe(200);
    expect(formatCpu(podMilliCpu([1_000_001]))).toBe('2m');
  });
  it('prints memory in whole Mi and node shares truncated', () => {
    expect(formatMemory(41943040)).toBe('40Mi');
    expect(formatMemory(1048575)).toBe('0Mi');
    expect(nodePercent(999, 1000)).toBe(99);
    expect(nodePercent(5, 1_000_000)).toBe(0);
    expect(formatPercent(nodePercent(1, 0))).toBe('<unknown>');
  });
  it('compares usage with summed requests and limits', () => {
    const containers = [
      { resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } } },
      { resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } } },
    ];
    expect(podResourceTotals(containers, 'cpu')).toEqual({ request: 150, limit: undefined });
    expect(podResourceTotals(containers, 'memory')).toEqual({ request: 134217728, limit: 268435456 });
    expect(shareLabel(share(75, 150), 'request')).toBe('50% of request');
    expect(shareLabel(share(75, undefined), 'limit')).toBe('no limit set');
  });
});
