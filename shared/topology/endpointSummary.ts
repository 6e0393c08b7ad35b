import type { EndpointSummary } from './graphModel';
import { SERVICE_NAME_LABEL, type TopoObject } from './topologyObject';

/**
 * EndpointSlices are not drawn: each Service's card shows its ready/total endpoints, summed over the
 * slices that name it (`serviceName`, else the kubernetes.io/service-name label). Keyed `namespace/name`.
 */
export function endpointsByService(slices: readonly TopoObject[]): Map<string, EndpointSummary> {
  const out = new Map<string, EndpointSummary>();
  for (const s of slices) {
    const svc = s.endpointSlice?.serviceName ?? s.labels?.[SERVICE_NAME_LABEL];
    if (!svc) continue;
    const key = serviceKey(s.namespace, svc);
    const sum = out.get(key) ?? { ready: 0, total: 0 };
    sum.ready += s.endpointSlice?.ready ?? 0;
    sum.total += s.endpointSlice?.total ?? 0;
    out.set(key, sum);
  }
  return out;
}

export const serviceKey = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`;
