import type { RbacSubject } from './rbacObjects';

// Who a request is made as: a user name and its groups, with the groups the API server adds itself
// (kubernetes/staging/src/k8s.io/apiserver/pkg/authentication/serviceaccount/util.go and the
// authenticated-group adder): every authenticated user is in system:authenticated, a ServiceAccount
// also in system:serviceaccounts and system:serviceaccounts:<namespace>.

export interface Identity { user: string; groups: string[] }

const SA_PREFIX = 'system:serviceaccount:';

export function serviceAccountUser(namespace: string, name: string): string { return `${SA_PREFIX}${namespace}:${name}`; }

/** `system:serviceaccount:ns:name` → {namespace, name}; anything else → undefined. */
export function parseServiceAccountUser(user: string): { namespace: string; name: string } | undefined {
  if (!user.startsWith(SA_PREFIX)) return undefined;
  const [namespace, name, ...rest] = user.slice(SA_PREFIX.length).split(':');
  return namespace && name && rest.length === 0 ? { namespace, name } : undefined;
}

/** The groups the API server gives this user on top of the ones named (what impersonation gets too). */
export function implicitGroups(user: string): string[] {
  if (user === 'system:anonymous') return ['system:unauthenticated'];
  const sa = parseServiceAccountUser(user);
  const groups = sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`] : [];
  return [...groups, 'system:authenticated'];
}

/** A user with the named groups and the implicit ones, each once. */
export function identityOf(user: string, groups: readonly string[] = []): Identity {
  return { user, groups: [...new Set([...groups, ...(user ? implicitGroups(user) : [])])] };
}

/**
 * Whom an impersonated request (Impersonate-User, Impersonate-Group) acts as, per the API server's
 * impersonation filter (apiserver/pkg/endpoints/filters/impersonation.go): a ServiceAccount gets its
 * fixed groups only when no group is named; every non-anonymous user gets system:authenticated. A
 * SubjectAccessReview names the same groups, so both ways of asking agree.
 */
export function impersonatedIdentity(user: string, groups: readonly string[]): Identity {
  if (!groups.length) return identityOf(user);
  const extra = user === 'system:anonymous' ? 'system:unauthenticated' : 'system:authenticated';
  return { user, groups: [...new Set([...groups, extra])] };
}

/** The identity a subject stands for: a ServiceAccount or user with its implicit groups; a group alone. */
export function subjectIdentity(s: RbacSubject, bindingNamespace?: string): Identity {
  if (s.kind === 'ServiceAccount') return identityOf(serviceAccountUser(s.namespace || bindingNamespace || '', s.name));
  if (s.kind === 'Group') return { user: '', groups: [s.name] };
  return identityOf(s.name);
}

/**
 * Whether a binding's subject names this identity (rbac.go appliesToUser): a ServiceAccount subject
 * without a namespace means one in the binding's namespace.
 */
export function subjectApplies(s: RbacSubject, bindingNamespace: string | undefined, who: Identity): boolean {
  switch (s.kind) {
    case 'User': return !!who.user && s.name === who.user;
    case 'Group': return who.groups.includes(s.name);
    case 'ServiceAccount': return !!who.user && who.user === serviceAccountUser(s.namespace || bindingNamespace || '', s.name);
    default: return false;
  }
}

/** `User alice`, `ServiceAccount demo/default`, `Group system:masters`. */
export function subjectLabel(s: RbacSubject, bindingNamespace?: string): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace || bindingNamespace || ''}/${s.name}` : `${s.kind} ${s.name}`;
}
