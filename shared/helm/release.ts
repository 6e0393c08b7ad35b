// Helm's release record (pkg/release/v1, as stored by the Secret and ConfigMap drivers) and what
// `helm list -a` and `helm history` print from it. Pure: decoding the stored bytes happens in main.

export const HELM_STATUSES = [
  'unknown', 'deployed', 'uninstalled', 'superseded', 'failed', 'uninstalling', 'pending-install', 'pending-upgrade', 'pending-rollback',
] as const;
export type HelmStatus = (typeof HELM_STATUSES)[number];

/** `helm list --all` shows every status but `unknown` (pkg/action/list.go ListAll). */
export const LIST_ALL_STATUSES: ReadonlySet<string> = new Set(HELM_STATUSES.filter((s) => s !== 'unknown'));

/** Helm is working on the release (another helm holds it until it ends or times out). */
export const isPendingStatus = (s: string): boolean => s.startsWith('pending-') || s === 'uninstalling';

export interface HelmChartMetadata { name?: string; version?: string; appVersion?: string; description?: string; [k: string]: unknown }
export interface HelmChart {
  metadata?: HelmChartMetadata;
  values?: Record<string, unknown> | null;
  templates?: { name: string; data?: string }[];
  files?: { name: string; data?: string }[];
  [k: string]: unknown;
}
export interface HelmReleaseInfo {
  first_deployed?: string;
  last_deployed?: string;
  deleted?: string;
  description?: string;
  status?: string;
  notes?: string;
  rollback_revision?: number;
}
/** A decoded release (the JSON inside `sh.helm.release.v1.<name>.v<rev>`). */
export interface HelmRelease {
  name: string;
  namespace: string;
  version: number;
  info?: HelmReleaseInfo;
  chart?: HelmChart | null;
  config?: Record<string, unknown> | null;
  manifest?: string;
  hooks?: unknown[];
  apply_method?: string;
}

/** `hello-0.1.0`, or helm's own `MISSING` when the release lost its chart (helm/helm#1347). */
export function chartLabel(r: HelmRelease): string {
  const m = r.chart?.metadata;
  return m ? `${m.name ?? ''}-${m.version ?? ''}` : 'MISSING';
}

export function appVersionOf(r: HelmRelease): string {
  const m = r.chart?.metadata;
  return m ? (m.appVersion ?? '') : 'MISSING';
}

/** A release stored without a chart cannot be rendered again (upgrade, rollback to it). */
export function chartProblem(r: HelmRelease): string | undefined {
  return r.chart?.metadata ? undefined : `Release ${r.namespace}/${r.name} revision ${r.version} has no chart in its stored record (helm shows MISSING): it can be looked at, not upgraded or rolled back to.`;
}

const zeroTime = (t: string | undefined) => !t || t.startsWith('0001-01-01');

/**
 * Go's time.Time.String() for an RFC 3339 timestamp, which `helm list` prints as UPDATED:
 * `2026-12-07 17:58:00.123456789 +0000 UTC` (fraction without trailing zeros; `+0000 UTC` for Z).
 */
export function goTimeString(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  const frac = m[3] ? m[3].replace(/0+$/, '') : '';
  const zone = m[4] === 'Z' ? '+0000 UTC' : `${m[4].replace(':', '')} ${m[4].replace(':', '')}`;
  return `${m[1]} ${m[2]}${frac === '.' ? '' : frac} ${zone}`;
}

/** One row of `helm list -a -o json` (pkg/cmd/list.go releaseElement). */
export interface ReleaseListRow {
  name: string;
  namespace: string;
  revision: string;
  updated: string;
  status: string;
  chart: string;
  app_version: string;
}

export function listRow(r: HelmRelease): ReleaseListRow {
  return {
    name: r.name,
    namespace: r.namespace,
    revision: String(r.version),
    updated: zeroTime(r.info?.last_deployed) ? '-' : goTimeString(r.info!.last_deployed!),
    status: r.info?.status ?? 'unknown',
    chart: chartLabel(r),
    app_version: appVersionOf(r),
  };
}

/** One row of `helm history -o json` (pkg/cmd/history.go releaseInfo). */
export interface HistoryRow {
  revision: number;
  updated?: string;
  status: string;
  chart: string;
  app_version: string;
  rollback_revision?: number;
  description: string;
}

export function historyRow(r: HelmRelease): HistoryRow {
  const row: HistoryRow = { revision: r.version, status: r.info?.status ?? 'unknown', chart: chartLabel(r), app_version: appVersionOf(r), description: r.info?.description ?? '' };
  if (!zeroTime(r.info?.last_deployed)) row.updated = r.info!.last_deployed;
  if (r.info?.rollback_revision) row.rollback_revision = r.info.rollback_revision;
  return row;
}

/** The latest revision of each release (helm's filterLatestReleases), keyed `namespace/name`. */
export function latestRevisions<T extends { name: string; namespace: string; version: number }>(records: Iterable<T>): T[] {
  const latest = new Map<string, T>();
  for (const r of records) {
    const key = `${r.namespace}/${r.name}`;
    const have = latest.get(key);
    if (!have || have.version < r.version) latest.set(key, r);
  }
  return [...latest.values()];
}

/** helm's SortByName (name, then namespace for a stable order across namespaces). */
export function byReleaseName(a: { name: string; namespace: string }, b: { name: string; namespace: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0;
}
