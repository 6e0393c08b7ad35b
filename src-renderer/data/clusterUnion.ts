// Several clusters shown at once (the top bar's "Clusters", `with=` in the URL): one watch per context,
// each row tagged with its cluster. One unreachable cluster never blanks the others: the union starts
// once each cluster has listed or said why it cannot, and each keeps its own freshness (`parts`).
import type { WatchParams } from '../../shared/contract/resources';
import { openWatchUnion, type OpenWatch, type UnionFreshness, type WatchHandlers } from './watchUnion';
import { openNamespaceUnion } from './namespaceUnion';

/** What a row of a merged view carries besides its own fields. */
export interface ClusterTagged {
  /** The context the row came from. */
  cluster?: string;
  /** The object's own uid (`uid` is the union's key: uids of two contexts on one cluster would collide). */
  objectUid?: string;
}

/** The union's key of an object of a context. */
export const clusterKey = (context: string, uid: string) => `${context}\u001f${uid}`;

/** The object's own uid of a row, merged or not. */
export const objectUidOf = (row: { uid: string } & ClusterTagged) => row.objectUid ?? row.uid;

/**
 * One watch per context (`params.context` first, then `others`), each opened with `open` (which may
 * itself be a namespace union), rows tagged `cluster` and keyed by `clusterKey`.
 */
export function openClusterUnion(open: OpenWatch, params: WatchParams, others: readonly string[], h: WatchHandlers): { close(): void } {
  const contexts = [...new Set([params.context, ...others])];
  return openWatchUnion(open, contexts.map((context) => ({ key: context, label: `cluster ${context}`, params: { ...params, context } })), h, {
    trouble: 'isolate',
    tag: (item, context) => {
      const o = item as { uid: string };
      return { ...o, uid: clusterKey(context, o.uid), objectUid: o.uid, cluster: context };
    },
    rekey: (uid, context) => clusterKey(context, uid),
  });
}

/**
 * What every live list of the renderer opens: `params` as one watch, or one per namespace of `a,b`
 * (namespaceUnion.ts), and that again per cluster when `others` are shown with `params.context`.
 */
export function openLiveWatch(open: OpenWatch, params: WatchParams, others: readonly string[], h: WatchHandlers): { close(): void } {
  const one: OpenWatch = (p, hh) => openNamespaceUnion(open, p, hh);
  return others.length ? openClusterUnion(one, params, others, h) : one(params, h);
}

/** A cluster's own freshness in a merged list (undefined when the list is not merged). */
export const clusterFreshness = (f: UnionFreshness | undefined, context: string) => f?.parts?.[context];
