import { FreshnessBadge } from '../../components/FreshnessBadge';
import { useMemo, useState } from 'react';
import { boundRoles, bindingsOfRole } from '../../../shared/rbac/rbacGrants';
import { identityOf, serviceAccountUser, subjectApplies, subjectLabel, type Identity } from '../../../shared/rbac/identity';
import { aggregatedFrom, ruleSources } from '../../../shared/rbac/aggregation';
import type { PolicyRule } from '../../../shared/rbac/policyRule';
import type { RbacRole } from '../../../shared/rbac/rbacObjects';
import { resourceLabel } from '../../../shared/rbac/rulesMatrix';
import { rbacFreshness, type RbacObjectsState } from './useRbacObjects';

/** `ServiceAccount:ns/name`, `User:alice`, `Group:devs` (the `subject` URL parameter). */
export function parseSubjectKey(key: string | undefined): { kind: string; name: string; namespace?: string } | undefined {
  const m = key ? /^(ServiceAccount|User|Group)[: ](.+)$/.exec(key) : null;
  if (!m) return undefined;
  if (m[1] !== 'ServiceAccount') return { kind: m[1], name: m[2] };
  const [namespace, ...rest] = m[2].split('/');
  return rest.length ? { kind: m[1], namespace, name: rest.join('/') } : undefined;
}

function identityFor(kind: string, name: string, namespace: string): Identity {
  if (kind === 'ServiceAccount') return identityOf(serviceAccountUser(namespace, name));
  if (kind === 'Group') return { user: '', groups: [name] };
  return identityOf(name);
}

function RulesTable({ role, all }: { role: RbacRole; all: RbacRole[] }) {
  const agg = role.kind === 'ClusterRole' ? aggregatedFrom(role, all) : [];
  const cell = (xs?: string[]) => (xs?.length ? xs.join(', ') : '');
  const res = (r: PolicyRule) => (r.nonResourceURLs?.length ? r.nonResourceURLs.join(', ') : (r.apiGroups ?? []).flatMap((g) => (r.resources ?? []).map((x) => resourceLabel(g, x))).join(', '));
  return (
    <table className="rbac-table rbac-rules">
      <thead><tr><th>Resources / URLs</th><th>Names</th><th>Verbs</th>{agg.length > 0 && <th className="rbac-from">Aggregated from</th>}</tr></thead>
      <tbody>
        {role.rules.map((r, i) => (
          <tr key={i}><td>{res(r)}</td><td>{cell(r.resourceNames)}</td><td>{cell(r.verbs)}</td>{agg.length > 0 && <td className="muted">{ruleSources(role, all, r).join(', ')}</td>}</tr>
        ))}
        {role.rules.length === 0 && <tr><td colSpan={4} className="muted">No rules{role.aggregationSelectors?.length ? ' (aggregated: no ClusterRole matches its selectors yet)' : ''}.</td></tr>}
      </tbody>
    </table>
  );
}

/** A subject's effective permissions (every binding naming it or its implicit groups), or who is bound to a role. */
export function SubjectPanel({ rbac, initialSubject, role }: { rbac: RbacObjectsState; initialSubject?: string; role?: { kind: string; name: string; namespace?: string } }) {
  const start = parseSubjectKey(initialSubject);
  const [kind, setKind] = useState(start?.kind ?? 'ServiceAccount');
  const [name, setName] = useState(start?.name ?? 'default');
  const [namespace, setNamespace] = useState(start?.namespace ?? 'default');
  const objs = rbac.objects;
  const who = identityFor(kind, name.trim(), namespace.trim());
  // Bindings that name the subject itself first, then those reaching it through its groups.
  const bound = useMemo(() => (objs && !role ? boundRoles(objs, who) : [])
    .map((b) => ({ b, direct: b.binding.subjects.some((s) => subjectApplies(s, b.binding.namespace, { user: who.user, groups: kind === 'Group' ? who.groups : [] })) ? 0 : 1 }))
    .sort((x, y) => x.direct - y.direct).map((x) => x.b), [objs, role, who.user, who.groups.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  const blocked = rbac.error ?? rbac.unreadable;

  if (role) {
    const target = role.kind === 'ClusterRole' ? objs?.clusterRoles.find((r) => r.name === role.name) : objs?.roles.find((r) => r.name === role.name && r.namespace === role.namespace);
    const bindings = objs ? bindingsOfRole(objs, { kind: role.kind as RbacRole['kind'], name: role.name, namespace: role.namespace }) : [];
    return (
      <div className="rbac-panel" data-testid="rbac-role-panel">
        <div className="toolbar"><h2>Who is bound to {role.kind} {role.namespace ? `${role.namespace}/` : ''}{role.name}</h2></div>
        {blocked && <div className="error-banner" role="alert">Cannot read the RBAC objects: {blocked}.</div>}
        {objs && !target && !blocked && <div className="rbac-warn">This {role.kind} does not exist (bindings to it grant nothing).</div>}
        <table className="rbac-table" data-testid="role-bindings">
          <thead><tr><th>Binding</th><th>Subjects</th></tr></thead>
          <tbody>{bindings.map((b) => <tr key={b.uid}><td>{b.kind} {b.namespace ? `${b.namespace}/` : ''}{b.name}</td><td>{b.subjects.map((s) => subjectLabel(s, b.namespace)).join(', ') || <span className="muted">no subjects</span>}</td></tr>)}</tbody>
        </table>
        {objs && bindings.length === 0 && <div className="empty">No binding refers to it.</div>}
        {target && objs && <><h3>Its rules</h3><RulesTable role={target} all={objs.clusterRoles} /></>}
      </div>
    );
  }
  return (
    <div className="rbac-panel" data-testid="rbac-subject-panel">
      <div className="toolbar"><h2>Effective permissions</h2><FreshnessBadge freshness={rbacFreshness(rbac.event)} /></div>
      <form className="rbac-form" onSubmit={(e) => e.preventDefault()}>
        <label>Kind<select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="subject-kind"><option>ServiceAccount</option><option>User</option><option>Group</option></select></label>
        {kind === 'ServiceAccount' && <label>Namespace<input value={namespace} onChange={(e) => setNamespace(e.target.value)} data-testid="subject-namespace" /></label>}
        <label>Name<input value={name} onChange={(e) => setName(e.target.value)} data-testid="subject-name" /></label>
      </form>
      {blocked && <div className="error-banner" role="alert">Cannot read the RBAC objects: {blocked}.</div>}
      {kind !== 'Group' && <p className="muted" data-testid="subject-groups">As {who.user || '(none)'}, also in {who.groups.join(', ')} (groups the API server adds); bindings to those count too. Groups from the login itself (a certificate's O=, an OIDC claim) are not known here.</p>}
      {kind === 'ServiceAccount' && objs?.serviceAccounts && !objs.serviceAccounts.includes(`${namespace}/${name}`) && <div className="rbac-warn">ServiceAccount {namespace}/{name} does not exist.</div>}
      {objs && !blocked && bound.length === 0 && <div className="empty">No binding names this subject or its groups.</div>}
      {bound.map((b) => (
        <section key={b.binding.uid} className="rbac-bound" data-testid={`bound-${b.binding.kind}-${b.binding.namespace ?? ''}-${b.binding.name}`}>
          <h3>{b.binding.kind} {b.binding.namespace ? `${b.binding.namespace}/` : ''}{b.binding.name} → {b.binding.roleRef.kind} {b.binding.roleRef.name}
            <span className="muted"> {b.scope === 'cluster' ? 'everywhere' : `in namespace ${b.scope.namespace}`}</span></h3>
          {b.role ? <RulesTable role={b.role} all={objs!.clusterRoles} /> : <div className="rbac-warn">{b.binding.roleRef.kind} {b.binding.roleRef.name} does not exist: this binding grants nothing.</div>}
        </section>
      ))}
    </div>
  );
}
