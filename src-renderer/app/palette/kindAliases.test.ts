import { describe, expect, it } from 'vitest';
import { kindAliases } from './kindAliases';
import type { ApiResourceInfo } from '../../../shared/contract/clusters';

const r = (group: string, resource: string, kind: string, extra: Partial<ApiResourceInfo> = {}): ApiResourceInfo =>
  ({ group, version: 'v1', resource, kind, namespaced: true, verbs: ['list', 'watch'], ...extra });

describe('kindAliases', () => {
  const discovery = [
    r('', 'pods', 'Pod', { shortNames: ['po'], categories: ['all'] }),
    r('apps', 'deployments', 'Deployment', { shortNames: ['deploy'], categories: ['all'] }),
    r('', 'pods/log', 'Pod'),
    r('', 'events', 'Event', { shortNames: ['ev'] }),
    r('events.k8s.io', 'events', 'Event', { shortNames: ['ev'] }),
    r('demo.wheelhouse.dev', 'widgets', 'Widget', { shortNames: ['wdg'], categories: ['demo', 'all'] }),
  ];
  const a = kindAliases(discovery);
  it('plural, singular and the short names discovery reports', () => {
    expect(a.get('po')?.map((k) => k.resource)).toEqual(['pods']);
    expect(a.get('pod')?.map((k) => k.resource)).toEqual(['pods']);
    expect(a.get('deploy')?.map((k) => k.kind)).toEqual(['Deployment']);
    expect(a.get('wdg')?.map((k) => k.group)).toEqual(['demo.wheelhouse.dev']);
    expect(a.get('deployments.apps')?.map((k) => k.resource)).toEqual(['deployments']);
  });
  it('categories name every kind in them; subresources are not kinds', () => {
    expect(a.get('all')?.map((k) => k.resource).sort()).toEqual(['deployments', 'pods', 'widgets']);
    expect(a.get('demo')?.map((k) => k.resource)).toEqual(['widgets']);
    expect([...a.keys()].some((k) => k.includes('/'))).toBe(false);
  });
  it('a plural served by two groups lists the core group first', () => {
    expect(a.get('ev')?.map((k) => k.group)).toEqual(['', 'events.k8s.io']);
  });
});
