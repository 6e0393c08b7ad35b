import type { KubeHttp } from '../cluster/kubeHttp';
import { ContractError } from '../../../shared/contract/contractError';
import { accessChecks, describeCheck, type AccessAction, type AccessCheck, type ObjectRef } from '../../../shared/actions/actionAccess';

/** The resourceAttributes of a SelfSubjectAccessReview. */
export type AccessAttributes = AccessCheck;

/**
 * Asks the API server (SelfSubjectAccessReview) whether the current user may do each of these, and
 * throws a `forbidden` ContractError naming the first that is not allowed, with the authorizer's
 * reason. Every action calls it before it writes anything.
 */
export async function requireAccess(http: KubeHttp, checks: AccessAttributes[]): Promise<void> {
  const answers = await Promise.all(checks.map(async (attrs) => {
    const review = await http.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: attrs } },
      timeoutMs: 15_000,
    });
    return { attrs, allowed: review?.status?.allowed === true, reason: [review?.status?.reason, review?.status?.evaluationError].filter(Boolean).join('; ') };
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
