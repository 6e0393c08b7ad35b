import type { KubeHttp } from '../cluster/kubeHttp';

/** A LIST followed through its `continue` tokens, 500 at a time, like kubectl's FollowContinue. */
export async function listAll<T = any>(http: KubeHttp, path: string, query: Record<string, string | undefined> = {}, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cont: string | undefined;
  do {
    const page = await http.request('GET', path, { query: { ...query, limit: 500, continue: cont }, timeoutMs: 60_000, signal });
    items.push(...(page?.items ?? []));
    cont = page?.metadata?.continue || undefined;
  } while (cont);
  return items;
}
