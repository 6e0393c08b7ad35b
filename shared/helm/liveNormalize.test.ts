import { describe, expect, it } from 'vitest';
import { normalizeForDiff, sameObject } from './liveNormalize';

describe('normalizeForDiff (kubectl diff noise)', () => {
  it('strips managedFields, resourceVersion, generation, uid, creationTimestamp and status; sorts keys', () => {
    const live = { kind: 'Deployment', status: { replicas: 3 }, spec: { replicas: 3 }, metadata: { name: 'w', uid: 'u', resourceVersion: '9', generation: 4, creationTimestamp: 't', managedFields: [{}], labels: { a: '1' } } };
    expect(normalizeForDiff(live)).toEqual({ kind: 'Deployment', metadata: { labels: { a: '1' }, name: 'w' }, spec: { replicas: 3 } });
    expect(Object.keys(normalizeForDiff({ z: 1, a: 2 }))).toEqual(['a', 'z']);
  });
  it('compares content, not key order', () => {
    expect(sameObject({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(sameObject({ spec: { replicas: 1 } }, { spec: { replicas: 3 } })).toBe(false);
  });
});
