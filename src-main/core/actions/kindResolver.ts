import type { KubeHttp } from '../cluster/kubeHttp';
import type { ResourcePath } from '../cluster/resourcePath';
import { ContractError } from '../../../shared/contract/contractError';
import { ApiError } from '../cluster/apiError';

export interface ResolvedKind extends ResourcePath {
  namespaced: boolean;
}

/**
 * apiVersion + kind → the resource to write to, from the API server's discovery of that group
 * version (kubectl's REST mapping). One discovery request per group version, remembered by the
 * returned function.
 */
export function kindResolver(http: KubeHttp): (apiVersion: string, kind: string) => Promise<ResolvedKind> {
  const lists = new Map<string, Promise<any>>();
  return async (apiVersion, kind) => {
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    if (!version || version.includes('/') || (slash >= 0 && !group)) throw new ContractError('bad-request', `"${apiVersion}" is not a valid apiVersion`);
    const path = group ? `/apis/${encodeURIComponent(group)}/${encodeURIComponent(version)}` : `/api/${encodeURIComponent(version)}`;
    let list = lists.get(path);
    if (!list) {
      list = http.request('GET', path, { timeoutMs: 30_000 }).catch((err) => {
        if (err instanceof ApiError && err.status === 404) return { resources: [] };
        throw err;
      });
      lists.set(path, list);
    }
    const found = ((await list)?.resources ?? []).find((r: any) => r.kind === kind && !String(r.name).includes('/'));
    if (!found) throw new ContractError('bad-request', `no matches for kind "${kind}" in version "${apiVersion}" (is the CRD installed?)`);
    return { group, version, resource: String(found.name), namespaced: !!found.namespaced };
  };
}
