import { describe, expect, it } from 'vitest';
import { decodeDetails, encodeDetails, withParams } from './detailsLink';

describe('detailsLink', () => {
  it('round-trips a namespaced and a cluster-scoped target', () => {
    const pod = { group: '', version: 'v1', resource: 'pods', namespace: 'demo', name: 'web-1', uid: 'u-1' };
    expect(decodeDetails(encodeDetails(pod))).toEqual(pod);
    const node = { group: '', version: 'v1', resource: 'nodes', name: 'kwok/node 0', uid: '' };
    expect(decodeDetails(encodeDetails(node))).toEqual(node);
    expect(decodeDetails('apps/v1')).toBeUndefined();
  });
  it('replaces query parameters and keeps the rest', () => {
    expect(withParams('#/c/x/r/_/v1/pods?ns=demo', { obj: 'a', tab: undefined })).toBe('#/c/x/r/_/v1/pods?ns=demo&obj=a');
    expect(withParams('#/c/x/overview?ns=demo&obj=a&tab=yaml', { obj: '', tab: '' })).toBe('#/c/x/overview?ns=demo');
  });
});
