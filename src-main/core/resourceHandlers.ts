import type { Core } from './core';
import type { Handlers } from '../transport/contractSession';
import { subscribeResources } from './watch/resourceSubscription';
import { objectPath, collectionPath } from './cluster/resourcePath';
import { maskSecret, stripManagedFields } from './objectSanitizer';

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
          query: { labelSelector: p.labelSelector }, timeoutMs: 60_000,
        });
        return (list.items ?? []).map((o: any) => maskSecret(stripManagedFields({ ...o, kind: o.kind ?? list.kind?.replace(/List$/, ''), apiVersion: o.apiVersion ?? list.apiVersion })));
      },
    },
    topics: {
      'resources.watch': (params, sink) => subscribeResources(core.hub, params, (e) => sink.emit(e), { congested: () => sink.congested() }),
    },
  };
}
