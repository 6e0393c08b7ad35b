import { describe, expect, it } from 'vitest';
import { servedKinds } from './servedKinds';

const kinds = [
  { kind: 'Service', group: '', version: 'v1', resource: 'services' },
  { kind: 'Gateway', group: 'gateway.networking.k8s.io', version: 'v1', resource: 'gateways', optional: true as const },
];

describe('servedKinds', () => {
  it('watches an optional kind only when discovery lists it with list and watch', () => {
    expect([...servedKinds(kinds, undefined)]).toEqual(['Service']);
    expect([...servedKinds(kinds, [])]).toEqual(['Service']);
    const gw = { group: 'gateway.networking.k8s.io', version: 'v1', resource: 'gateways', kind: 'Gateway', namespaced: true, verbs: ['get', 'list', 'watch'] };
    expect([...servedKinds(kinds, [gw])]).toEqual(['Service', 'Gateway']);
    expect([...servedKinds(kinds, [{ ...gw, verbs: ['get'] }])]).toEqual(['Service']);
    expect([...servedKinds(kinds, [{ ...gw, version: 'v1beta1' }])]).toEqual(['Service']);
  });
});
