import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { collectionPath, objectPath } from '../cluster/resourcePath';
import { requireActionAccess } from './accessCheck';
import { autoscalerTargets } from '../../../shared/actions/autoscalerTarget';
import { resourceOf } from '../../../shared/model/kinds';
import { kubectlName, WORKLOAD_RESOURCES } from './workloadResource';
import { MERGE_PATCH, writeQuery } from './writeOptions';
import type { ScalableKind, ScaleResult } from '../../../shared/contract/actions';

export interface ScaleParams {
  namespace: string;
  kind: ScalableKind;
  name: string;
  replicas: number;
  dryRun?: boolean;
}

/**
 * `kubectl scale --replicas=N`: a merge patch `{"spec":{"replicas":N}}` on the `/scale` subresource.
 * HorizontalPodAutoscalers aimed at the object are reported as a warning (they may scale it back),
 * never a reason to refuse.
 */
export async function scaleWorkload(http: KubeHttp, p: ScaleParams): Promise<ScaleResult> {
  const resource = WORKLOAD_RESOURCES[p.kind];
  await requireActionAccess(http, 'scale', { ...resource, namespace: p.namespace, name: p.name });
  const path = objectPath(resource, p.namespace, p.name, 'scale');
  const before = await http.request('GET', path);
  const after = await http.request('PATCH', path, {
    body: { spec: { replicas: p.replicas } }, contentType: MERGE_PATCH, query: writeQuery(p.dryRun),
  });
  const autoscalers = await autoscalersTargeting(http, p.namespace, p.kind, p.name);
  const warnings = autoscalers.map((h) =>
    `HorizontalPodAutoscaler "${h.name}" manages the replicas of ${p.kind} "${p.name}" (min ${h.minReplicas ?? 1}, max ${h.maxReplicas}); it may scale it back.`);
  return {
    replicas: Number(after?.spec?.replicas ?? p.replicas),
    previousReplicas: Number(before?.spec?.replicas ?? 0),
    dryRun: !!p.dryRun,
    autoscalers,
    warnings,
    message: `${kubectlName(p.kind, p.name)} scaled${p.dryRun ? ' (server dry run)' : ''}`,
  };
}

/** HPAs in the namespace whose scaleTargetRef is this object; empty if we may not list them. */
export async function autoscalersTargeting(http: KubeHttp, namespace: string, kind: string, name: string): Promise<ScaleResult['autoscalers']> {
  let list: any;
  for (const version of ['v2', 'v1']) {
    try {
      list = await http.request('GET', collectionPath({ group: 'autoscaling', version, resource: 'horizontalpodautoscalers' }, namespace), { timeoutMs: 15_000 });
      break;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) continue;
      if (err instanceof ApiError && err.status === 403) return [];
      throw err;
    }
  }
  return (list?.items ?? [])
    .filter((h: any) => autoscalerTargets(h?.spec?.scaleTargetRef, { group: resourceOf(kind).group, kind, name }))
    .map((h: any) => {
      const entry: ScaleResult['autoscalers'][number] = { name: String(h.metadata?.name), maxReplicas: Number(h.spec.maxReplicas) };
      if (h.spec.minReplicas !== undefined) entry.minReplicas = Number(h.spec.minReplicas);
      return entry;
    });
}
