import type { KubeHttp } from './kubeHttp';

/** What a long-lived stream (a followed log, a workload's logs) needs of a context's HTTP. */
export type StreamHttp = Pick<KubeHttp, 'raw' | 'request' | 'poolStats'>;

/**
 * A context's HTTP that goes through whatever connection the core holds for the context at each call.
 * A kubeconfig rewrite (an OIDC or gcp auth-provider writing its refreshed token into the file, the
 * user editing it) replaces the context's connection and closes the old one; a followed log resuming
 * after that must ask the new one, not the closed one forever. When the context is gone, calls fail
 * with the core's reason (a ContractError: unknown-context, invalid-kubeconfig).
 */
export function currentHttp(connection: () => { http: KubeHttp }): StreamHttp {
  return {
    raw: async (method, path, opts) => connection().http.raw(method, path, opts),
    request: async <T>(method: Parameters<KubeHttp['request']>[0], path: string, opts?: Parameters<KubeHttp['request']>[2]) =>
      connection().http.request<T>(method, path, opts),
    poolStats: () => connection().http.poolStats(),
  };
}
