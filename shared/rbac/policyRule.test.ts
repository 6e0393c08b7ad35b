import { describe, expect, it } from 'vitest';
import { ruleAllows } from './policyRule';

const pods = { verb: 'get', group: '', resource: 'pods', namespace: 'demo' };

describe('ruleAllows', () => {
  it('matches verb, group and resource exactly or by *', () => {
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }, pods)).toBe(true);
    expect(ruleAllows({ verbs: ['list'], apiGroups: [''], resources: ['pods'] }, pods)).toBe(false);
    expect(ruleAllows({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, pods)).toBe(true);
    expect(ruleAllows({ verbs: ['get'], apiGroups: ['apps'], resources: ['pods'] }, pods)).toBe(false);
  });
  it('treats subresources as their own resource, with */sub for any resource', () => {
    const log = { ...pods, subresource: 'log' };
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }, log)).toBe(false);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, log)).toBe(true);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['*/log'] }, log)).toBe(true);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['*/log'] }, pods)).toBe(false);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['*'] }, log)).toBe(true);
  });
  it('limits to resourceNames only a request that names one', () => {
    const rule = { verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] };
    expect(ruleAllows(rule, { ...pods, name: 'a' })).toBe(true);
    expect(ruleAllows(rule, { ...pods, name: 'b' })).toBe(false);
    expect(ruleAllows(rule, pods)).toBe(false);
  });
  it('matches non-resource URLs exactly, by * and by a trailing * prefix', () => {
    expect(ruleAllows({ verbs: ['get'], nonResourceURLs: ['/healthz'] }, { verb: 'get', nonResourceURL: '/healthz' })).toBe(true);
    expect(ruleAllows({ verbs: ['get'], nonResourceURLs: ['/healthz/*'] }, { verb: 'get', nonResourceURL: '/healthz/etcd' })).toBe(true);
    expect(ruleAllows({ verbs: ['get'], nonResourceURLs: ['/healthz'] }, { verb: 'get', nonResourceURL: '/livez' })).toBe(false);
    expect(ruleAllows({ verbs: ['get'], apiGroups: ['*'], resources: ['*'] }, { verb: 'get', nonResourceURL: '/livez' })).toBe(false);
  });
});
