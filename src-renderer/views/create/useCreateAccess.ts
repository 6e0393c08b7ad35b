import { useMemo } from 'react';
import { useContractQuery } from '../../data/clientContext';
import { accessChecks, describeCheck, type Verdict } from '../../../shared/actions/actionAccess';
import { CREATE_ENTRIES, createTarget } from '../../../shared/create/createKinds';

/**
 * Whether each New form may create its kind here (one SelfSubjectAccessReview batch): namespaced kinds
 * in the shown namespace, Namespaces cluster-wide. Pending or unanswerable counts as not allowed.
 */
export function useCreateAccess(context: string, namespace: string | undefined): Record<string, Verdict> {
  const checks = useMemo(() => CREATE_ENTRIES.map((e) => {
    const t = createTarget(e);
    return accessChecks('create', { group: t.group, resource: t.resource, name: '', ...(t.namespaced && namespace ? { namespace } : {}) })[0];
  }), [namespace]);
  const q = useContractQuery('cluster.access', { context, checks }, { staleTime: 60_000, retry: false });
  return useMemo(() => Object.fromEntries(CREATE_ENTRIES.map((e, i) => {
    if (!q.data) return [e.id, { allowed: false, reason: q.error ? `Could not check permissions: ${(q.error as Error).message}` : 'Checking permissions…', pending: !q.error }];
    const a = q.data[i];
    return [e.id, a?.allowed ? { allowed: true } : { allowed: false, reason: `Not allowed to ${describeCheck(checks[i])}${a?.reason ? `: ${a.reason}` : ''}` }];
  })), [q.data, q.error, checks]);
}
