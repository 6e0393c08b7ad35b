import { useEffect, useMemo, useState } from 'react';
import { useClient, useContractQuery } from '../../data/clientContext';
import type { Freshness } from '../../../shared/contract/resources';
import type { HelmReleaseDetail, HelmReleaseRow } from '../../../shared/contract/helm';
import { helmAccessChecks, type HelmActionId } from '../../../shared/helm/helmAccess';

export interface HelmReleasesState { rows?: HelmReleaseRow[]; freshness?: Freshness; error?: string }

/** The live releases table of a namespace (or all): rows replaced by each snapshot. */
export function useHelmReleases(context: string, namespace: string | undefined): HelmReleasesState {
  const client = useClient();
  const [state, setState] = useState<HelmReleasesState>({});
  useEffect(() => {
    setState({});
    const sub = client.subscribe('helm.releases', { context, ...(namespace ? { namespace } : {}) }, {
      onEvent: (e) => setState((s) => (e.type === 'snapshot' ? { rows: e.rows, freshness: e.freshness } : { ...s, freshness: e.freshness })),
      onEnd: (err) => { if (err) setState((s) => ({ ...s, error: err.message })); },
    });
    return () => sub.close();
  }, [client, context, namespace]);
  return state;
}

export interface HelmReleaseState { release?: HelmReleaseDetail; gone?: boolean; error?: string }

/** One release's status, history and objects, live. */
export function useHelmRelease(context: string, namespace: string, name: string): HelmReleaseState {
  const client = useClient();
  const [state, setState] = useState<HelmReleaseState>({});
  useEffect(() => {
    setState({});
    const sub = client.subscribe('helm.release', { context, namespace, name }, {
      onEvent: (e) => setState(e.type === 'release' ? { release: e.release } : { gone: true }),
      onEnd: (err) => { if (err) setState((s) => ({ ...s, error: err.message })); },
    });
    return () => sub.close();
  }, [client, context, namespace, name]);
  return state;
}

export interface HelmVerdict { allowed: boolean; reason?: string }

/**
 * Whether each Helm action is allowed (the same SelfSubjectAccessReviews the core makes before running
 * helm): never enabled on a guess, and a refusal says which permission is missing.
 */
export function useHelmAccess(context: string, namespace: string): Record<HelmActionId, HelmVerdict> {
  const actions: HelmActionId[] = ['rollback', 'upgrade', 'uninstall'];
  const plan = useMemo(() => actions.map((a) => ({ a, checks: helmAccessChecks(a, namespace) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [namespace]);
  const all = useMemo(() => plan.flatMap((p) => p.checks), [plan]);
  const q = useContractQuery('cluster.access', { context, checks: all }, { staleTime: 60_000, retry: false });
  return useMemo(() => {
    const out = {} as Record<HelmActionId, HelmVerdict>;
    let i = 0;
    for (const p of plan) {
      const answers = q.data?.slice(i, i + p.checks.length);
      i += p.checks.length;
      if (!answers) { out[p.a] = { allowed: false, reason: q.error ? `Could not check permissions: ${(q.error as Error).message}` : 'Checking permissions…' }; continue; }
      const denied = answers.findIndex((x) => !x.allowed);
      out[p.a] = denied < 0 ? { allowed: true }
        : { allowed: false, reason: `Not allowed to ${p.checks[denied].verb} secrets in namespace "${namespace}" (Helm's release storage)${answers[denied].reason ? `: ${answers[denied].reason}` : ''}` };
    }
    return out;
  }, [plan, q.data, q.error, namespace]);
}
