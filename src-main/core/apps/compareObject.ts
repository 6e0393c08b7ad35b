import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { collectionPath, objectPath } from '../cluster/resourcePath';
import { APPLY_PATCH, writeQuery } from '../actions/writeOptions';
import type { DesiredObject } from './desiredObjects';
import { conflictManagersOf, decideStatus, type ObjectStatusDecision } from '../../../shared/apps/objectStatus';

export interface ConflictCause { field?: string; manager?: string; message: string }

export interface Comparison extends ObjectStatusDecision {
  live?: Record<string, any>;
  wouldBe?: Record<string, any>;
  conflicts: ConflictCause[];
}

/** The other manager a 409 cause names, with the field: `.spec.replicas` owned by `kubectl-scale`. */
export function conflictCauses(err: ApiError): ConflictCause[] {
  const causes: any[] = (err.body as any)?.details?.causes ?? [];
  return causes.map((c) => {
    const message = String(c.message ?? '');
    const manager = conflictManagersOf([{ message }])[0];
    return { ...(c.field ? { field: String(c.field) } : {}), ...(manager ? { manager } : {}), message };
  });
}

/** What a comparison needs of a desired object: its resource, name, namespace and body. */
export type ComparedObject = Pick<DesiredObject, 'group' | 'version' | 'resource' | 'name' | 'namespace' | 'object'>;

/**
 * Server-side apply of one object; `dryRun` asks the server what it would store without storing it.
 * `fieldManager` applies as another manager (a Helm release's drift is compared as helm applies).
 */
export async function applyObject(http: KubeHttp, d: ComparedObject, opts: { dryRun: boolean; force: boolean; fieldManager?: string }): Promise<{ object: Record<string, any>; created: boolean }> {
  const res = await http.raw('PATCH', objectPath(d, d.namespace, d.name), {
    body: JSON.stringify(d.object), contentType: APPLY_PATCH, timeoutMs: 60_000,
    query: writeQuery(opts.dryRun, { ...(opts.force ? { force: true } : {}), ...(opts.fieldManager ? { fieldManager: opts.fieldManager } : {}) }),
  });
  return { object: JSON.parse(await res.text()), created: res.status === 201 };
}

export async function getLive(http: KubeHttp, d: ComparedObject): Promise<Record<string, any> | undefined> {
  try {
    return await http.request('GET', objectPath(d, d.namespace, d.name), { timeoutMs: 30_000 });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

/**
 * `kubectl diff --server-side` for one object: the live object against a server-side-apply dry run of
 * the desired one. A conflict with another manager is recorded, then the dry run is repeated with
 * force to show what taking ownership would store (kubectl diff --force-conflicts shows the same).
 */
export async function compareObject(http: KubeHttp, d: ComparedObject, listed?: { live: Record<string, any> | undefined }, as: { fieldManager?: string } = {}): Promise<Comparison> {
  let live: Record<string, any> | undefined;
  if (listed) live = listed.live;
  else try { live = await getLive(http, d); } catch (err) { return { state: 'Error', paths: [], reason: errorText(err), conflicts: [] }; }
  let conflicts: ConflictCause[] = [];
  let wouldBe: Record<string, any> | undefined;
  try {
    wouldBe = (await applyObject(http, d, { dryRun: true, force: false, ...as })).object;
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      conflicts = conflictCauses(err);
      try { wouldBe = (await applyObject(http, d, { dryRun: true, force: true, ...as })).object; } catch (err2) {
        return { state: 'Error', paths: [], reason: errorText(err2), conflicts, live };
      }
    } else if (!live && err instanceof ApiError && err.status === 404) {
      // Its namespace does not exist yet (created by the same sync): still just missing.
      return { ...decideStatus(undefined, undefined), reason: `not in the cluster; ${err.message}`, conflicts, live };
    } else {
      return { state: 'Error', paths: [], reason: errorText(err), conflicts, live };
    }
  }
  const managers = [...new Set(conflicts.map((c) => c.manager).filter((m): m is string => !!m))];
  return { ...decideStatus(wouldBe, live, managers), conflicts, live, wouldBe };
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const kind = err.status === 403 ? 'forbidden' : err.status === 422 ? 'invalid' : `HTTP ${err.status}`;
    return `${kind}: ${err.message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * The live objects of many desired objects with one LIST per resource and namespace (instead of a GET
 * each) where at least `minGroup` share one; the rest, and any LIST that fails, are left to GETs.
 */
export async function listLive(http: KubeHttp, desired: DesiredObject[], minGroup = 5): Promise<Map<string, { live: Record<string, any> | undefined }>> {
  const groups = new Map<string, DesiredObject[]>();
  for (const d of desired) {
    const g = `${d.group}/${d.version}/${d.resource}|${d.namespace ?? ''}`;
    const list = groups.get(g);
    if (list) list.push(d); else groups.set(g, [d]);
  }
  const out = new Map<string, { live: Record<string, any> | undefined }>();
  await Promise.all([...groups.values()].filter((g) => g.length >= minGroup).map(async (g) => {
    try {
      const list = await http.request('GET', collectionPath(g[0], g[0].namespace), { timeoutMs: 60_000 });
      const kind = g[0].kind;
      const apiVersion = list?.apiVersion;
      const byName = new Map<string, Record<string, any>>((list?.items ?? []).map((o: any) => [o.metadata?.name, { apiVersion, kind, ...o }]));
      for (const d of g) out.set(d.key, { live: byName.get(d.name) });
    } catch { /* each object is read on its own instead */ }
  }));
  return out;
}

/** Runs `fn` over `items` with at most `limit` at a time, results in input order. */
export async function mapBounded<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
