import { z } from 'zod';

export const ResourceRef = z.object({
  group: z.string().max(253),
  version: z.string().max(63),
  resource: z.string().max(253),
});
export type ResourceRef = z.infer<typeof ResourceRef>;

/**
 * How fresh a subscription's data is, so no view shows old data as live. `checking`: the watch is
 * open but its connection has been silent long enough that a liveness probe went out and is not
 * answered yet (the data may be old; `reconnecting` follows if the connection is given up).
 */
export const Freshness = z.object({
  state: z.enum(['syncing', 'live', 'reconnecting', 'stale', 'forbidden', 'unauthorized', 'error', 'checking']),
  since: z.string(),
  reason: z.string().optional(),
});
export type Freshness = z.infer<typeof Freshness>;

/**
 * What a view needs of each object, computed in the main process. `topology` is shared/topology's
 * TopoObject, `table` is a row of the server's Table format (how kubectl get prints), `meta` is
 * name/namespace/labels only.
 */
export const Projection = z.enum(['topology', 'table', 'meta']);
export type Projection = z.infer<typeof Projection>;

export const TableColumn = z.object({
  name: z.string(),
  type: z.string(),
  format: z.string().optional(),
  priority: z.number(),
  description: z.string().optional(),
});
export type TableColumn = z.infer<typeof TableColumn>;

export const MetaRow = z.object({
  uid: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  creationTimestamp: z.string().optional(),
  resourceVersion: z.string().optional(),
});

/** A row of the server's Table format: identity plus the printed cells. */
export const TableRow = MetaRow.extend({ cells: z.array(z.unknown()) });
export type TableRow = z.infer<typeof TableRow>;

export type MetaRow = z.infer<typeof MetaRow>;

export const WatchParams = ResourceRef.extend({
  context: z.string(),
  namespace: z.string().max(253).optional(),
  projection: Projection,
});
export type WatchParams = z.infer<typeof WatchParams>;

export const WatchEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('snapshot'),
    items: z.array(z.unknown()),
    columns: z.array(TableColumn).optional(),
    freshness: Freshness,
  }),
  z.object({
    type: z.literal('delta'),
    upserts: z.array(z.unknown()),
    deletes: z.array(z.string()),
    columns: z.array(TableColumn).optional(),
  }),
  z.object({ type: z.literal('freshness'), freshness: Freshness }),
]);
export type WatchEvent = z.infer<typeof WatchEvent>;

export const ObjectRef = ResourceRef.extend({
  context: z.string(),
  namespace: z.string().max(253).optional(),
  name: z.string().max(253),
});
export type ObjectRef = z.infer<typeof ObjectRef>;

export const KubeEventRow = z.object({
  uid: z.string(),
  type: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  count: z.number().optional(),
  firstTimestamp: z.string().optional(),
  lastTimestamp: z.string().optional(),
  source: z.string().optional(),
  involvedObject: z.object({ kind: z.string().optional(), name: z.string().optional(), uid: z.string().optional(), fieldPath: z.string().optional() }),
  resourceVersion: z.string().optional(),
});
export type KubeEventRow = z.infer<typeof KubeEventRow>;

export const resourceMethods = {
  /** A full object for details and YAML; managedFields dropped, Secret values masked unless revealed. */
  'resource.get': {
    params: ObjectRef.extend({ reveal: z.boolean().optional(), managedFields: z.boolean().optional() }),
    result: z.record(z.string(), z.unknown()),
  },
  'resource.list': {
    params: ResourceRef.extend({ context: z.string(), namespace: z.string().optional(), labelSelector: z.string().max(4096).optional(), fieldSelector: z.string().max(4096).optional() }),
    result: z.array(z.record(z.string(), z.unknown())),
  },
} as const;

export const EventsForObjectParams = z.object({
  context: z.string(),
  /** The object's namespace; omitted for cluster-scoped objects (their events may live in any namespace). */
  namespace: z.string().max(253).optional(),
  uid: z.string().min(1).max(128),
});
export type EventsForObjectParams = z.infer<typeof EventsForObjectParams>;

export const resourceTopics = {
  'resources.watch': { params: WatchParams, event: WatchEvent },
  /**
   * Live core/v1 Events about one object (fieldSelector involvedObject.uid): the same snapshot/delta
   * events as resources.watch, items are KubeEventRow. The Table projection of events does not carry
   * the involved object's uid, hence this topic.
   */
  'events.forObject': { params: EventsForObjectParams, event: WatchEvent },
} as const;
