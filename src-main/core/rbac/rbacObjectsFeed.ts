import type { WatchHub, InformerView } from '../watch/watchHub';
import type { SharedInformer } from '../watch/informer';
import type { RawObject } from '../watch/listWatch';
import type { RbacObjectsEvent } from '../../../shared/contract/rbac';
import type { RbacBinding, RbacRole } from '../../../shared/rbac/rbacObjects';

// The RBAC objects of a context, all namespaces, from the hub's shared informers: Roles, ClusterRoles,
// RoleBindings, ClusterRoleBindings and ServiceAccount names. Each change sends the whole (small,
// slim) set again, at most every DEBOUNCE_MS; a list the user may not read is empty with its
// freshness saying why (forbidden).

const DEBOUNCE_MS = 150;
const RBAC = { group: 'rbac.authorization.k8s.io', version: 'v1' };

type Slim<T> = T & { resourceVersion?: string };

function meta(raw: RawObject) {
  const m: any = raw.metadata ?? {};
  return { name: String(m.name ?? ''), uid: String(m.uid ?? ''), resourceVersion: m.resourceVersion, ...(m.namespace ? { namespace: String(m.namespace) } : {}) };
}

const roleView = (kind: 'Role' | 'ClusterRole'): InformerView<Slim<RbacRole>> => ({
  name: `rbac-${kind}`,
  transform: (raw) => {
    const r: any = raw;
    const role: Slim<RbacRole> = { kind, ...meta(raw), rules: Array.isArray(r.rules) ? r.rules : [] };
    if (r.metadata?.labels) role.labels = r.metadata.labels;
    if (Array.isArray(r.aggregationRule?.clusterRoleSelectors)) role.aggregationSelectors = r.aggregationRule.clusterRoleSelectors;
    return role;
  },
});
const bindingView = (kind: 'RoleBinding' | 'ClusterRoleBinding'): InformerView<Slim<RbacBinding>> => ({
  name: `rbac-${kind}`,
  transform: (raw) => {
    const r: any = raw;
    return { kind, ...meta(raw), roleRef: { kind: String(r.roleRef?.kind ?? ''), name: String(r.roleRef?.name ?? '') }, subjects: Array.isArray(r.subjects) ? r.subjects : [] };
  },
});
const saView: InformerView<{ key: string; resourceVersion?: string }> = {
  name: 'rbac-serviceaccount-names',
  transform: (raw) => ({ key: `${raw.metadata?.namespace}/${raw.metadata?.name}`, resourceVersion: raw.metadata?.resourceVersion }),
};

const strip = <T extends { resourceVersion?: string }>(x: T): Omit<T, 'resourceVersion'> => { const { resourceVersion: _rv, ...rest } = x; return rest; };

/** Follows the five lists; `emit` gets the whole set on every change. Returns the stop function. */
export function followRbacObjects(hub: WatchHub, context: string, emit: (e: RbacObjectsEvent) => void, onEnd: (err: Error) => void): () => void {
  const releases: (() => void)[] = [];
  const acquire = <T extends { resourceVersion?: string }>(group: string, resource: string, view: InformerView<T>): SharedInformer<T> => {
    const { informer, release } = hub.acquire<T>({ context, group, version: 'v1', resource, representation: 'object' }, view);
    releases.push(release);
    return informer;
  };
  const roles = acquire(RBAC.group, 'roles', roleView('Role'));
  const clusterRoles = acquire(RBAC.group, 'clusterroles', roleView('ClusterRole'));
  const roleBindings = acquire(RBAC.group, 'rolebindings', bindingView('RoleBinding'));
  const clusterRoleBindings = acquire(RBAC.group, 'clusterrolebindings', bindingView('ClusterRoleBinding'));
  const serviceAccounts = acquire('', 'serviceaccounts', saView);
  const all = [roles, clusterRoles, roleBindings, clusterRoleBindings, serviceAccounts] as SharedInformer<any>[];

  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  const send = () => {
    timer = undefined;
    if (ended) return;
    const byName = <T extends { name: string; namespace?: string }>(xs: T[]) => xs.sort((a, b) => `${a.namespace ?? ''}/${a.name}`.localeCompare(`${b.namespace ?? ''}/${b.name}`));
    const saLive = serviceAccounts.hasSynced && serviceAccounts.freshness().state !== 'forbidden';
    emit({
      roles: byName(roles.store.list().map(strip)),
      clusterRoles: byName(clusterRoles.store.list().map(strip)),
      roleBindings: byName(roleBindings.store.list().map(strip)),
      clusterRoleBindings: byName(clusterRoleBindings.store.list().map(strip)),
      ...(saLive ? { serviceAccounts: serviceAccounts.store.list().map((s) => s.key).sort() } : {}),
      lists: {
        roles: { freshness: roles.freshness() }, clusterroles: { freshness: clusterRoles.freshness() },
        rolebindings: { freshness: roleBindings.freshness() }, clusterrolebindings: { freshness: clusterRoleBindings.freshness() },
        serviceaccounts: { freshness: serviceAccounts.freshness() },
      },
    });
  };
  const schedule = () => { if (!timer && !ended) timer = setTimeout(send, DEBOUNCE_MS); };
  const removers = all.map((inf) => inf.addHandler({
    onSync: schedule, onChanges: schedule, onFreshness: schedule,
    onEnd: (err) => { if (!ended) { ended = true; clearTimeout(timer); onEnd(err); } },
  }));
  return () => {
    ended = true;
    clearTimeout(timer);
    for (const r of removers) r();
    for (const r of releases) r();
  };
}
