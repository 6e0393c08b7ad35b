import { useMemo } from 'react';
import { useContractQuery } from '../../data/clientContext';
import { autoscalerTargets } from '../../../shared/actions/autoscalerTarget';
import { hasCapability, resourceOf } from '../../../shared/model/kinds';

export interface AutoscalerRef { name: string; uid: string; minReplicas?: number; maxReplicas?: number }

/**
 * HorizontalPodAutoscalers in the namespace whose scaleTargetRef is this object. If they cannot be
 * listed (RBAC) the answer is "none known": a warning that cannot be given is not a reason to block.
 */
export function useAutoscalers(context: string, namespace: string | undefined, kind: string | undefined, name: string): AutoscalerRef[] {
  const enabled = !!namespace && hasCapability(kind, 'scalable');
  const q = useContractQuery('resource.list', enabled ? { context, group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespace } : undefined,
    { staleTime: 30_000, retry: false });
  return useMemo(() => (q.data ?? []).filter((h: any) => !!kind && autoscalerTargets(h?.spec?.scaleTargetRef, { group: resourceOf(kind).group, kind, name }))
    .map((h: any) => ({
      name: String(h.metadata?.name ?? ''), uid: String(h.metadata?.uid ?? ''),
      ...(typeof h.spec.minReplicas === 'number' ? { minReplicas: h.spec.minReplicas } : {}),
      ...(typeof h.spec.maxReplicas === 'number' ? { maxReplicas: h.spec.maxReplicas } : {}),
    })), [q.data, kind, name]);
}
