import { useMemo } from 'react';
import { useContractQuery } from '../../data/clientContext';

export interface AutoscalerRef { name: string; uid: string; minReplicas?: number; maxReplicas?: number }

/**
 * HorizontalPodAutoscalers in the namespace whose scaleTargetRef is this object. If they cannot be
 * listed (RBAC) the answer is "none known": a warning that cannot be given is not a reason to block.
 */
export function useAutoscalers(context: string, namespace: string | undefined, kind: string | undefined, name: string): AutoscalerRef[] {
  const enabled = !!namespace && (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'ReplicaSet');
  const q = useContractQuery('resource.list', enabled ? { context, group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespace } : undefined,
    { staleTime: 30_000, retry: false });
  return useMemo(() => (q.data ?? []).filter((h: any) => h?.spec?.scaleTargetRef?.kind === kind && h.spec.scaleTargetRef.name === name)
    .map((h: any) => ({
      name: String(h.metadata?.name ?? ''), uid: String(h.metadata?.uid ?? ''),
      ...(typeof h.spec.minReplicas === 'number' ? { minReplicas: h.spec.minReplicas } : {}),
      ...(typeof h.spec.maxReplicas === 'number' ? { maxReplicas: h.spec.maxReplicas } : {}),
    })), [q.data, kind, name]);
}
