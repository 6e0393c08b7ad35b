import type { Core } from './core';
import type { Handlers } from '../transport/contractSession';
import { subscribeResources } from './watch/resourceSubscription';
import { objectPath, collectionPath } from './cluster/resourcePath';
import { maskSecret, stripManagedFields } from './objectSanitizer';
import type { KubeHttp } from './cluster/kubeHttp';
import { toContractError } from './cluster/apiError';
import { HttpListWatch, type RawObject } from './watch/listWatch';
import { SharedInformer } from './watch/informer';
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
      // After a kubeconfig change the events are listed afresh on the context's new connection (a new snapshot).
      'events.forObject': (params, sink) => core.followConnection(params.context,
        (conn) => subscribeEventsForObject(conn.http, params, (e) => sink.emit(e), () => sink.congested()),
        (err) => sink.end(toContractError(err))),
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

/**
 * Events about one object, live: its own list+watch with fieldSelector involvedObject.uid (one per
 * open details panel, stopped when it closes), emitting the same snapshot/delta events as resources.watch.
 */
export function subscribeEventsForObject(http: KubeHttp, params: EventsForObjectParams, emit: (e: WatchEvent) => void, congested: () => boolean = () => false): () => void {
  const source = new HttpListWatch(http, { group: '', version: 'v1', resource: 'events' }, params.namespace, 'object', { fieldSelector: `involvedObject.uid=${params.uid}` });
  const informer = new SharedInformer<KubeEventRow>(source, (raw) => raw.metadata?.uid, projectEventRow);
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
  });
  informer.start();
  return () => {
    remove();
    batcher.dispose();
    void informer.stop();
  };
}
