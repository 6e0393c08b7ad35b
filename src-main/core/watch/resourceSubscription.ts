import type { WatchHub, Entry, ObjectEntry } from './watchHub';
import { DeltaBatcher } from './deltaBatcher';
import { watchDebug } from './watchDebug';
import type { WatchEvent, WatchParams, MetaRow } from '../../../shared/contract/resources';

/** What a view receives for each object: the projection it asked for, never the whole object. */
function project(projection: WatchParams['projection'], e: Entry): unknown {
  if (projection !== 'meta') return e;
  const o = e as ObjectEntry;
  const row: MetaRow = { uid: o.uid, name: o.name };
  if (o.namespace) row.namespace = o.namespace;
  if (o.labels) row.labels = o.labels;
  if (o.creationTimestamp) row.creationTimestamp = o.creationTimestamp;
  if (o.resourceVersion) row.resourceVersion = o.resourceVersion;
  return row;
}

/**
 * Connects one view's subscription to a shared informer: a snapshot first (once: a relist reaches the
 * view as the deltas it makes), then deltas coalesced per frame, and freshness changes as they happen.
 */
export function subscribeResources(
  hub: WatchHub,
  params: WatchParams,
  emit: (e: WatchEvent) => void,
  opts: { batchMs?: number; congested?: () => boolean; onEnd?: (error: Error) => void } = {},
): () => void {
  const { informer, release } = hub.acquire<Entry>({
    context: params.context, group: params.group, version: params.version, resource: params.resource,
    namespace: params.namespace, representation: params.projection === 'table' ? 'table' : 'object',
  });
  // Each watch connection brings a new (usually identical) column list: send it only when its content
  // changed, since the renderer re-sorts the whole table on new columns.
  let columnsSent: unknown;
  let columnsSentJson = '';
  const batcher = new DeltaBatcher<unknown>((upserts, deletes) => {
    const cols = informer.reflector.tableColumns;
    const e: WatchEvent = { type: 'delta', upserts, deletes };
    if (cols && cols !== columnsSent) {
      columnsSent = cols;
      const json = JSON.stringify(cols);
      if (json !== columnsSentJson) { e.columns = cols; columnsSentJson = json; }
    }
    emit(e);
  }, opts.batchMs ?? 33, () => !(opts.congested?.() ?? false));

  const remove = informer.addHandler({
    onSync(items, columns, freshness) {
      batcher.clear();
      columnsSent = columns;
      columnsSentJson = columns ? JSON.stringify(columns) : '';
      const e: WatchEvent = { type: 'snapshot', items: items.map((i) => project(params.projection, i)), freshness };
      watchDebug(() => `subscription ${params.resource} in ${params.namespace ?? 'all namespaces'} (${params.projection}): snapshot of ${items.length}, ${freshness.state}`);
      if (columns) e.columns = columns;
      emit(e);
    },
    onChanges(changes) {
      for (const c of changes) {
        if (c.type === 'deleted') batcher.delete(c.key);
        else batcher.upsert(c.key, project(params.projection, c.obj));
      }
    },
    onFreshness(freshness) {
      batcher.flush();
      emit({ type: 'freshness', freshness });
    },
    onEnd(error) {
      batcher.flush();
      opts.onEnd?.(error);
    },
  });
  return () => {
    remove();
    batcher.dispose();
    release();
  };
}
