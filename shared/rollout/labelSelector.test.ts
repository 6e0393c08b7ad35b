import { describe, expect, it } from 'vitest';
import { isControlledBy, labelSelectorString } from './labelSelector';

describe('labelSelectorString', () => {
  it('renders matchLabels and expressions sorted by key', () => {
    expect(labelSelectorString({ matchLabels: { b: '2', a: '1' } })).toBe('a=1,b=2');
    expect(labelSelectorString({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['front', 'back'] },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists' },
      ],
    })).toBe('app=web,!canary,env notin (dev),tier in (back,front),zone');
  });

  it('is empty for an empty selector and rejects unknown operators', () => {
    expect(labelSelectorString({})).toBe('');
    expect(() => labelSelectorString({ matchExpressions: [{ key: 'a', operator: 'Gt' }] })).toThrow(/not a valid/);
  });
});

describe('isControlledBy', () => {
  const owner = { metadata: { uid: 'u1' } };
  it('needs a controller reference with the owner uid', () => {
    expect(isControlledBy({ metadata: { ownerReferences: [{ uid: 'u1', controller: true }] } }, owner)).toBe(true);
    expect(isControlledBy({ metadata: { ownerReferences: [{ uid: 'u1' }] } }, owner)).toBe(false);
    expect(isControlledBy({ metadata: { ownerReferences: [{ uid: 'u2', controller: true }] } }, owner)).toBe(false);
    expect(isControlledBy({ metadata: {} }, { metadata: {} })).toBe(false);
  });
});
