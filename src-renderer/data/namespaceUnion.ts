// Several namespaces shown at once (the picker's multi-select, `ns=a,b` in the URL): one watch per
// namespace, merged by data/watchUnion.ts into the stream a single watch gives. Per-namespace watches
// work for a user who may not list cluster-wide, and cost no more than one cluster-wide watch filtered.
import type { WatchParams } from '../../shared/contract/resources';
import { openWatchUnion, type OpenWatch, type WatchHandlers } from './watchUnion';

export type { OpenWatch, WatchHandlers } from './watchUnion';

/** `a,b` → ['a', 'b']; a single name or none → undefined (not a union). */
export function namespaceList(namespace: string | undefined): string[] | undefined {
  if (!namespace?.includes(',')) return undefined;
  const list = [...new Set(namespace.split(',').map((n) => n.trim()).filter(Boolean))];
  return list.length > 1 ? list : undefined;
}

/**
 * One watch per namespace of `params.namespace` (`a,b`), merged: the first snapshot once every
 * namespace has listed, one namespace ending ends the union. A single namespace is passed straight through.
 */
export function openNamespaceUnion(open: OpenWatch, params: WatchParams, h: WatchHandlers): { close(): void } {
  const list = namespaceList(params.namespace);
  if (!list) return open(params, h);
  return openWatchUnion(open, list.map((ns) => ({ key: ns, label: `namespace ${ns}`, params: { ...params, namespace: ns } })), h, { trouble: 'wait' });
}
