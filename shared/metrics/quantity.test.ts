import { describe, expect, it } from 'vitest';
import { milliValue, nanoValue, parseQuantity, value } from './quantity';

describe('quantity', () => {
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
