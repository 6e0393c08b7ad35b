import { isResourceRequest, ruleAllows, type AccessRequest, type PolicyRule } from './policyRule';
import { roleOf, type RbacBinding, type RbacObjects, type RbacRole, type RbacSubject } from './rbacObjects';
import { subjectApplies, subjectLabel, type Identity } from './identity';

// Who may do what, worked out from the RBAC objects the way the RBAC authorizer does it: every
// ClusterRoleBinding applies everywhere; a RoleBinding only to requests in its own namespace (a
// cluster-scoped or all-namespaces request is never granted by one). Rules come from the role's
// stored rules: for an aggregated ClusterRole those are what the aggregation controller wrote.

export interface Grant { binding: RbacBinding; role: RbacRole; rule: PolicyRule }

/** Bindings that can take part in a request: all ClusterRoleBindings, and RoleBindings of its namespace. */
function bindingsFor(objs: RbacObjects, req: AccessRequest): RbacBinding[] {
  const ns = isResourceRequest(req) ? req.namespace : undefined;
  return [...objs.clusterRoleBindings, ...(ns ? objs.roleBindings.filter((b) => b.namespace === ns) : [])];
}

function allowingRule(role: RbacRole | undefined, req: AccessRequest): PolicyRule | undefined {
  return role?.rules.find((r) => ruleAllows(r, req));
}

/** Every binding (with its role and first matching rule) that lets this identity make the request. */
export function grantsFor(objs: RbacObjects, who: Identity, req: AccessRequest): Grant[] {
  const out: Grant[] = [];
  for (const binding of bindingsFor(objs, req)) {
    if (!binding.subjects.some((s) => subjectApplies(s, binding.namespace, who))) continue;
    const role = roleOf(objs, binding);
    const rule = allowingRule(role, req);
    if (role && rule) out.push({ binding, role, rule });
  }
  return out;
}

export interface SubjectGrants { subject: RbacSubject; key: string; grants: Grant[] }

/** Every subject named by a binding that allows the request, each once, with the bindings that grant it. */
export function whoCan(objs: RbacObjects, req: AccessRequest): SubjectGrants[] {
  const bySubject = new Map<string, SubjectGrants>();
  for (const binding of bindingsFor(objs, req)) {
    const role = roleOf(objs, binding);
    const rule = allowingRule(role, req);
    if (!role || !rule) continue;
    for (const s of binding.subjects) {
      const subject: RbacSubject = s.kind === 'ServiceAccount' ? { kind: s.kind, name: s.name, namespace: s.namespace || binding.namespace } : { kind: s.kind, name: s.name };
      const key = subjectLabel(subject);
      const entry = bySubject.get(key) ?? { subject, key, grants: [] };
      entry.grants.push({ binding, role, rule });
      bySubject.set(key, entry);
    }
  }
  return [...bySubject.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export interface BoundRole {
  binding: RbacBinding;
  /** Undefined: the binding refers to a role that does not exist. */
  role?: RbacRole;
  /** Where its rules apply: a namespace, or every namespace and the cluster's own resources. */
  scope: { namespace: string } | 'cluster';
}

/** Every binding that names this identity, with its role: the identity's effective permissions. */
export function boundRoles(objs: RbacObjects, who: Identity): BoundRole[] {
  const out: BoundRole[] = [];
  for (const binding of [...objs.clusterRoleBindings, ...objs.roleBindings]) {
    if (!binding.subjects.some((s) => subjectApplies(s, binding.namespace, who))) continue;
    const role = roleOf(objs, binding);
    out.push({ binding, ...(role ? { role } : {}), scope: binding.kind === 'ClusterRoleBinding' ? 'cluster' : { namespace: binding.namespace ?? '' } });
  }
  return out;
}

/** Bindings that name this role (kind, name and, for a Role, its namespace): "who is bound". */
export function bindingsOfRole(objs: RbacObjects, role: Pick<RbacRole, 'kind' | 'name' | 'namespace'>): RbacBinding[] {
  return [...objs.clusterRoleBindings, ...objs.roleBindings].filter((b) => b.roleRef.kind === role.kind && b.roleRef.name === role.name
    && (role.kind === 'ClusterRole' || b.namespace === role.namespace));
}

export interface BindingProblem { binding: RbacBinding; problem: string }

/**
 * Bindings that grant nothing as written: their role does not exist, or a ServiceAccount they name
 * does not (checked only when the ServiceAccounts could be listed).
 */
export function bindingProblems(objs: RbacObjects): BindingProblem[] {
  const out: BindingProblem[] = [];
  const sas = objs.serviceAccounts ? new Set(objs.serviceAccounts) : undefined;
  for (const binding of [...objs.clusterRoleBindings, ...objs.roleBindings]) {
    if (!roleOf(objs, binding)) out.push({ binding, problem: `${binding.roleRef.kind} ${binding.roleRef.name} does not exist${binding.roleRef.kind === 'Role' ? ` in namespace ${binding.namespace}` : ''}.` });
    for (const s of binding.subjects) {
      const ns = s.namespace || binding.namespace;
      if (s.kind === 'ServiceAccount' && sas && ns && !sas.has(`${ns}/${s.name}`)) out.push({ binding, problem: `ServiceAccount ${ns}/${s.name} does not exist.` });
    }
  }
  return out;
}
