import { describe, expect, it } from 'vitest';
import { barPercent, formatChangeValue, imagesText, parseReplicas } from './rolloutFormat';

describe('rollout panel text', () => {
  it('formats diff values as text', () => {
    expect(formatChangeValue('nginx:1')).toBe('nginx:1');
    expect(formatChangeValue(undefined)).toBe('(absent)');
    expect(formatChangeValue({ a: [1] })).toBe('{"a":[1]}');
    expect(formatChangeValue('<script>')).toBe('<script>');
  });

  it('fills bars against the desired count', () => {
    expect(barPercent(1, 4)).toBe(25);
    expect(barPercent(6, 4)).toBe(100);
    expect(barPercent(0, 0)).toBe(0);
    expect(barPercent(2, 0)).toBe(100);
  });

  it('names images, and parses replica counts strictly', () => {
    expect(imagesText([{ container: 'web', image: 'nginx' }])).toBe('nginx');
    expect(imagesText([{ container: 'a', image: 'x' }, { container: 'b', image: 'y' }])).toBe('a=x, b=y');
    expect(parseReplicas(' 3 ')).toBe(3);
    expect(parseReplicas('100001')).toBeUndefined();
    expect(parseReplicas('-1')).toBeUndefined();
    expect(parseReplicas('1.5')).toBeUndefined();
  });
});
