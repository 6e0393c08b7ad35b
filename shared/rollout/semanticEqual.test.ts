import { describe, expect, it } from 'vitest';
import { normalize, semanticEqual } from './semanticEqual';

describe('semanticEqual', () => {
  it('treats missing, null, empty maps and empty lists as the same zero value', () => {
    expect(semanticEqual({ a: 1 }, { a: 1, b: null })).toBe(true);
    expect(semanticEqual({ a: 1, labels: {} }, { a: 1 })).toBe(true);
    expect(semanticEqual({ a: 1, args: [] }, { a: 1 })).toBe(true);
    expect(semanticEqual({ metadata: { creationTimestamp: null } }, {})).toBe(true);
  });

  it('ignores key order but not list order', () => {
    expect(semanticEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(semanticEqual({ l: [1, 2] }, { l: [2, 1] })).toBe(false);
  });

  it('sees real differences at any depth', () => {
    expect(semanticEqual({ s: { c: [{ image: 'a' }] } }, { s: { c: [{ image: 'b' }] } })).toBe(false);
    expect(semanticEqual({ a: 0 }, {})).toBe(false);
    expect(semanticEqual({ a: false }, { a: 'false' })).toBe(false);
    expect(semanticEqual([1], [1, 2])).toBe(false);
  });

  it('keeps list slots when normalizing', () => {
    expect(normalize([{}, { a: 1 }])).toEqual([null, { a: 1 }]);
  });
});
