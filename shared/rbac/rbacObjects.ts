import type { PolicyRule } from './policyRule';

// The slim RBAC objects the core streams from its informers (shared/contract/rbac.ts validates them).

export interface RbacSubject { kind: 'User' | 'Group' | 'ServiceAccount' | string; name: string; namespace?: string; apiGroup?: string }
export interface RoleRef { kind: 'Role' | 'ClusterRole' | string; name: string; apiGroup?: string }

export interface RbacRole {
  kind: 'Role' | 'ClusterRole';
  name: string;
  /** Empty for a ClusterRole. */
  namespace?: string;
  uid: string;
  labels?: Record<string, string>;
  rules: PolicyRule[];
  /** ClusterRoles only: the selectors whose ClusterRoles' rules the aggregation controller copies in. */
  aggregationSelectors?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] }[];
}

export interface RbacBinding {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  namespace?: string;
  uid: string;
  roleRef: RoleRef;
  subjects: RbacSubject[];
}

export interface RbacObjects {
  roles: RbacRole[];
  clusterRoles: RbacRole[];
  roleBindings: RbacBinding[];
  clusterRoleBindings: RbacBinding[];
  /** `namespace/name` of every ServiceAccount, or undefined when they could not be listed. */
  serviceAccounts?: string[];
}

/** The role a binding refers to, or undefined when it does not exist (a RoleBinding's Role is in its namespace). */
export function roleOf(objs: Pick<RbacObjects, 'roles' | 'clusterRoles'>, b: RbacBinding): RbacRole | undefined {
  if (b.roleRef.kind === 'ClusterRole') return objs.clusterRoles.find((r) => r.name === b.roleRef.name);
  if (b.roleRef.kind === 'Role' && b.kind === 'RoleBinding') return objs.roles.find((r) => r.name === b.roleRef.name && r.namespace === b.namespace);
  return undefined;
}
