import { z } from 'zod';

// Point-and-click actions with exactly kubectl's effect on the cluster (scale, rollout restart / history /
// undo / pause / resume, delete, cordon / uncordon / drain, apply, replace) and the activity log that
// records each one. Params are validated here; the core implements them in src-main/core/actions/.

/** An object name as the API server accepts it in a path: ≤ 253 characters, no slash, not `.`/`..`. */
export const ObjectName = z.string().min(1).max(253).refine((s) => !s.includes('/') && s !== '.' && s !== '..', 'not a valid object name');
/** A namespace is a DNS-1123 label. */
export const NamespaceName = z.string().min(1).max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit, at most 63 characters');
const Context = z.string().min(1).max(1024);

export const RolloutKind = z.enum(['Deployment', 'StatefulSet', 'DaemonSet']);
export type RolloutKind = z.infer<typeof RolloutKind>;
export const ScalableKind = z.enum(['Deployment', 'StatefulSet', 'ReplicaSet']);
export type ScalableKind = z.infer<typeof ScalableKind>;

export const WorkloadTarget = z.object({ context: Context, namespace: NamespaceName, kind: RolloutKind, name: ObjectName });
export type WorkloadTarget = z.infer<typeof WorkloadTarget>;

const GenericTarget = z.object({
  context: Context,
  group: z.string().max(253),
  version: z.string().min(1).max(63),
  resource: z.string().min(1).max(253).regex(/^[a-z0-9][-a-z0-9.]*$/, 'not a valid resource name'),
  namespace: NamespaceName.optional(),
  name: ObjectName,
});

export const TemplateChange = z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() });
export type TemplateChange = z.infer<typeof TemplateChange>;

export const RevisionEntry = z.object({
  revision: z.number().int(),
  source: z.string(),
  changeCause: z.string().optional(),
  images: z.array(z.object({ container: z.string(), image: z.string() })),
  createdAt: z.string().optional(),
  current: z.boolean(),
  replicas: z.number().int().optional(),
  template: z.record(z.string(), z.unknown()),
});
export type RevisionEntry = z.infer<typeof RevisionEntry>;

export const RolloutStatusInfo = z.object({
  message: z.string(),
  done: z.boolean(),
  error: z.string().optional(),
  stuck: z.boolean(),
  counts: z.object({ desired: z.number(), current: z.number(), updated: z.number(), ready: z.number(), available: z.number() }),
});
export type RolloutStatusInfo = z.infer<typeof RolloutStatusInfo>;

export const ScaleResult = z.object({
  replicas: z.number().int(),
  previousReplicas: z.number().int(),
  dryRun: z.boolean(),
  /** HorizontalPodAutoscalers that target the object: a warning (they may scale it back), never a block. */
  autoscalers: z.array(z.object({ name: z.string(), minReplicas: z.number().int().optional(), maxReplicas: z.number().int() })),
  warnings: z.array(z.string()),
  message: z.string(),
});
export type ScaleResult = z.infer<typeof ScaleResult>;

export const RestartResult = z.object({ restartedAt: z.string(), message: z.string() });
export type RestartResult = z.infer<typeof RestartResult>;

export const UndoResult = z.object({
  outcome: z.enum(['rolled-back', 'skipped']),
  revision: z.number().int(),
  message: z.string(),
  dryRun: z.boolean(),
  /** What changes in the pod template (empty when skipped). */
  changes: z.array(TemplateChange),
  summary: z.string(),
  warnings: z.array(z.string()),
  /** For a dry run: the object the API server would store. */
  object: z.record(z.string(), z.unknown()).optional(),
});
export type UndoResult = z.infer<typeof UndoResult>;

export const ChangeResult = z.object({ changed: z.boolean(), message: z.string() });
export type ChangeResult = z.infer<typeof ChangeResult>;

export const PropagationPolicy = z.enum(['Background', 'Foreground', 'Orphan']);
export const DeleteResult = z.object({
  /** `deleted` when the object is gone; `deleting` when finalizers (or foreground deletion) hold it. */
  outcome: z.enum(['deleted', 'deleting']),
  message: z.string(),
  dryRun: z.boolean(),
});
export type DeleteResult = z.infer<typeof DeleteResult>;

export const ApplyDocumentResult = z.object({
  index: z.number().int(),
  apiVersion: z.string(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  outcome: z.enum(['created', 'configured', 'conflict', 'error']),
  message: z.string(),
  /** For a conflict: the field managers that own the fields, as the API server names them. */
  conflicts: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(),
  /** For a dry run: the object the API server would store (managedFields dropped, Secret values masked). */
  object: z.record(z.string(), z.unknown()).optional(),
  /** For a dry run of an object that exists: the object as it is now (same sanitising), for a per-field diff. */
  current: z.record(z.string(), z.unknown()).optional(),
  /** For a forced dry run: the fields whose ownership would move to this app, and from which managers. */
  ownership: z.array(z.object({ field: z.string(), from: z.array(z.string()) })).optional(),
});
export const ApplyResult = z.object({ ok: z.boolean(), dryRun: z.boolean(), results: z.array(ApplyDocumentResult) });
export type ApplyResult = z.infer<typeof ApplyResult>;

export const ReplaceResult = z.object({ resourceVersion: z.string(), dryRun: z.boolean(), message: z.string() });
export type ReplaceResult = z.infer<typeof ReplaceResult>;

export const PodRef = z.object({ namespace: z.string(), name: z.string() });
export type PodRef = z.infer<typeof PodRef>;

export const DrainParams = z.object({
  context: Context,
  node: ObjectName,
  /** Like --force: also evict pods no controller manages. */
  force: z.boolean().default(false),
  /** Like --ignore-daemonsets (default here): DaemonSet pods are left where they are. */
  ignoreDaemonSets: z.boolean().default(true),
  /** Like --delete-emptydir-data. */
  deleteEmptyDirData: z.boolean().default(false),
  /** Like --grace-period; absent uses each pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds: z.number().int().min(0).max(86_400).optional(),
  /** After this, pods still blocked (a PodDisruptionBudget answering 429) are reported, not waited for. */
  timeoutSeconds: z.number().int().min(1).max(3_600).default(120),
  /** Pause between eviction retries (kubectl's default is 5 s). */
  retryDelaySeconds: z.number().min(0.1).max(60).default(5),
});
export type DrainParams = z.infer<typeof DrainParams>;

export const DrainResult = z.object({
  node: z.string(),
  outcome: z.enum(['drained', 'blocked', 'refused', 'failed', 'cancelled']),
  message: z.string(),
  evicted: z.array(PodRef),
  blocked: z.array(PodRef.extend({ reason: z.string() })),
  failed: z.array(PodRef.extend({ reason: z.string() })),
  skipped: z.array(PodRef.extend({ reason: z.string() })),
  refused: z.array(PodRef.extend({ reason: z.string() })),
  warnings: z.array(z.string()),
});
export type DrainResult = z.infer<typeof DrainResult>;

/** What a drain would do now, before it starts (nothing is cordoned or evicted). */
export const DrainPlan = z.object({
  evict: z.array(PodRef),
  skipped: z.array(PodRef.extend({ reason: z.string() })),
  refused: z.array(PodRef.extend({ reason: z.string() })),
  /** Pods to evict that a PodDisruptionBudget allows no disruption of now: their eviction will wait. */
  budgetBlocked: z.array(PodRef.extend({ reason: z.string() })),
  warnings: z.array(z.string()),
});
export type DrainPlan = z.infer<typeof DrainPlan>;

export const DrainEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cordoned'), node: z.string(), changed: z.boolean() }),
  z.object({
    type: z.literal('plan'),
    evict: z.array(PodRef),
    skipped: z.array(PodRef.extend({ reason: z.string() })),
    refused: z.array(PodRef.extend({ reason: z.string() })),
  }),
  z.object({
    type: z.literal('pod'),
    pod: PodRef,
    state: z.enum(['evicting', 'retrying', 'evicted', 'gone', 'blocked', 'failed']),
    message: z.string().optional(),
    attempt: z.number().int().optional(),
  }),
  z.object({ type: z.literal('done'), result: DrainResult }),
]);
export type DrainEvent = z.infer<typeof DrainEvent>;

export const RolloutStatusEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('status'),
    status: RolloutStatusInfo,
    generation: z.number().int().optional(),
    observedGeneration: z.number().int().optional(),
    revision: z.string().optional(),
    paused: z.boolean(),
  }),
  z.object({ type: z.literal('gone') }),
]);
export type RolloutStatusEvent = z.infer<typeof RolloutStatusEvent>;

export const ActivityEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  context: z.string(),
  action: z.string(),
  /** What the action was aimed at: `deployments.apps web`, `node kwok-node-0`, `3 documents`. */
  target: z.string(),
  namespace: z.string().optional(),
  /** `running`: still under way; the same id comes again with its output so far, then with how it ended. */
  outcome: z.enum(['ok', 'skipped', 'refused', 'forbidden', 'conflict', 'blocked', 'cancelled', 'error', 'running']),
  message: z.string(),
  dryRun: z.boolean(),
  durationMs: z.number(),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const ActivityEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), entries: z.array(ActivityEntry) }),
  z.object({ type: z.literal('entry'), entry: ActivityEntry }),
]);
export type ActivityEvent = z.infer<typeof ActivityEvent>;

export const actionMethods = {
  'actions.scale': {
    params: z.object({
      context: Context, namespace: NamespaceName, kind: ScalableKind, name: ObjectName,
      replicas: z.number().int().min(0).max(100_000), dryRun: z.boolean().default(false),
    }),
    result: ScaleResult,
  },
  'actions.rolloutRestart': { params: WorkloadTarget, result: RestartResult },
  'actions.rolloutHistory': { params: WorkloadTarget, result: z.object({ revisions: z.array(RevisionEntry) }) },
  'actions.rolloutUndo': {
    params: WorkloadTarget.extend({
      /** Like --to-revision; 0 or absent means the revision before the current one. */
      toRevision: z.number().int().min(0).max(2 ** 53 - 1).default(0),
      dryRun: z.boolean().default(false),
    }),
    result: UndoResult,
  },
  'actions.rolloutPause': { params: WorkloadTarget, result: ChangeResult },
  'actions.rolloutResume': { params: WorkloadTarget, result: ChangeResult },
  'actions.delete': {
    params: GenericTarget.extend({
      propagationPolicy: PropagationPolicy.default('Background'),
      gracePeriodSeconds: z.number().int().min(0).max(86_400).optional(),
      dryRun: z.boolean().default(false),
    }),
    result: DeleteResult,
  },
  'actions.cordon': { params: z.object({ context: Context, node: ObjectName, dryRun: z.boolean().default(false) }), result: ChangeResult },
  'actions.uncordon': { params: z.object({ context: Context, node: ObjectName, dryRun: z.boolean().default(false) }), result: ChangeResult },
  'actions.apply': {
    params: z.object({
      context: Context,
      /** One or more YAML (or JSON) documents separated by `---`. */
      yaml: z.string().min(1).max(2_000_000),
      /** Namespace for namespaced objects that name none (like kubectl's -n). */
      namespace: NamespaceName.optional(),
      dryRun: z.boolean().default(false),
      /** Take ownership of fields another manager owns (server-side apply --force-conflicts). */
      force: z.boolean().default(false),
      /** `create`: POST like `kubectl create -f` (an existing object is an AlreadyExists error); the New menu and Expose use it. */
      mode: z.enum(['apply', 'create']).default('apply'),
    }),
    result: ApplyResult,
  },
  'actions.replace': {
    params: GenericTarget.extend({
      /** The edited object; metadata.resourceVersion must be the version the edit started from. */
      object: z.record(z.string(), z.unknown()),
      dryRun: z.boolean().default(false),
    }),
    result: ReplaceResult,
  },
  'activity.list': { params: z.object({ context: Context.optional() }), result: z.object({ entries: z.array(ActivityEntry) }) },
  /** The drain preview: the pods a drain with these options would evict, skip and refuse (reads only). */
  'actions.drainPlan': { params: DrainParams.pick({ context: true, node: true, force: true, ignoreDaemonSets: true, deleteEmptyDirData: true }), result: DrainPlan },
} as const;

export const actionTopics = {
  /** Starts a drain (cordon, then evict) and streams its progress; unsubscribing cancels it. */
  'actions.drain': { params: DrainParams, event: DrainEvent },
  /** `kubectl rollout status`, kept current by a watch of the one object. */
  'actions.rolloutStatus': {
    params: WorkloadTarget.extend({ revision: z.number().int().min(0).default(0) }),
    event: RolloutStatusEvent,
  },
  'activity.watch': { params: z.object({ context: Context.optional() }), event: ActivityEvent },
} as const;
