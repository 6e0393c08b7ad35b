import { describe, expect, it } from 'vitest';
import { bindingProblems, bindingsOfRole, boundRoles, grantsFor, whoCan } from './rbacGrants';
import { identityOf, serviceAccountUser } from './identity';
import type { RbacObjects } from './rbacObjects';

const objs: RbacObjects = {
  roles: [{ kind: 'Role', name: 'reader', namespace: 'a', uid: 'r1', rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }] }],
  clusterRoles: [
    { kind: 'ClusterRole', name: 'nodes', uid: 'c1', rules: [{ verbs: ['list'], apiGroups: [''], resources: ['nodes'] }] },
    { kind: 'ClusterRole', name: 'deleter', uid: 'c2', rules: [{ verbs: ['delete'], apiGroups: [''], resources: ['pods'] }] },
  ],
  roleBindings: [
    { kind: 'RoleBinding', name: 'rb', namespace: 'a', uid: 'b1', roleRef: { kind: 'Role', name: 'reader' }, subjects: [{ kind: 'ServiceAccount', name: 'bot' }, { kind: 'Group', name: 'system:serviceaccounts:a' }] },
    { kind: 'RoleBinding', name: 'rb2', namespace: 'b', uid: 'b2', roleRef: { kind: 'ClusterRole', name: 'deleter' }, subjects: [{ kind: 'User', name: 'alice' }] },
    { kind: 'RoleBinding', name: 'dangling', namespace: 'b', uid: 'b3', roleRef: { kind: 'Role', name: 'gone' }, subjects: [{ kind: 'ServiceAccount', name: 'ghost', namespace: 'b' }] },
  ],
  clusterRoleBindings: [{ kind: 'ClusterRoleBinding', name: 'crb', uid: 'b4', roleRef: { kind: 'ClusterRole', name: 'nodes' }, subjects: [{ kind: 'Group', name: 'system:authenticated' }] }],
  serviceAccounts: ['a/bot'],
};

describe('RBAC grants', () => {
  it('a RoleBinding grants only in its namespace, never cluster-wide', () => {
    const bot = identityOf(serviceAccountUser('a', 'bot'));
    expect(grantsFor(objs, bot, { verb: 'list', group: '', resource: 'pods', namespace: 'a' }).map((g) => g.binding.name)).toEqual(['rb']);
    expect(grantsFor(objs, bot, { verb: 'list', group: '', resource: 'pods', namespace: 'b' })).toEqual([]);
    expect(grantsFor(objs, bot, { verb: 'list', group: '', resource: 'pods' })).toEqual([]);
    // The implicit group system:authenticated reaches the ClusterRoleBinding.
    expect(grantsFor(objs, bot, { verb: 'list', group: '', resource: 'nodes' }).map((g) => g.binding.name)).toEqual(['crb']);
  });
  it('whoCan lists every subject once with the namespace a ServiceAccount defaults to', () => {
    expect(whoCan(objs, { verb: 'get', group: '', resource: 'pods', namespace: 'a' }).map((s) => s.key)).toEqual(['Group system:serviceaccounts:a', 'ServiceAccount a/bot']);
    expect(whoCan(objs, { verb: 'delete', group: '', resource: 'pods', namespace: 'b' }).map((s) => s.key)).toEqual(['User alice']);
  });
  it('boundRoles gives an identity its bindings, a missing role included', () => {
    const ghost = identityOf(serviceAccountUser('b', 'ghost'));
    const bound = boundRoles(objs, ghost);
    expect(bound.map((b) => [b.binding.name, !!b.role])).toEqual([['crb', true], ['dangling', false]]);
    expect(bindingsOfRole(objs, { kind: 'ClusterRole', name: 'deleter' }).map((b) => b.name)).toEqual(['rb2']);
  });
  it('flags bindings to missing roles and ServiceAccounts', () => {
    expect(bindingProblems(objs).map((p) => p.problem)).toEqual(['Role gone does not exist in namespace b.', 'ServiceAccount b/ghost does not exist.']);
    expect(bindingProblems({ ...objs, serviceAccounts: undefined }).map((p) => p.problem)).toEqual(['Role gone does not exist in namespace b.']);
  });
});
