import type { KubeHttp } from '../cluster/kubeHttp';
import { objectPath, type ResourcePath } from '../cluster/resourcePath';
import { requireActionAccess } from './accessCheck';
import type { DeleteResult } from '../../../shared/contract/actions';

export interface DeleteParams extends ResourcePath {
  namespace?: string;
  name: string;
  /** kubectl's --cascade: background (default), foreground or orphan. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

/**
 * `kubectl delete --cascade=…`: a DELETE with DeleteOptions carrying the propagation policy. The object
 * may outlive the call (finalizers, foreground deletion waits for dependents): that is `deleting`.
 */
export async function deleteObject(http: KubeHttp, p: DeleteParams): Promise<DeleteResult> {
  await requireActionAccess(http, 'delete', p);
  const body: Record<string, unknown> = { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: p.propagationPolicy ?? 'Background' };
  if (p.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = p.gracePeriodSeconds;
  if (p.dryRun) body.dryRun = ['All'];
  const res = await http.request('DELETE', objectPath(p, p.namespace, p.name), { body });
  const lingering = res?.kind !== 'Status' && !!res?.metadata?.deletionTimestamp && (res.metadata.finalizers?.length ?? 0) > 0;
  const label = `${p.resource}${p.group ? `.${p.group}` : ''} "${p.name}"`;
  return {
    outcome: lingering ? 'deleting' : 'deleted',
    message: lingering
      ? `${label} is being deleted (waiting for finalizers: ${res.metadata.finalizers.join(', ')})${p.dryRun ? ' (server dry run)' : ''}`
      : `${label} deleted${p.dryRun ? ' (server dry run)' : ''}`,
    dryRun: !!p.dryRun,
  };
}
