import type { KubeHttp } from '../cluster/kubeHttp';
import { ContractError } from '../../../shared/contract/contractError';
import { accessChecks, describeCheck, type AccessAction, type AccessCheck, type ObjectRef } from '../../../shared/actions/actionAccess';

/** The resourceAttributes of a SelfSubjectAccessReview. */
export type AccessAttributes = AccessCheck;

/** The status of a SelfSubjectAccessReview (or, given a user, a SubjectAccessReview). */
export interface AccessReviewStatus { allowed: boolean; denied: boolean; reason?: string; evaluationError?: string }

/**
 * Asks the API server one access review: SelfSubjectAccessReview for the current user (or whoever the
 * Impersonate-* headers name), SubjectAccessReview when `subject` is given. The one place that posts them.
 */
export async function accessReview(
  http: KubeHttp,
  attrs: { resourceAttributes?: AccessAttributes | Record<string, string>; nonResourceAttributes?: { verb: string; path: string } },
  opts: { headers?: Record<string, string | string[]>; subject?: { user: string; groups: string[] } } = {},
): Promise<AccessReviewStatus> {
  const kind = opts.subject ? 'SubjectAccessReview' : 'SelfSubjectAccessReview';
  const review = await http.request('POST', `/apis/authorization.k8s.io/v1/${kind.toLowerCase()}s`, {
    body: { apiVersion: 'authorization.k8s.io/v1', kind, spec: { ...attrs, ...(opts.subject ?? {}) } },
    timeoutMs: 15_000, ...(opts.headers ? { headers: opts.headers } : {}),
  });
  const st = review?.status ?? {};
  const out: AccessReviewStatus = { allowed: st.allowed === true, denied: st.denied === true };
  if (st.reason) out.reason = String(st.reason);
  if (st.evaluationError) out.evaluationError = String(st.evaluationError);
  return out;
}

/**
 * Asks the API server (SelfSubjectAccessReview) whether the current user may do each of these, and
 * throws a `forbidden` ContractError naming the first that is not allowed, with the authorizer's
 * reason. Every action calls it before it writes anything.
 */
export async function requireAccess(http: KubeHttp, checks: AccessAttributes[]): Promise<void> {
  const answers = await Promise.all(checks.map(async (attrs) => {
    const st = await accessReview(http, { resourceAttributes: attrs });
    return { attrs, allowed: st.allowed, reason: [st.reason, st.evaluationError].filter(Boolean).join('; ') };
  }));
  const denied = answers.find((a) => !a.allowed);
  if (denied) {
    throw new ContractError('forbidden', `You are not allowed to ${describeCheck(denied.attrs)}${denied.reason ? `: ${denied.reason}` : '.'}`, denied.reason || undefined);
  }
}

/** Checks what shared/actions/actionAccess.ts declares for this action on this object. */
export function requireActionAccess(http: KubeHttp, action: AccessAction, ref: ObjectRef): Promise<void> {
  return requireAccess(http, accessChecks(action, ref));
}
