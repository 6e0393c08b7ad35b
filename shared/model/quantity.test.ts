import { describe, expect, it } from 'vitest';
import { formatCpu, formatMemory, parseQuantity, podResources } from './quantity';

describe('quantity', () => {
  it('parses decimal and binary suffixes', () => {
    expect(parseQuantity('250m')).toBeCloseTo(0.25);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('64Mi')).toBe(64 * 1024 ** 2);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('x')).toBeUndefined();
  });
  it('formats sums as kubectl does', () => {
    expect(formatCpu(0.35)).toBe('350m');
    expect(formatCpu(2)).toBe('2');
    expect(formatMemory(192 * 1024 ** 2)).toBe('192Mi');
    expect(formatMemory(2 * 1024 ** 3)).toBe('2Gi');
    expect(formatMemory(0)).toBe('0');
  });
  it('takes init containers as a floor and adds overhead', () => {
    const pod = { spec: {
      containers: [{ resources: { requests: { cpu: '100m', memory: '64Mi' } } }, { resources: { requests: { cpu: '200m' } } }],
      initContainers: [{ resources: { requests: { cpu: '500m' } } }],
      overhead: { memory: '16Mi' },
    } };
    const r = podResources(pod, 'requests');
    expect(r.cpu).toBeCloseTo(0.5);
    expect(r.memory).toBe(80 * 1024 ** 2);
  });
});
