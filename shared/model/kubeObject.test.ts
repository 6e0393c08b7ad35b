import { describe, expect, it } from 'vitest';
import { isControlledBy } from './kubeObject';

describe('isControlledBy', () => {
  const owner = { metadata: { uid: 'u1' } };
  it('needs a controller reference with the owner uid', () => {
    expect(isControlledBy({ metadata: { ownerReferences: [{ uid: 'u1', controller: true }] } }, owner)).toBe(true);
    expect(isControlledBy({ metadata: { ownerReferences: [{ uid: 'u1' }] } }, owner)).toBe(false);
    expect(isControlledBy({ metadata: { ownerReferences: [{ uid: 'u2', controller: true }] } }, owner)).toBe(false);
    expect(isControlledBy({ metadata: {} }, { metadata: {} })).toBe(false);
  });
});
