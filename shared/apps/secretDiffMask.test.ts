import { describe, expect, it } from 'vitest';
import { maskSecretPair } from './secretDiffMask';

describe('maskSecretPair', () => {
  it('masks like kubectl diff: same values ***, changed ones (before)/(after), added and removed keys too', () => {
    const live = { kind: 'Secret', metadata: { name: 's', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"a":"x"}}' } }, data: { a: 'eA==', b: 'eQ==', gone: 'eg==' } };
    const desired = { kind: 'Secret', metadata: { name: 's' }, data: { a: 'eA==', b: 'dw==', added: 'dg==' } };
    const [l, d] = maskSecretPair(live, desired);
    expect(l.data).toEqual({ a: '***', b: '*** (before)', gone: '*** (before)' });
    expect(d.data).toEqual({ a: '***', b: '*** (after)', added: '*** (after)' });
    expect(l.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe('***');
    expect(live.data.a).toBe('eA==');
  });
  it('leaves other kinds and a missing side alone', () => {
    const cm = { kind: 'ConfigMap', data: { a: '1' } };
    expect(maskSecretPair(cm, cm)).toEqual([cm, cm]);
    const [l, d] = maskSecretPair(undefined, { kind: 'Secret', data: { a: 'x' } });
    expect(l).toBeUndefined();
    expect(d!.data).toEqual({ a: '*** (after)' });
  });
});
