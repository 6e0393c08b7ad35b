import { describe, expect, it } from 'vitest';
import { formatCpu, formatMemory, milliValue, nanoValue, parseQuantity, podResources, quantityNumber, value } from './quantity';

describe('quantity', () => {
  it('parses decimal and binary suffixes', () => {
    expect(quantityNumber('250m')).toBeCloseTo(0.25);
    expect(quantityNumber('2')).toBe(2);
    expect(quantityNumber('64Mi')).toBe(64 * 1024 ** 2);
    expect(quantityNumber('1G')).toBe(1e9);
    expect(quantityNumber('1e3')).toBe(1000);
    expect(quantityNumber('x')).toBeUndefined();
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

  describe('exact reading', () => {
    it('reads the metrics API forms exactly', () => {
      expect(nanoValue('1234567n')).toBe(1234567);
      expect(milliValue('1234567n')).toBe(2); // 1.234567m rounds up, as Quantity.MilliValue does
      expect(milliValue('250m')).toBe(250);
      expect(milliValue('1')).toBe(1000);
      expect(milliValue('1.5')).toBe(1500);
      expect(milliValue('2k')).toBe(2_000_000);
      expect(value('40Mi')).toBe(41943040);
      expect(value('1024Ki')).toBe(1048576);
      expect(value('4Ti')).toBe(4 * 1024 ** 4);
      expect(value('1e3')).toBe(1000);
      expect(value('100m')).toBe(1); // fractional bytes round up
      expect(value('1.5Gi')).toBe(1610612736);
    });
    it('says what a quantity looks like when the text is not one', () => {
      expect(() => parseQuantity('12 cores')).toThrow(/not a Kubernetes quantity/);
      expect(() => parseQuantity('')).toThrow(/not a Kubernetes quantity/);
    });
  });
});
