import type { HelmHistoryRow, HelmReleaseDetail, HelmReleaseRow } from '../../../shared/contract/helm';
import { byReleaseName, chartProblem, goTimeString, latestRevisions, LIST_ALL_STATUSES } from '../../../shared/helm/release';
import { splitManifest } from '../../../shared/helm/manifest';
import { fullRelease, type StoredRevision } from './releaseStorage';

// What the releases table, the history and a release's page show, from the stored revisions.

/** `helm list -a`: the latest revision of each release, every status but unknown, sorted by name. */
export function releaseRows(revisions: StoredRevision[]): HelmReleaseRow[] {
  return latestRevisions(revisions)
    .filter((r) => r.error || LIST_ALL_STATUSES.has(r.status))
    .sort(byReleaseName)
    .map((r) => {
      const row: HelmReleaseRow = {
        name: r.name, namespace: r.namespace, revision: String(r.version),
        updated: r.lastDeployed ? goTimeString(r.lastDeployed) : '-',
        status: r.status, chart: r.chart, app_version: r.appVersion, storage: r.driver,
      };
      if (r.lastDeployed) row.lastDeployed = r.lastDeployed;
      if (r.error) row.error = r.error;
      return row;
    });
}

export function revisionsOf(revisions: StoredRevision[], namespace: string, name: string): StoredRevision[] {
  return revisions.filter((r) => r.namespace === namespace && r.name === name).sort((a, b) => a.version - b.version);
}

export function historyRow(r: StoredRevision): HelmHistoryRow {
  const row: HelmHistoryRow = { revision: r.version, status: r.status, chart: r.chart, app_version: r.appVersion, description: r.description };
  if (r.lastDeployed) row.updated = r.lastDeployed;
  if (r.rollbackRevision) row.rollback_revision = r.rollbackRevision;
  if (r.error) row.error = r.error;
  return row;
}

/** A release's page: its history and its latest revision in full; undefined when nothing is stored. */
export function releaseDetail(revs: StoredRevision[]): HelmReleaseDetail | undefined {
  if (revs.length === 0) return undefined;
  const latest = revs[revs.length - 1];
  const detail: HelmReleaseDetail = { name: latest.name, namespace: latest.namespace, history: revs.map(historyRow) };
  if (latest.error) { detail.error = latest.error; return detail; }
  try {
    const r = fullRelease(latest);
    const objects = splitManifest(r.manifest ?? '', r.namespace).map((o) => ({
      key: o.key, apiVersion: o.apiVersion, kind: o.kind, name: o.name,
      ...(o.namespace ? { namespace: o.namespace } : {}), ...(o.source ? { source: o.source } : {}),
    }));
    detail.current = {
      revision: r.version, status: latest.status, description: latest.description, notes: r.info?.notes ?? '',
      chart: latest.chart, app_version: latest.appVersion, objects,
      ...(latest.firstDeployed ? { firstDeployed: latest.firstDeployed } : {}),
      ...(latest.lastDeployed ? { lastDeployed: latest.lastDeployed } : {}),
    };
    const problem = chartProblem(r);
    if (problem) detail.current.chartProblem = problem;
  } catch (err) {
    detail.error = (err as Error).message;
  }
  return detail;
}
