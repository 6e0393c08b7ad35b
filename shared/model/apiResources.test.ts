import { describe, expect, it } from 'vitest';
import { apiResourceRow, filterApiResources } from './apiResources';

describe('kubectl api-resources rows', () => {
  it('prints like kubectl -o wide: core version alone, verbs in discovery order, lists comma separated', () => {
    expect(apiResourceRow({ group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true, verbs: ['list', 'create', 'get'], shortNames: ['po'], categories: ['all'] }))
      .toEqual({ name: 'pods', shortNames: 'po', apiVersion: 'v1', namespaced: 'true', kind: 'Pod', verbs: 'list,create,get', categories: 'all' });
    expect(apiResourceRow({ group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, verbs: [] }).apiVersion).toBe('apps/v1');
  });

  it('filters on any cell', () => {
    const rows = [apiResourceRow({ group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, verbs: ['get'], shortNames: ['deploy'] }),
      apiResourceRow({ group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, verbs: ['get'] })];
    expect(filterApiResources(rows, 'DEPLOY').map((r) => r.name)).toEqual(['deployments']);
    expect(filterApiResources(rows, 'false').map((r) => r.name)).toEqual(['nodes']);
    expect(filterApiResources(rows, '')).toHaveLength(2);
  });
});
