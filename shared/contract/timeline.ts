import { z } from 'zod';
import { Freshness } from './resources';
import { NamespaceName, WorkloadTarget } from './actions';

// A workload's change timeline, recorded by the core from a watch of its namespace while the app runs
// (image, scale, restart, revision, pause, failing pods), each change attributed from managedFields to
// the field manager that made it. Implemented in src-main/core/timeline/.

export const TimelineEntryKind = z.enum(['created', 'deleted', 'image', 'scale', 'restart', 'revision', 'paused', 'resumed', 'template', 'degraded', 'recovered', 'synced']);
export type TimelineEntryKind = z.infer<typeof TimelineEntryKind>;

export const TimelineEntry = z.object({
  /** Unique within one workload's timeline, increasing. */
  id: z.number().int(),
  /** When the change was seen (or, for entries reconstructed from history, when the object was created). */
  at: z.string(),
  kind: TimelineEntryKind,
  /** One line, plain text: `web: nginx:1.25 → nginx:1.26`. */
  summary: z.string(),
  /** The field manager (managedFields) that owns the changed field: `kubectl-set`, `wheelhouse`. */
  manager: z.string().optional(),
  /** True when no manager owns the changed field (it was removed) and `manager` is the latest writer. */
  managerInferred: z.boolean().optional(),
  /** The manager's operation and subresource: `Update`, `Apply`; `scale`. */
  operation: z.string().optional(),
  subresource: z.string().optional(),
  revision: z.number().int().optional(),
  /** The object the entry is about when it is not the workload itself (a ReplicaSet, a pod). */
  object: z.string().optional(),
  /** False for entries reconstructed at the start from what the cluster already held (ReplicaSet history). */
  observed: z.boolean(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineEvent = z.discriminatedUnion('type', [
  /** Everything recorded so far (oldest first), and since when the namespace has been watched. */
  z.object({ type: z.literal('snapshot'), entries: z.array(TimelineEntry), recordingSince: z.string(), freshness: Freshness }),
  z.object({ type: z.literal('entry'), entry: TimelineEntry }),
  z.object({ type: z.literal('freshness'), freshness: Freshness }),
]);
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** How many entries one workload's timeline keeps (oldest dropped first). */
export const TIMELINE_CAPACITY = 200;

export const timelineMethods = {} as const;

export const RecordingEvent = z.object({ type: z.literal('recording'), recordingSince: z.string(), freshness: Freshness });
export type RecordingEvent = z.infer<typeof RecordingEvent>;

export const timelineTopics = {
  /** One workload's timeline: everything recorded so far, then each new entry. */
  'timeline.watch': { params: WorkloadTarget, event: TimelineEvent },
  /**
   * Keeps a namespace recorded while subscribed (the workspace subscribes for the namespace it shows),
   * so changes made before anyone opens a workload's timeline are on it. Events say since when, and how fresh.
   */
  'timeline.record': { params: z.object({ context: z.string().min(1).max(1024), namespace: NamespaceName }), event: RecordingEvent },
} as const;
