import { useMemo, useState } from 'react';
import { useContractQuery } from '../../data/clientContext';
import { kindRows, matrixColumns, rowAllows, rowRequest, ruleRows, STANDARD_VERBS, type RuleRow } from '../../../shared/rbac/rulesMatrix';
import { KINDS } from '../../../shared/model/kinds';
import { grantsFor, type Grant } from '../../../shared/rbac/rbacGrants';
import { identityOf } from '../../../shared/rbac/identity';
import { rbacSynced, type RbacObjectsState } from './useRbacObjects';

const grantText = (g: Grant) => `${g.binding.kind} ${g.binding.namespace ? `${g.binding.namespace}/` : ''}${g.binding.name} → ${g.role.kind} ${g.role.name}`;

/**
 * "What can I do here": SelfSubjectRulesReview for the current user in a namespace as a verb × resource
 * matrix, rows as `kubectl auth can-i --list` prints them. The API does not say where a rule comes
 * from; when the user may list RBAC objects, each cell's bindings are worked out from them.
 */
export function AccessMatrix({ context, namespace, rbac }: { context: string; namespace: string | undefined; rbac: RbacObjectsState }) {
  // "All namespaces" in the top bar: only the cluster-wide rules apply to every namespace at once.
  const [clusterOnly, setClusterOnly] = useState(false);
  const ns = clusterOnly || !namespace ? '' : namespace;
  const review = useContractQuery('rbac.rulesReview', { context, namespace: ns });
  const me = useContractQuery('rbac.whoAmI', { context });
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => (review.data ? ruleRows(review.data) : []), [review.data]);
  const columns = useMemo(() => matrixColumns(rows), [rows]);
  // A cluster-scoped kind is never granted by a RoleBinding: its row reads the cluster-wide rules.
  const clusterReview = useContractQuery('rbac.rulesReview', { context, namespace: '' });
  const kinds = useMemo(() => (review.data && clusterReview.data
    ? [...kindRows(review.data, KINDS.filter((k) => k.namespaced)), ...kindRows(clusterReview.data, KINDS.filter((k) => !k.namespaced))] : []), [review.data, clusterReview.data]);
  const shownKinds = kinds.filter((k) => !filter || k.label.includes(filter));
  const shown = rows.filter((r) => !filter || `${r.label} ${r.resourceName ?? ''} ${r.nonResourceURL ?? ''}`.includes(filter));
  const who = me.data ? identityOf(me.data.username, me.data.groups) : undefined;
  const canTrace = !!who && !!rbac.objects && !rbac.unreadable && rbacSynced(rbac.event);
  const origins = (row: RuleRow, verb: string): Grant[] => (canTrace ? grantsFor(rbac.objects!, who!, rowRequest(row, verb, ns || undefined) as any) : []);
  return (
    <div className="rbac-panel" data-testid="rbac-matrix-panel">
      <div className="toolbar">
        <h2>What can I do</h2>
        <span className="muted">as <b data-testid="rbac-me">{me.data?.username ?? '…'}</b>{ns ? <> in namespace <b>{ns}</b></> : <> cluster-wide (ClusterRoleBindings only)</>}</span>
        <label className="rbac-check" title={namespace ? 'Rules from ClusterRoleBindings only, as a request without a namespace gets them' : 'Pick a namespace in the top bar to see its rules'}>
          <input type="checkbox" checked={clusterOnly || !namespace} disabled={!namespace} onChange={(e) => setClusterOnly(e.target.checked)} /> Cluster-wide only
        </label>
        <input className="filter" placeholder="Filter resources" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter resources" />
        <button onClick={() => { void review.refetch(); void clusterReview.refetch(); }} title="Ask the API server again (SelfSubjectRulesReview)">Refresh</button>
      </div>
      {review.error && <div className="error-banner" role="alert">Cannot ask what you may do: {(review.error as Error).message}</div>}
      {review.data?.incomplete && <div className="rbac-warn" role="status">The API server says this list may be incomplete{review.data.evaluationError ? `: ${review.data.evaluationError}` : '.'} (kubectl prints the same warning.)</div>}
      <p className="rbac-note muted" data-testid="rbac-origin-note">
        {canTrace ? 'SelfSubjectRulesReview lists rules without saying where they come from; the bindings shown on each cell are worked out from the Roles, ClusterRoles and bindings you may read.'
          : `SelfSubjectRulesReview lists rules without saying where they come from, and the RBAC objects cannot be read to work it out${rbac.unreadable ? ` (${rbac.unreadable})` : rbac.error ? ` (${rbac.error})` : ' yet'}.`}
      </p>
      <div className="table-scroll rbac-scroll">
        <h3>Built-in kinds</h3>
        <table className="rbac-table rbac-matrix" data-testid="rbac-kinds-matrix">
          <thead><tr><th>Resource</th><th>Scope</th>{STANDARD_VERBS.map((c) => <th key={c} className="rbac-verb">{c}</th>)}{canTrace && <th>Granted by</th>}</tr></thead>
          <tbody>
            {shownKinds.map((k) => {
              const grants = new Map(STANDARD_VERBS.map((v) => [v, k.allowed.has(v) && canTrace ? grantsFor(rbac.objects!, who!, { verb: v, group: k.group, resource: k.resource, ...(ns && k.namespaced ? { namespace: ns } : {}) }) : []]));
              const all = [...new Set([...grants.values()].flat().map(grantText))];
              return (
              <tr key={k.label} data-testid={`rbac-kind-${k.label}`}>
                <td className="rbac-res">{k.label}</td>
                <td className="muted rbac-scope" title={k.namespaced ? (ns ? `in namespace ${ns}` : 'in any namespace (ClusterRoleBindings only)') : 'cluster-scoped (ClusterRoleBindings only)'}>{k.namespaced ? 'namespace' : 'cluster'}</td>
                {STANDARD_VERBS.map((v) => {
                  const ok = k.allowed.has(v);
                  const g = grants.get(v) ?? [];
                  return (
                    <td key={v} className={`rbac-cell ${ok ? 'rbac-yes' : 'rbac-no'}`} data-verb={v} data-allowed={ok ? 'yes' : 'no'}
                      title={`${v} ${k.label}: ${ok ? 'allowed' : 'not allowed'}${g.length ? `\n${g.map(grantText).join('\n')}` : ''}`}>
                      <span aria-label={ok ? 'allowed' : 'denied'}>{ok ? '✓' : '✕'}</span>
                    </td>
                  );
                })}
                {canTrace && <td className="rbac-origins">{all.join('; ')}</td>}
              </tr>
              );
            })}
          </tbody>
        </table>
        <h3>Rules, as <code>kubectl auth can-i --list</code> prints them</h3>
        <table className="rbac-table rbac-matrix" data-testid="rbac-matrix">
          <thead><tr><th>Resource</th><th>Name</th>{columns.map((c) => <th key={c} className="rbac-verb">{c}</th>)}{canTrace && <th>Granted by</th>}</tr></thead>
          <tbody>
            {shown.map((row) => {
              const key = `${row.label}|${row.resourceName ?? ''}|${row.nonResourceURL ?? ''}`;
              const byVerb = new Map(columns.map((v) => [v, rowAllows(row, v) ? origins(row, v) : []]));
              const all = [...new Set([...byVerb.values()].flat().map(grantText))];
              return (
                <tr key={key} data-testid={`rbac-row-${row.nonResourceURL ?? row.label}${row.resourceName ? `-${row.resourceName}` : ''}`}>
                  <td className="rbac-res">{row.nonResourceURL ?? row.label}{row.nonResourceURL && <span className="muted"> (URL)</span>}</td>
                  <td>{row.resourceName ?? ''}</td>
                  {columns.map((v) => {
                    const ok = rowAllows(row, v);
                    const g = byVerb.get(v) ?? [];
                    return (
                      <td key={v} className={`rbac-cell ${ok ? 'rbac-yes' : 'rbac-no'}`} data-verb={v} data-allowed={ok ? 'yes' : 'no'}
                        title={ok ? `${v} ${row.nonResourceURL ?? row.label}: allowed${g.length ? `\n${g.map(grantText).join('\n')}` : ''}` : `${v} ${row.nonResourceURL ?? row.label}: not allowed`}>
                        {ok ? '✓' : '·'}
                      </td>
                    );
                  })}
                  {canTrace && <td className="rbac-origins">{all.length ? all.join('; ') : <span className="muted">no binding found</span>}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
        {review.data && rows.length === 0 && <div className="empty">No rules: you may do nothing {ns ? `in namespace ${ns}` : 'cluster-wide'}.</div>}
        {!review.data && !review.error && <div className="empty">Asking the API server…</div>}
        {review.data && <p className="muted rbac-note">Anything not in a row is not allowed (for example <code>list nodes</code> when no row says nodes).</p>}
      </div>
    </div>
  );
}
