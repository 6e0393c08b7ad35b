import { useMemo } from 'react';
import { useContractQuery } from '../../data/clientContext';
import { planChecks, type ObjectActionId, type ObjectRef, type Verdict } from '../../../shared/actions/actionAccess';

/**
 * Asks the API server (SelfSubjectAccessReview, one request for all) whether each action is allowed on
 * this object. While the answer is pending, or when it cannot be had, every action counts as not
 * allowed, with that as the reason: a button is never enabled on a guess.
 */
export function useActionAccess(context: string, ref: ObjectRef | undefined, actions: ObjectActionId[]): Record<string, Verdict> {
  const plan = useMemo(() => (ref ? planChecks(actions, ref) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ref?.group, ref?.resource, ref?.namespace, ref?.name, actions.join(',')]);
  const q = useContractQuery('cluster.access', plan && plan.checks.length > 0 ? { context, checks: plan.checks } : undefined, { staleTime: 60_000, retry: false });
  return useMemo(() => {
    if (plan && q.data) return plan.read(q.data);
    const reason = q.error ? `Could not check permissions: ${(q.error as Error).message}` : 'Checking permissions…';
    return Object.fromEntries(actions.map((a) => [a, { allowed: false, reason, ...(q.error ? {} : { pending: true }) }]));
  }, [plan, q.data, q.error, actions]);
}
