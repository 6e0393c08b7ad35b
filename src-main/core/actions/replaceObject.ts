import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { objectPath, type ResourcePath } from '../cluster/resourcePath';
import { requireActionAccess } from './accessCheck';
import { writeQuery } from './writeOptions';
import { ContractError } from '../../../shared/contract/contractError';
import type { ReplaceResult } from '../../../shared/contract/actions';

export interface ReplaceParams extends ResourcePath {
  namespace?: string;
  name: string;
  /** The edited object, carrying the resourceVersion the edit started from. */
  object: Record<string, unknown>;
  dryRun?: boolean;
}

/**
 * `kubectl replace` of an edited object (what `kubectl edit` does underneath): a PUT guarded by
 * metadata.resourceVersion, so a change made meanwhile by anyone else is a conflict, never overwritten.
 */
export async function replaceObject(http: KubeHttp, p: ReplaceParams): Promise<ReplaceResult> {
  const meta = (p.object.metadata ?? {}) as Record<string, unknown>;
  if (typeof meta.resourceVersion !== 'string' || meta.resourceVersion === '') {
    throw new ContractError('bad-request', 'The edited object has no metadata.resourceVersion; reload it and edit again so that concurrent changes are detected.');
  }
  if (meta.name !== undefined && meta.name !== p.name) throw new ContractError('bad-request', `The edited object is named "${String(meta.name)}", not "${p.name}"; renaming is not an edit.`);
  if (p.namespace !== undefined && meta.namespace !== undefined && meta.namespace !== p.namespace) {
    throw new ContractError('bad-request', `The edited object is in namespace "${String(meta.namespace)}", not "${p.namespace}".`);
  }
  await requireActionAccess(http, 'replace', p);
  try {
    const stored = await http.request('PUT', objectPath(p, p.namespace, p.name), { body: p.object, query: writeQuery(p.dryRun) });
    return {
      resourceVersion: String(stored?.metadata?.resourceVersion ?? ''),
      dryRun: !!p.dryRun,
      message: `${p.resource}${p.group ? `.${p.group}` : ''} "${p.name}" replaced${p.dryRun ? ' (server dry run)' : ''}`,
    };
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      throw new ContractError('conflict',
        `${p.resource} "${p.name}" was changed by someone else after you opened it (your edit started from resourceVersion ${meta.resourceVersion}). Nothing was written: reload the object and make your edit again.`,
        err.message);
    }
    throw err;
  }
}
