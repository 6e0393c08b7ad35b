import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { collectionPath, type ResourcePath } from '../cluster/resourcePath';
import { Backoff } from '../watch/backoff';

export interface ObjectWatchHandlers {
  /** The object as it now is, or undefined when it does not exist (yet, or any more). */
  onObject(obj: any | undefined): void;
  /** A failure the watch will retry after a backoff (for a readable status; no action needed). */
  onTrouble?(err: unknown): void;
}

/**
 * Keeps one named object current without polling: LIST with a `metadata.name` field selector (for a
 * consistent resourceVersion even when the object is absent), then WATCH from there with bookmarks,
 * re-watching when the server ends the stream and relisting after 410 Gone, with client-go's backoff
 * on errors. Returns the function that stops it.
 */
export function watchObject(http: KubeHttp, resource: ResourcePath, namespace: string | undefined, name: string, h: ObjectWatchHandlers): () => void {
  const controller = new AbortController();
  const signal = controller.signal;
  const fieldSelector = `metadata.name=${name}`;
  const path = collectionPath(resource, namespace);
  const backoff = new Backoff();

  const run = async () => {
    let rv: string | undefined;
    while (!signal.aborted) {
      try {
        if (rv === undefined) {
          const list = await http.request('GET', path, { query: { fieldSelector }, signal, timeoutMs: 30_000 });
          rv = String(list?.metadata?.resourceVersion ?? '');
          h.onObject(list?.items?.[0]);
        }
        const res = await http.raw('GET', path, {
          query: { watch: 1, fieldSelector, resourceVersion: rv, allowWatchBookmarks: true, timeoutSeconds: 240 + Math.floor(Math.random() * 120) },
          signal,
        });
        const lines = createInterface({ input: Readable.fromWeb(res.body as any), crlfDelay: Infinity });
        for await (const line of lines) {
          if (!line) continue;
          const ev = JSON.parse(line);
          const obj = ev?.object;
          if (ev?.type === 'ERROR') {
            if (obj?.code === 410 || obj?.reason === 'Expired' || obj?.reason === 'Gone') { rv = undefined; break; }
            throw new ApiError(Number(obj?.code ?? 500), String(obj?.message ?? 'watch error'), obj?.reason);
          }
          if (obj?.metadata?.resourceVersion) rv = String(obj.metadata.resourceVersion);
          if (ev?.type === 'ADDED' || ev?.type === 'MODIFIED') h.onObject(obj);
          else if (ev?.type === 'DELETED') h.onObject(undefined);
          backoff.healthy();
        }
      } catch (err) {
        if (signal.aborted) return;
        if (err instanceof ApiError && err.isGone) rv = undefined;
        h.onTrouble?.(err);
        await new Promise((resolve) => {
          const t = setTimeout(resolve, backoff.next());
          signal.addEventListener('abort', () => { clearTimeout(t); resolve(undefined); }, { once: true });
        });
      }
    }
  };
  void run();
  return () => controller.abort();
}
