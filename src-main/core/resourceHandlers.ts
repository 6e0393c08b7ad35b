import type { Core } from './core';
import type { Handlers } from './handlers';
import { subscribeResources } from './watch/resourceSubscription';
import { objectPath, collectionPath } from './cluster/resourcePath';
import { maskSecret, stripManagedFields } from './objectSanitizer';
import { toContractError } from './cluster/apiError';
import type { RawObject } from './watch/listWatch';
import type { InformerView, WatchHub } from './watch/watchHub';
import { DeltaBatcher } from './watch/deltaBatcher';
import type { EventsForObjectParams, KubeEventRow, WatchEvent } from '../../shared/contract/resources';

/** Live resource subscriptions, and full objects fetched on demand for details and YAML. */
export function resourceHandlers(core: Core): Handlers {
  return {
    methods: {
      'resource.get': async (p) => {
        const obj = await core.connection(p.context).http.request('GET', objectPath(p, p.namespace, p.name));
        const o = p.managedFields ? obj : stripManagedFields(obj);
        return p.reveal ? o : maskSecret(o);
      },
      'resource.list': async (p) => {
        const list = await core.connection(p.context).http.request('GET', collectionPath(p, p.namespace), {
          query: { labelSelector: p.labelSelector, fieldSelector: p.fieldSelector }, timeoutMs: 60_000,
        });
        return (list.items ?? []).map((o: any) => maskSecret(stripManagedFields({ ...o, kind: o.kind ?? list.kind?.replace(/List$/, ''), apiVersion: o.apiVersion ?? list.apiVersion })));
      },
    },
    topics: {
      'resources.watch': (params, sink) => subscribeResources(core.hub, params, (e) => sink.emit(e), {
        congested: () => sink.congested(),
        onEnd: (error) => sink.end(toContractError(error)),
      }),
      'events.forObject': (params, sink) => subscribeEventsForObject(core.hub, params, (e) => sink.emit(e), {
        congested: () => sink.congested(),
        onEnd: (error) => sink.end(toContractError(error)),
      }),
    },
  };
}

/** The slim row the details panel shows for one core/v1 Event (series and events.k8s.io fields folded in). */
export function projectEventRow(raw: RawObject): KubeEventRow | undefined {
  const e: any = raw;
  const uid = e?.metadata?.uid;
  if (!uid) return undefined;
  const row: KubeEventRow = { uid, involvedObject: {} };
  const io = e.involvedObject ?? {};
  for (const k of ['kind', 'name', 'uid', 'fieldPath'] as const) if (typeof io[k] === 'string' && io[k]) row.involvedObject[k] = io[k];
  if (e.type) row.type = String(e.type);
  if (e.reason) row.reason = String(e.reason);
  if (e.message) row.message = String(e.message);
  const count = e.series?.count ?? e.count;
  if (typeof count === 'number') row.count = count;
  const first = e.firstTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
  const last = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? first;
  if (first) row.firstTimestamp = String(first);
  if (last) row.lastTimestamp = String(last);
  const source = e.source?.component ? [e.source.component, e.source.host].filter(Boolean).join(', ') : e.reportingComponent || undefined;
  if (source) row.source = String(source);
  if (e.metadata?.resourceVersion) row.resourceVersion = String(e.metadata.resourceVersion);
  return row;
}

const EVENT_ROWS: InformerView<KubeEventRow> = { name: 'event-row', transform: projectEventRow };

/**
 * Events about one object, live: the hub's list+watch of events with fieldSelector involvedObject.uid
 * (shared by every panel open on the object, released when they close), emitting the same
 * snapshot/delta events as resources.watch. It follows the context's link like every hub informer
 * (relists on a new connection; `onEnd` with the reason when the context is gone).
 */
export function subscribeEventsForObject(
  hub: WatchHub, params: EventsForObjectParams, emit: (e: WatchEvent) => void,
  opts: { congested?: () => boolean; onEnd?: (error: Error) => void } = {},
): () => void {
  const { informer, release } = hub.acquire({
    context: params.context, group: '', version: 'v1', resource: 'events', namespace: params.namespace,
    representation: 'object', fieldSelector: `involvedObject.uid=${params.uid}`,
  }, EVENT_ROWS);
  const congested = opts.congested ?? (() => false);
  const batcher = new DeltaBatcher<KubeEventRow>((upserts, deletes) => emit({ type: 'delta', upserts, deletes }), 100, () => !congested());
  const remove = informer.addHandler({
    onSync(items, _columns, freshness) {
      batcher.clear();
      emit({ type: 'snapshot', items, freshness });
    },
    onChanges(changes) {
      for (const c of changes) {
        if (c.type === 'deleted') batcher.delete(c.key);
        else batcher.upsert(c.key, c.obj);
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
