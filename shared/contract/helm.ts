import { z } from 'zod';
import { Freshness } from './resources';
import { NamespaceName } from './actions';

// Helm releases: read natively from their storage (Secrets `sh.helm.release.v1.<name>.v<rev>` and the
// ConfigMap driver) in the main process; actions run the real `helm` binary. Implemented in
// src-main/core/helm/. The decoded release never crosses whole: only these slim shapes do.

const Context = z.string().min(1).max(1024);
/** Helm release names: DNS-1123 subdomain-ish, at most 53 characters. */
const ReleaseName = z.string().min(1).max(53).regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'not a valid release name');
export const ReleaseTarget = z.object({ context: Context, namespace: NamespaceName, name: ReleaseName });
export type ReleaseTarget = z.infer<typeof ReleaseTarget>;
const Revision = z.number().int().min(1).max(1_000_000);

/** One row of the releases table: exactly what `helm list -a -o json` prints, plus where it is stored. */
export const HelmReleaseRow = z.object({
  name: z.string(),
  namespace: z.string(),
  revision: z.string(),
  updated: z.string(),
  status: z.string(),
  chart: z.string(),
  app_version: z.string(),
  /** RFC 3339 of the last deployment, for sorting and "ago". */
  lastDeployed: z.string().optional(),
  storage: z.enum(['secret', 'configmap']),
  /** The stored record could not be read (bad base64, bad gzip, not JSON, too big): this release only. */
  error: z.string().optional(),
});
export type HelmReleaseRow = z.infer<typeof HelmReleaseRow>;

export const HelmReleasesEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), rows: z.array(HelmReleaseRow), freshness: Freshness }),
  z.object({ type: z.literal('freshness'), freshness: Freshness }),
]);
export type HelmReleasesEvent = z.infer<typeof HelmReleasesEvent>;

/** One row of `helm history -o json`, plus a per-revision read error. */
export const HelmHistoryRow = z.object({
  revision: z.number().int(),
  updated: z.string().optional(),
  status: z.string(),
  chart: z.string(),
  app_version: z.string(),
  rollback_revision: z.number().int().optional(),
  description: z.string(),
  error: z.string().optional(),
});
export type HelmHistoryRow = z.infer<typeof HelmHistoryRow>;

export const HelmObjectRef = z.object({ key: z.string(), apiVersion: z.string(), kind: z.string(), name: z.string(), namespace: z.string().optional(), source: z.string().optional() });
export type HelmObjectRef = z.infer<typeof HelmObjectRef>;

export const HelmReleaseDetail = z.object({
  name: z.string(),
  namespace: z.string(),
  /** Oldest first, like `helm history`. */
  history: z.array(HelmHistoryRow),
  /** The latest readable revision (what `helm status` shows). */
  current: z.object({
    revision: z.number().int(),
    status: z.string(),
    description: z.string(),
    notes: z.string(),
    chart: z.string(),
    app_version: z.string(),
    firstDeployed: z.string().optional(),
    lastDeployed: z.string().optional(),
    objects: z.array(HelmObjectRef),
    /** Set when the stored record has no chart (upgrade/rollback to it impossible). */
    chartProblem: z.string().optional(),
  }).optional(),
  /** Why the latest revision could not be read, when it could not. */
  error: z.string().optional(),
});
export type HelmReleaseDetail = z.infer<typeof HelmReleaseDetail>;

export const HelmReleaseEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('release'), release: HelmReleaseDetail }),
  /** No revision of the release is stored (uninstalled without keeping history). */
  z.object({ type: z.literal('gone') }),
]);
export type HelmReleaseEvent = z.infer<typeof HelmReleaseEvent>;

export const HelmValues = z.object({
  revision: z.number().int(),
  /** As `helm get values [--all] -o json` (secret-looking values masked unless `reveal`). */
  values: z.unknown(),
  yaml: z.string(),
  /** Dotted paths of the values that were masked. */
  masked: z.array(z.string()),
});
export type HelmValues = z.infer<typeof HelmValues>;

export const HelmObjectDiff = z.object({
  key: z.string(), kind: z.string(), name: z.string(), namespace: z.string().optional(),
  change: z.enum(['added', 'removed', 'changed', 'unchanged']),
  from: z.string(), to: z.string(),
});
export type HelmObjectDiff = z.infer<typeof HelmObjectDiff>;

export const HelmRevisionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** User-supplied values of each revision as YAML (masked unless `reveal`). */
  valuesFrom: z.string(),
  valuesTo: z.string(),
  objects: z.array(HelmObjectDiff),
});
export type HelmRevisionDiff = z.infer<typeof HelmRevisionDiff>;

export const HelmDriftObject = z.object({
  key: z.string(), kind: z.string(), name: z.string(), namespace: z.string().optional(),
  status: z.enum(['Synced', 'OutOfSync', 'Missing', 'Error']),
  /** Normalised YAML of what the release wants (server-side dry run of its manifest) and of the live object. */
  desired: z.string(),
  live: z.string(),
  message: z.string().optional(),
});
export type HelmDriftObject = z.infer<typeof HelmDriftObject>;

export const HelmToolStatus = z.object({
  found: z.boolean(),
  path: z.string().optional(),
  version: z.string().optional(),
  searched: z.array(z.string()),
  message: z.string().optional(),
});
export type HelmToolStatus = z.infer<typeof HelmToolStatus>;

export const HelmActionResult = z.object({
  dryRun: z.boolean(),
  /** helm's own stdout and stderr. */
  output: z.string(),
  /** For a dry-run upgrade: what it would change (values and objects, current → new). */
  preview: HelmRevisionDiff.optional(),
});
export type HelmActionResult = z.infer<typeof HelmActionResult>;

/**
 * helm's --force-conflicts: with server-side apply, take back fields another manager changed (a
 * `kubectl scale` behind Helm's back) instead of failing on the conflict.
 */
const ForceConflicts = z.boolean().default(false);

export const helmMethods = {
  'helm.values': { params: ReleaseTarget.extend({ revision: Revision.optional(), all: z.boolean().default(false), reveal: z.boolean().default(false) }), result: HelmValues },
  /** As `helm get manifest`; Secret documents masked unless `reveal`. */
  'helm.manifest': { params: ReleaseTarget.extend({ revision: Revision.optional(), reveal: z.boolean().default(false) }), result: z.object({ revision: z.number().int(), manifest: z.string() }) },
  'helm.diff': { params: ReleaseTarget.extend({ from: Revision, to: Revision, reveal: z.boolean().default(false) }), result: HelmRevisionDiff },
  'helm.drift': { params: ReleaseTarget, result: z.object({ revision: z.number().int(), objects: z.array(HelmDriftObject) }) },
  'helm.tool': { params: z.object({}), result: HelmToolStatus },
  'helm.rollback': { params: ReleaseTarget.extend({ revision: Revision, dryRun: z.boolean().default(false), forceConflicts: ForceConflicts }), result: HelmActionResult },
  /** Same chart as the current revision, with these user values (YAML; replaces the old ones, like --reset-values -f). */
  'helm.upgrade': { params: ReleaseTarget.extend({ values: z.string().max(1 << 20), dryRun: z.boolean().default(false), forceConflicts: ForceConflicts,
    /** `helm upgrade --wait --timeout <n>s`: wait up to n seconds for the objects to be ready (progress streams into the activity log). */
    waitSeconds: z.number().int().min(1).max(3600).optional() }), result: HelmActionResult },
  'helm.uninstall': { params: ReleaseTarget.extend({ keepHistory: z.boolean().default(false), dryRun: z.boolean().default(false) }), result: HelmActionResult },
} as const;

export const helmTopics = {
  /** Releases of a namespace (or all), live: the latest revision of each, as `helm list -a`. */
  'helm.releases': { params: z.object({ context: Context, namespace: NamespaceName.optional() }), event: HelmReleasesEvent },
  /** One release's status, history and objects, live as helm writes new revisions. */
  'helm.release': { params: ReleaseTarget, event: HelmReleaseEvent },
} as const;
