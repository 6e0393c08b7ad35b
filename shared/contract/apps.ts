import { z } from 'zod';
import { NamespaceName } from './actions';

// Applications: desired state from a local folder (plain manifests, kustomize, Helm chart) compared
// with the live cluster like `kubectl diff`, synced with server-side apply, membership and prune by
// kubectl's ApplySet. The core implements these in src-main/core/apps/.

const Context = z.string().min(1).max(1024);
const AppId = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/);
/** The application's name is its ApplySet parent's name (a Secret): a DNS-1123 subdomain. */
export const AppName = z.string().min(1).max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'lower-case letters, digits and dashes (it names the ApplySet Secret)');

export const SourceType = z.enum(['plain', 'kustomize', 'helm', 'none']);
export type SourceType = z.infer<typeof SourceType>;

export const SourceDetection = z.object({
  type: SourceType,
  message: z.string(),
  /** The program that renders it, when found. */
  tool: z.string().optional(),
  /** Which program is missing, where it was looked for and how to install it. */
  toolMissing: z.string().optional(),
});
export type SourceDetection = z.infer<typeof SourceDetection>;

export const AppSource = z.object({
  path: z.string().min(1).max(4096),
  /** Default namespace for namespaced objects that name none; also the ApplySet parent's namespace. */
  namespace: NamespaceName,
  /** Helm: the release name for `helm template` (default: the application's name). */
  releaseName: z.string().max(53).optional(),
  /** Helm: values files, relative to the chart folder. */
  valuesFiles: z.array(z.string().max(1024)).max(20).optional(),
});
export type AppSource = z.infer<typeof AppSource>;

export const LastSync = z.object({ at: z.string(), by: z.string(), outcome: z.string(), message: z.string() });

export const AppDef = AppSource.extend({
  id: AppId,
  name: AppName,
  context: Context,
  createdAt: z.string(),
  lastSync: LastSync.optional(),
});
export type AppDef = z.infer<typeof AppDef>;

export const SyncState = z.enum(['Synced', 'OutOfSync', 'Missing', 'Extra', 'Error']);
export type SyncStateName = z.infer<typeof SyncState>;

export const ConflictInfo = z.object({ field: z.string().optional(), manager: z.string().optional(), message: z.string() });

export const AppObjectStatus = z.object({
  /** `Kind.group/namespace/name`. */
  key: z.string(),
  apiVersion: z.string(),
  kind: z.string(),
  group: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
  /** Where it is defined in the source (absent for Extra objects). */
  file: z.string().optional(),
  line: z.number().int().optional(),
  state: SyncState,
  paths: z.array(z.string()),
  reason: z.string(),
  /** Managers that own fields this source sets to other values (a sync needs "take ownership"). */
  conflicts: z.array(ConflictInfo),
  health: z.string().optional(),
});
export type AppObjectStatus = z.infer<typeof AppObjectStatus>;

export const SourceProblem = z.object({ file: z.string(), line: z.number().int().optional(), object: z.string().optional(), message: z.string() });

export const AppCounts = z.object({ synced: z.number().int(), outOfSync: z.number().int(), missing: z.number().int(), extra: z.number().int(), errors: z.number().int() });

export const AppSummary = z.object({
  app: AppDef,
  source: SourceDetection,
  syncStatus: z.enum(['Synced', 'OutOfSync', 'Unknown']),
  health: z.string(),
  counts: AppCounts,
  revision: z.object({ sha: z.string(), dirty: z.boolean() }).optional(),
  /** A render or compare is running. */
  refreshing: z.boolean(),
  /** The last render failed; what is shown is the last good one. */
  stale: z.boolean(),
  renderError: z.string().optional(),
  refreshedAt: z.string().optional(),
});
export type AppSummary = z.infer<typeof AppSummary>;

export const AppState = AppSummary.extend({
  objects: z.array(AppObjectStatus),
  problems: z.array(SourceProblem),
  applySetId: z.string(),
});
export type AppState = z.infer<typeof AppState>;

export const AppDiff = z.object({
  key: z.string(),
  state: SyncState,
  reason: z.string(),
  paths: z.array(z.string()),
  /** YAML of the live object and of what a server-side apply would store, both normalised alike. */
  live: z.string(),
  desired: z.string(),
});
export type AppDiff = z.infer<typeof AppDiff>;

const SyncSelection = z.object({
  id: AppId,
  /** Object keys to sync; absent: every object of the source. */
  keys: z.array(z.string().max(1024)).max(20_000).optional(),
  /** Delete the apply set's members that are no longer in the source (listed in the preview first). */
  prune: z.boolean().default(false),
  /** Take ownership of fields other managers own (server-side apply force). */
  force: z.boolean().default(false),
});

export const SyncPlanItem = z.object({
  key: z.string(), kind: z.string(), name: z.string(), namespace: z.string().optional(),
  action: z.enum(['create', 'change', 'unchanged', 'prune', 'conflict', 'error']),
  message: z.string(),
  paths: z.array(z.string()),
  conflicts: z.array(ConflictInfo),
});
export type SyncPlanItem = z.infer<typeof SyncPlanItem>;
export const SyncPlan = z.object({ items: z.array(SyncPlanItem), pruneRefusal: z.string().optional() });
export type SyncPlan = z.infer<typeof SyncPlan>;

export const SyncOutcomeItem = z.object({
  key: z.string(), kind: z.string(), name: z.string(), namespace: z.string().optional(),
  outcome: z.enum(['created', 'configured', 'unchanged', 'pruned', 'conflict', 'error', 'skipped']),
  message: z.string(),
  conflicts: z.array(ConflictInfo),
});
export const SyncResult = z.object({ ok: z.boolean(), message: z.string(), items: z.array(SyncOutcomeItem) });
export type SyncResult = z.infer<typeof SyncResult>;

export const appMethods = {
  'apps.detect': { params: z.object({ path: z.string().min(1).max(4096) }), result: SourceDetection },
  'apps.add': { params: AppSource.extend({ name: AppName, context: Context }), result: AppDef },
  'apps.remove': { params: z.object({ id: AppId }), result: z.object({ removed: z.boolean() }) },
  'apps.diff': { params: z.object({ id: AppId, key: z.string().min(1).max(1024) }), result: AppDiff },
  /** Server-side dry run of the selection: what would be created, changed, pruned, and the conflicts. */
  'apps.preview': { params: SyncSelection, result: SyncPlan },
  'apps.sync': { params: SyncSelection, result: SyncResult },
} as const;

export const appTopics = {
  /** Every application with its summary, again on each change. */
  'apps.watchList': { params: z.object({}), event: z.object({ apps: z.array(AppSummary) }) },
  /** One application's objects and statuses, again on each change (file saved, cluster change, sync). */
  'apps.watch': { params: z.object({ id: AppId }), event: AppState },
} as const;
