// `kubectl create role` and `kubectl create rolebinding` (kubectl pkg/cmd/create/create_role.go,
// create_rolebinding.go): one rule per API group (groups sorted), verbs and resource names without
// repeats, each resource resolved through discovery like kubectl's REST mapper (short names too).
import { CreateInputError, requireName, requireNamespace } from './createInput';

/** Resolves `pods`, `po`, `rs` with an optional group to the served resource, or undefined if unknown. */
export type ResourceResolver = (resource: string, group: string | undefined) => { group: string; resource: string } | undefined;

const VALID_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const SPECIAL: Record<string, string[]> = {
  use: ['policy/podsecuritypolicies', 'extensions/podsecuritypolicies'],
  bind: ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
  escalate: ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
  impersonate: ['/users', '/serviceaccounts', '/groups', 'authentication.k8s.io/userextras'],
};

const splitList = (values: string[]) => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
const unique = (values: string[]) => [...new Set(values)];

export interface RoleInput { name: string; namespace: string; verbs: string[]; resources: string[]; resourceNames?: string[] }

export function buildRole(p: RoleInput, resolve: ResourceResolver): Record<string, any> {
  const name = requireName('Role', p.name);
  const namespace = requireNamespace(p.namespace);
  let verbs = unique(splitList(p.verbs));
  if (verbs.includes('*')) verbs = ['*'];
  if (verbs.length === 0) throw new CreateInputError('verbs', 'at least one verb must be specified');
  for (const v of verbs) if (!VALID_VERBS.includes(v)) throw new CreateInputError('verbs', `invalid verb: '${v}'`);
  const wanted = splitList(p.resources);
  if (wanted.length === 0) throw new CreateInputError('resources', 'at least one resource must be specified');
  const byGroup = new Map<string, string[]>();
  for (const r of wanted) {
    const [main, sub] = r.split(/\/(.*)/s);
    const dot = main.indexOf('.');
    const res = dot < 0 ? main : main.slice(0, dot);
    const group = dot < 0 ? undefined : main.slice(dot + 1);
    if (!res) throw new CreateInputError('resources', 'resource must be specified if apiGroup/subresource specified');
    if (res === '*' && group === undefined && sub === undefined) { byGroup.clear(); byGroup.set('', ['*']); break; }
    const found = res === '*' ? undefined : resolve(res, group);
    const target = found ?? { group: group ?? '', resource: res };
    for (const v of verbs) {
      const allowed = SPECIAL[v];
      if (allowed && res !== '*' && !allowed.includes(`${target.group}/${target.resource}`)) throw new CreateInputError('verbs', `can not perform '${v}' on '${target.resource}' in group '${target.group}'`);
    }
    if (!found && res !== '*' && !SPECIAL[verbs[0]]) throw new CreateInputError('resources', `the server doesn't have a resource type "${res}"${group ? ` in group "${group}"` : ''}`);
    const full = sub ? `${target.resource}/${sub}` : target.resource;
    const list = byGroup.get(target.group) ?? [];
    if (!list.includes(full)) list.push(full);
    byGroup.set(target.group, list);
  }
  const resourceNames = unique(splitList(p.resourceNames ?? []));
  const rules = [...byGroup.keys()].sort().map((g) => ({
    apiGroups: [g], ...(resourceNames.length ? { resourceNames } : {}), resources: byGroup.get(g)!, verbs,
  }));
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name, namespace }, rules };
}

export interface RoleBindingInput {
  name: string;
  namespace: string;
  role?: string;
  clusterRole?: string;
  users?: string[];
  groups?: string[];
  /** `namespace:name` each. */
  serviceAccounts?: string[];
}

export function buildRoleBinding(p: RoleBindingInput): Record<string, any> {
  const name = requireName('RoleBinding', p.name);
  const namespace = requireNamespace(p.namespace);
  const role = p.role?.trim() ?? '';
  const clusterRole = p.clusterRole?.trim() ?? '';
  if (!role === !clusterRole) throw new CreateInputError('role', 'exactly one of clusterrole or role must be specified');
  const subjects: Record<string, string>[] = [];
  for (const u of splitList(p.users ?? [])) subjects.push({ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: u });
  for (const g of splitList(p.groups ?? [])) subjects.push({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g });
  for (const sa of splitList(p.serviceAccounts ?? [])) {
    const t = sa.split(':');
    if (t.length !== 2 || !t[0] || !t[1]) throw new CreateInputError('serviceAccounts', 'serviceaccount must be <namespace>:<name>');
    subjects.push({ kind: 'ServiceAccount', name: t[1], namespace: t[0] });
  }
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: role ? 'Role' : 'ClusterRole', name: role || clusterRole },
    ...(subjects.length ? { subjects } : {}),
  };
}

/** kubectl's REST mapper over discovery: plural, singular (kind), short name; a group narrows it. */
export function discoveryResolver(resources: readonly { group: string; resource: string; kind: string; shortNames?: string[] }[]): ResourceResolver {
  return (res, group) => {
    const r = res.toLowerCase();
    const hit = resources.find((x) => (group === undefined || x.group === group)
      && (x.resource === r || x.kind.toLowerCase() === r || (x.shortNames ?? []).includes(r)));
    return hit ? { group: hit.group, resource: hit.resource } : undefined;
  };
}
