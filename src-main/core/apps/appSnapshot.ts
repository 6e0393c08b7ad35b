import type { KubeHttp } from '../cluster/kubeHttp';
import { resolveDesired, type DesiredError, type DesiredObject } from './desiredObjects';
import { compareObject, errorText, listLive, mapBounded, type Comparison } from './compareObject';
import { listMembers, readApplySetParent, type Member, type ParentState } from './applySetParent';
import type { Rendered } from './renderSource';
import { computeHealth, rollupHealth } from '../../../shared/topology/health';
import { summarizeSync } from '../../../shared/apps/objectStatus';
import type { AppDef, AppObjectStatus, AppState } from '../../../shared/contract/apps';

/** Dry runs in flight at once per application: enough to hide latency, few enough not to crowd the API server. */
export const COMPARE_CONCURRENCY = 8;

export interface CachedComparison { desiredJson: string; liveRv?: string; cmp: Comparison }

export interface Snapshot {
  desired: DesiredObject[];
  errors: DesiredError[];
  parent: ParentState;
  members: Member[];
  comparisons: Map<string, Comparison>;
  /** Dry runs this snapshot sent (the rest were reused from the cache). */
  dryRuns: number;
  objects: AppObjectStatus[];
  summary: Pick<AppState, 'syncStatus' | 'health' | 'counts'>;
}

/**
 * Compares every object of a rendered source with the cluster: resolve kinds, read the apply set
 * (members that left the source are Extra), dry-run each desired object with bounded concurrency.
 * `cache` holds earlier comparisons: one whose desired object and live resourceVersion are unchanged
 * (per `liveRv`, from the shared informers) is reused, so a one-file edit re-diffs only that file.
 */
export async function takeSnapshot(http: KubeHttp, app: AppDef, applySetId: string, rendered: Rendered,
  cache: Map<string, CachedComparison>, liveRv: (d: DesiredObject) => string | undefined): Promise<Snapshot> {
  const { desired, errors } = await resolveDesired(http, rendered.objects, app.namespace, applySetId);
  const parent = await readApplySetParent(http, app.name, app.namespace, applySetId);
  const desiredKeys = new Set(desired.map((d) => d.key));
  let members: Member[] = [];
  let memberError: string | undefined;
  try {
    const kinds = [...parent.scope.groupKinds, ...desired.map((d) => ({ kind: d.kind, group: d.group }))];
    const nss = [...new Set([...parent.scope.namespaces, ...desired.map((d) => d.namespace).filter((n): n is string => !!n)])];
    members = parent.refusal ? [] : await listMembers(http, applySetId, kinds, nss);
  } catch (err) { memberError = errorText(err); }

  const comparisons = new Map<string, Comparison>();
  let dryRuns = 0;
  const todo: DesiredObject[] = [];
  for (const d of desired) {
    const rv = liveRv(d);
    const hit = cache.get(d.key);
    if (hit && rv !== undefined && hit.desiredJson === JSON.stringify(d.object) && hit.liveRv === rv) comparisons.set(d.key, hit.cmp);
    else todo.push(d);
  }
  const listed = await listLive(http, todo);
  await mapBounded(todo, COMPARE_CONCURRENCY, async (d) => {
    const desiredJson = JSON.stringify(d.object);
    dryRuns++;
    const cmp = await compareObject(http, d, listed.get(d.key));
    comparisons.set(d.key, cmp);
    cache.set(d.key, { desiredJson, liveRv: cmp.live?.metadata?.resourceVersion ?? '', cmp });
  });
  for (const k of [...cache.keys()]) if (!desiredKeys.has(k)) cache.delete(k);

  const objects: AppObjectStatus[] = [];
  for (const d of desired) {
    const c = comparisons.get(d.key)!;
    objects.push({
      key: d.key, apiVersion: d.apiVersion, kind: d.kind, group: d.group, name: d.name, ...(d.namespace ? { namespace: d.namespace } : {}),
      file: d.file, line: d.line, state: c.state, paths: c.paths, reason: c.reason, conflicts: c.conflicts,
      ...(c.live ? { health: computeHealth(c.live as any).status } : c.state === 'Missing' ? { health: 'Missing' } : {}),
    });
  }
  for (const e of errors) {
    objects.push({ key: e.key, apiVersion: e.apiVersion, kind: e.kind, group: e.group, name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}),
      file: e.file, line: e.line, state: e.awaitingCrd ? 'Missing' : 'Error', paths: [], reason: e.message, conflicts: [] });
  }
  for (const m of members) {
    if (desiredKeys.has(m.key)) continue;
    objects.push({ key: m.key, apiVersion: m.apiVersion, kind: m.kind, group: m.group, name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}),
      state: 'Extra', paths: [], reason: 'a member of this application\'s apply set that is no longer in the source: a prune candidate', conflicts: [] });
  }
  if (parent.refusal) objects.push({ key: `Secret/${app.namespace}/${app.name}`, apiVersion: 'v1', kind: 'Secret', group: '', name: app.name, namespace: app.namespace,
    state: 'Error', paths: [], reason: `apply set parent: ${parent.refusal}; sync and prune are refused`, conflicts: [] });
  if (memberError) objects.push({ key: `Secret/${app.namespace}/${app.name}#members`, apiVersion: 'v1', kind: 'Secret', group: '', name: app.name, namespace: app.namespace,
    state: 'Error', paths: [], reason: `could not list the apply set's members: ${memberError}`, conflicts: [] });

  const count = (s: string) => objects.filter((o) => o.state === s).length;
  const health = rollupHealth({ status: 'Healthy' }, objects.filter((o) => o.health).map((o) => ({ status: o.health as any })));
  return {
    desired, errors, parent, members, comparisons, dryRuns, objects,
    summary: {
      syncStatus: summarizeSync(objects.map((o) => o.state)),
      health: health.status,
      counts: { synced: count('Synced'), outOfSync: count('OutOfSync'), missing: count('Missing'), extra: count('Extra'), errors: count('Error') },
    },
  };
}
