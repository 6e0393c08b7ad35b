import type { KubeHttp } from '../cluster/kubeHttp';
import { accessReview, type AccessReviewStatus } from '../actions/accessCheck';
import { ContractError } from '../../../shared/contract/contractError';
import type { CanIResult, RulesReviewResult, WhoAmIResult } from '../../../shared/contract/rbac';
import { impersonatedIdentity, parseServiceAccountUser } from '../../../shared/rbac/identity';
import type { z } from 'zod';
import type { CanIParams } from '../../../shared/contract/rbac';

// The API server's own answers about access: SelfSubjectRulesReview (what kubectl auth can-i --list
// prints), SelfSubjectReview (kubectl auth whoami), and one can-i, for the current user or, like
// kubectl's --as/--as-group, for someone else by impersonation or by SubjectAccessReview.

/**
 * SelfSubjectRulesReview must name a namespace ("no namespace on request"). For the cluster-wide
 * rules alone it names one that can never exist (not a DNS label), so no RoleBinding can be in it and
 * only ClusterRoleBindings count, as for a cluster-scoped or all-namespaces request.
 */
const NO_SUCH_NAMESPACE = '-cluster-scope-';

export async function rulesReview(http: KubeHttp, namespace: string): Promise<RulesReviewResult> {
  const review = await http.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: namespace || NO_SUCH_NAMESPACE } },
    timeoutMs: 15_000,
  });
  const st = review?.status ?? {};
  const out: RulesReviewResult = { namespace, resourceRules: st.resourceRules ?? [], nonResourceRules: st.nonResourceRules ?? [], incomplete: st.incomplete === true };
  if (st.evaluationError) out.evaluationError = String(st.evaluationError);
  return out;
}

export async function whoAmI(http: KubeHttp): Promise<WhoAmIResult> {
  const review = await http.request('POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }, timeoutMs: 15_000,
  });
  const u = review?.status?.userInfo ?? {};
  return { username: String(u.username ?? ''), groups: Array.isArray(u.groups) ? u.groups.map(String) : [], ...(u.uid ? { uid: String(u.uid) } : {}) };
}

type Ask = z.output<typeof CanIParams>;

function attributesOf(p: Ask) {
  if (p.nonResourceURL) return { nonResourceAttributes: { verb: p.verb, path: p.nonResourceURL } };
  const a: Record<string, string> = { verb: p.verb, group: p.group, resource: p.resource };
  if (p.subresource) a.subresource = p.subresource;
  if (p.name) a.name = p.name;
  if (p.namespace) a.namespace = p.namespace;
  return { resourceAttributes: a };
}

/**
 * The reviews impersonating `as` needs, as the API server's impersonation filter checks them: verb
 * `impersonate` on the ServiceAccount (for system:serviceaccount:ns:name) or the user, and on each group.
 */
function impersonationChecks(as: { user: string; groups: string[] }): Record<string, string>[] {
  const sa = parseServiceAccountUser(as.user);
  const user = sa ? { verb: 'impersonate', group: '', resource: 'serviceaccounts', namespace: sa.namespace, name: sa.name } : { verb: 'impersonate', group: '', resource: 'users', name: as.user };
  return [user, ...as.groups.map((g) => ({ verb: 'impersonate', group: '', resource: 'groups', name: g }))];
}

async function allAllowed(http: KubeHttp, checks: Record<string, string>[]): Promise<{ ok: boolean; why?: string }> {
  const answers = await Promise.all(checks.map((c) => accessReview(http, { resourceAttributes: c })));
  const i = answers.findIndex((a) => !a.allowed);
  if (i < 0) return { ok: true };
  const c = checks[i];
  return { ok: false, why: `${c.verb} ${c.resource}${c.name ? ` "${c.name}"` : ''}${c.namespace ? ` in ${c.namespace}` : ''}` };
}

const result = (st: AccessReviewStatus, via: CanIResult['via']): CanIResult => ({ ...st, via });

export async function canI(http: KubeHttp, p: Ask): Promise<CanIResult> {
  const attrs = attributesOf(p);
  if (!p.as) return result(await accessReview(http, attrs), 'self');
  const as = { user: p.as.user.trim(), groups: p.as.groups.map((g) => g.trim()).filter(Boolean) };
  if (!as.user && !as.groups.length) throw new ContractError('bad-request', 'Name a user, ServiceAccount (system:serviceaccount:NAMESPACE:NAME) or group to ask for.');
  if (!as.user) throw new ContractError('bad-request', 'Impersonating groups needs a user too (kubectl: --as-group requires --as).');
  let cannotImpersonate = '';
  if (p.via !== 'subjectaccessreview') {
    const imp = await allAllowed(http, impersonationChecks(as));
    if (imp.ok) {
      const headers: Record<string, string | string[]> = { 'Impersonate-User': as.user };
      if (as.groups.length) headers['Impersonate-Group'] = as.groups;
      return result(await accessReview(http, attrs, { headers }), 'impersonate');
    }
    cannotImpersonate = `You may not impersonate (${imp.why})`;
    if (p.via === 'impersonate') throw new ContractError('forbidden', `${cannotImpersonate}, so Wheelhouse cannot ask as ${as.user}.`);
  }
  const sar = await allAllowed(http, [{ verb: 'create', group: 'authorization.k8s.io', resource: 'subjectaccessreviews' }]);
  if (!sar.ok) {
    throw new ContractError('forbidden', `${cannotImpersonate ? `${cannotImpersonate} and you` : 'You'} may not create SubjectAccessReviews, so Wheelhouse cannot ask whether ${as.user} may do this. Ask a cluster admin, or use a context that may.`);
  }
  // Without impersonation nobody adds the implicit groups: name them as impersonation would.
  return result(await accessReview(http, attrs, { subject: impersonatedIdentity(as.user, as.groups) }), 'subjectaccessreview');
}
