import { matchesLabelSelector } from '../model/labelSelector';
import type { PolicyRule } from './policyRule';
import type { RbacRole } from './rbacObjects';

// ClusterRole aggregation, as the controller-manager's clusterrole-aggregation controller does it
// (pkg/controller/clusterroleaggregation): an aggregated ClusterRole's rules are the rules of every
// other ClusterRole one of its selectors matches, those roles taken in name order, each rule once.
// The authorizer reads the rules the controller wrote; this says where they came from.

/** The ClusterRoles whose rules this one aggregates, in name order (empty when it is not aggregated). */
export function aggregatedFrom(role: RbacRole, clusterRoles: readonly RbacRole[]): RbacRole[] {
  const selectors = role.aggregationSelectors;
  if (!selectors?.length) return [];
  return clusterRoles
    .filter((c) => c.name !== role.name && selectors.some((s) => matchesLabelSelector(s as any, c.labels)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const ruleKey = (r: PolicyRule) => JSON.stringify([r.verbs, r.apiGroups ?? [], r.resources ?? [], r.resourceNames ?? [], r.nonResourceURLs ?? []]);

/** The rules the aggregation controller would write into this ClusterRole. */
export function aggregatedRules(role: RbacRole, clusterRoles: readonly RbacRole[]): PolicyRule[] {
  const seen = new Set<string>();
  const out: PolicyRule[] = [];
  for (const c of aggregatedFrom(role, clusterRoles)) {
    for (const r of c.rules) {
      const k = ruleKey(r);
      if (!seen.has(k)) { seen.add(k); out.push(r); }
    }
  }
  return out;
}

/** For each rule of an aggregated ClusterRole, the ClusterRoles it was copied from. */
export function ruleSources(role: RbacRole, clusterRoles: readonly RbacRole[], rule: PolicyRule): string[] {
  const k = ruleKey(rule);
  return aggregatedFrom(role, clusterRoles).filter((c) => c.rules.some((r) => ruleKey(r) === k)).map((c) => c.name);
}
