import { describe, expect, it } from 'vitest';
import { buildRole, buildRoleBinding, discoveryResolver, type ResourceResolver } from './rbac';

const resolve: ResourceResolver = (r, g) => {
  const table: Record<string, { group: string; resource: string }> = {
    pods: { group: '', resource: 'pods' }, po: { group: '', resource: 'pods' },
    rs: { group: 'apps', resource: 'replicasets' }, deploy: { group: 'apps', resource: 'deployments' },
  };
  const hit = table[r];
  return hit && (g === undefined || g === hit.group) ? hit : undefined;
};

describe('kubectl create role / rolebinding', () => {
  it('role: one rule per group, groups sorted, verbs and names without repeats, short names resolved', () => {
    expect(buildRole({ name: 'r', namespace: 'n', verbs: ['get,list', 'get'], resources: ['rs.apps,pods', 'deploy/scale'], resourceNames: ['a', 'a'] }, resolve).rules).toEqual([
      { apiGroups: [''], resourceNames: ['a'], resources: ['pods'], verbs: ['get', 'list'] },
      { apiGroups: ['apps'], resourceNames: ['a'], resources: ['replicasets', 'deployments/scale'], verbs: ['get', 'list'] },
    ]);
    expect(() => buildRole({ name: 'r', namespace: 'n', verbs: ['fly'], resources: ['pods'] }, resolve)).toThrow(/invalid verb/);
    expect(() => buildRole({ name: 'r', namespace: 'n', verbs: ['get'], resources: ['nope'] }, resolve)).toThrow(/doesn't have a resource type/);
    expect(() => buildRole({ name: 'r', namespace: 'n', verbs: ['bind'], resources: ['pods'] }, resolve)).toThrow(/can not perform 'bind'/);
  });

  it('rolebinding: exactly one role, users, groups, service accounts as namespace:name', () => {
    expect(buildRoleBinding({ name: 'rb', namespace: 'n', role: 'r', users: ['u'], groups: ['g'], serviceAccounts: ['ns:sa'] })).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'rb', namespace: 'n' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'u' },
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'g' },
        { kind: 'ServiceAccount', name: 'sa', namespace: 'ns' },
      ],
    });
    expect(() => buildRoleBinding({ name: 'rb', namespace: 'n', role: 'r', clusterRole: 'c' })).toThrow(/exactly one/);
    expect(() => buildRoleBinding({ name: 'rb', namespace: 'n', clusterRole: 'c', serviceAccounts: ['sa'] })).toThrow(/<namespace>:<name>/);
  });
});

describe('discoveryResolver', () => {
  it('finds a resource by plural, kind or short name, narrowed by group', () => {
    const r = discoveryResolver([{ group: 'apps', resource: 'replicasets', kind: 'ReplicaSet', shortNames: ['rs'] }, { group: 'extensions', resource: 'replicasets', kind: 'ReplicaSet' }]);
    expect(r('rs', undefined)).toEqual({ group: 'apps', resource: 'replicasets' });
    expect(r('replicaset', 'extensions')).toEqual({ group: 'extensions', resource: 'replicasets' });
    expect(r('nope', undefined)).toBeUndefined();
  });
});
