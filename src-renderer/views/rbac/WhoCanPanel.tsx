import { FreshnessBadge } from '../../components/FreshnessBadge';
import { useMemo, useState } from 'react';
import { whoCan, type Grant } from '../../../shared/rbac/rbacGrants';
import { parseResourceText } from '../../../shared/rbac/resourceText';
import type { AccessRequest } from '../../../shared/rbac/policyRule';
import { subjectLabel } from '../../../shared/rbac/identity';
import { aggregatedFrom } from '../../../shared/rbac/aggregation';
import { rbacFreshness, rbacSynced, type RbacObjectsState } from './useRbacObjects';
import { ProblemsList } from './ProblemsList';

export const grantLine = (g: Grant) => `${g.binding.kind} ${g.binding.namespace ? `${g.binding.namespace}/` : ''}${g.binding.name} → ${g.role.kind} ${g.role.namespace ? `${g.role.namespace}/` : ''}${g.role.name}`;

/** "Who can do Y": every subject a binding lets make the request, from the live RBAC objects. */
export function WhoCanPanel({ rbac, namespace, onSubject }: { rbac: RbacObjectsState; namespace: string | undefined; onSubject(key: string): void }) {
  const [verb, setVerb] = useState('delete');
  const [resource, setResource] = useState('pods');
  const [name, setName] = useState('');
  const [ns, setNs] = useState(namespace ?? '');
  const [asked, setAsked] = useState<{ req: AccessRequest; text: string } | { error: string }>();
  const answer = useMemo(() => (asked && 'req' in asked && rbac.objects ? whoCan(rbac.objects, asked.req) : undefined), [asked, rbac.objects]);

  const ask = () => {
    const t = resource.trim();
    if (t.startsWith('/')) { setAsked({ req: { verb: verb.trim(), nonResourceURL: t }, text: `${verb} ${t}` }); return; }
    const p = parseResourceText(t);
    if ('error' in p) { setAsked({ error: p.error }); return; }
    setAsked({
      req: { verb: verb.trim(), group: p.group, resource: p.resource, ...(p.subresource ? { subresource: p.subresource } : {}), ...(name.trim() ? { name: name.trim() } : {}), ...(ns.trim() ? { namespace: ns.trim() } : {}) },
      text: `${verb} ${t}${name.trim() ? ` ${name.trim()}` : ''} ${ns.trim() ? `in ${ns.trim()}` : 'cluster-wide / all namespaces'}`,
    });
  };

  const blocked = rbac.error ?? rbac.unreadable;
  return (
    <div className="rbac-panel" data-testid="rbac-whocan-panel">
      <div className="toolbar"><h2>Who can … ?</h2><span className="muted">from the Roles, ClusterRoles and bindings, live</span><FreshnessBadge freshness={rbacFreshness(rbac.event)} /></div>
      {blocked && <div className="error-banner" role="alert">Cannot answer who can: {blocked}. Ask with a context that may list RBAC objects.</div>}
      <form className="rbac-form" onSubmit={(e) => { e.preventDefault(); ask(); }}>
        <label>Verb<input value={verb} onChange={(e) => setVerb(e.target.value)} list="rbac-verbs" data-testid="whocan-verb" /></label>
        <label title="pods, deployments.apps, pods/log, or a URL such as /healthz">Resource or URL<input value={resource} onChange={(e) => setResource(e.target.value)} data-testid="whocan-resource" /></label>
        <label>Name<input value={name} onChange={(e) => setName(e.target.value)} placeholder="any" data-testid="whocan-name" /></label>
        <label title="Empty: only ClusterRoleBindings count (cluster-scoped or all namespaces)">Namespace<input value={ns} onChange={(e) => setNs(e.target.value)} placeholder="cluster-wide" data-testid="whocan-namespace" /></label>
        <button type="submit" className="primary" disabled={!!blocked || !verb.trim()} title={blocked ? 'The RBAC objects cannot be read with this context' : undefined} data-testid="whocan-ask">Find</button>
      </form>
      {asked && 'error' in asked && <div className="error-banner" role="alert">{asked.error}</div>}
      {asked && 'req' in asked && !rbacSynced(rbac.event) && !blocked && <div className="empty">Reading the RBAC objects…</div>}
      {asked && 'req' in asked && answer && rbacSynced(rbac.event) && (
        <div className="table-scroll rbac-scroll">
          <p className="muted">{answer.length} subject{answer.length === 1 ? '' : 's'} may {asked.text}. Members of <code>system:masters</code> may do anything whatever RBAC says.</p>
          <table className="rbac-table" data-testid="whocan-results">
            <thead><tr><th>Subject</th><th>Granted by</th></tr></thead>
            <tbody>
              {answer.map((s) => (
                <tr key={s.key} data-testid={`whocan-subject-${s.key}`}>
                  <td><button className="rbac-link" onClick={() => onSubject(s.key)} title="Effective permissions of this subject">{subjectLabel(s.subject)}</button></td>
                  <td>{s.grants.map((g) => {
                    const agg = g.role.kind === 'ClusterRole' && rbac.objects ? aggregatedFrom(g.role, rbac.objects.clusterRoles) : [];
                    return <div key={g.binding.uid}>{grantLine(g)}{agg.length > 0 && <span className="muted"> (aggregated from {agg.map((a) => a.name).join(', ')})</span>}</div>;
                  })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rbac.objects && !blocked && <ProblemsList objects={rbac.objects} />}
    </div>
  );
}
