import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { objectPath } from '../cluster/resourcePath';
import { writeQuery } from '../actions/writeOptions';
import { resolveDesired, type DesiredObject } from './desiredObjects';
import { applyObject, compareObject, conflictCauses, errorText, mapBounded } from './compareObject';
import { listMembers, readApplySetParent, writeApplySetParent, type Member } from './applySetParent';
import { COMPARE_CONCURRENCY } from './appSnapshot';
import type { Rendered } from './renderSource';
import { sortForSync } from '../../../shared/apps/syncOrder';
import type { AppDef, SyncPlan, SyncResult } from '../../../shared/contract/apps';

export interface SyncOptions { keys?: string[]; prune: boolean; force: boolean }

const selected = (desired: DesiredObject[], keys?: string[]) => (keys ? desired.filter((d) => keys.includes(d.key)) : desired);

/** Members of the set that are not in the source: what a prune deletes (never an object still in the source). */
async function pruneCandidates(http: KubeHttp, app: AppDef, id: string, desired: DesiredObject[]): Promise<{ members: Member[]; refusal?: string }> {
  const parent = await readApplySetParent(http, app.name, app.namespace, id);
  if (parent.refusal) return { members: [], refusal: parent.refusal };
  const kinds = [...parent.scope.groupKinds, ...desired.map((d) => ({ kind: d.kind, group: d.group }))];
  const nss = [...new Set([...parent.scope.namespaces, ...desired.map((d) => d.namespace).filter((n): n is string => !!n)])];
  const keys = new Set(desired.map((d) => d.key));
  return { members: (await listMembers(http, id, kinds, nss)).filter((m) => !keys.has(m.key)) };
}

/** The preview: a server-side dry run of every selected object and, with prune, every object a prune deletes. */
export async function previewSync(http: KubeHttp, app: AppDef, id: string, rendered: Rendered, opts: SyncOptions): Promise<SyncPlan> {
  const { desired, errors } = await resolveDesired(http, rendered.objects, app.namespace, id);
  const items: SyncPlan['items'] = [];
  const picked = selected(desired, opts.keys);
  const cmps = await mapBounded(picked, COMPARE_CONCURRENCY, (d) => compareObject(http, d));
  picked.forEach((d, i) => {
    const c = cmps[i];
    const base = { key: d.key, kind: d.kind, name: d.name, ...(d.namespace ? { namespace: d.namespace } : {}), paths: c.paths, conflicts: c.conflicts };
    if (c.state === 'Error') items.push({ ...base, action: 'error', message: c.reason });
    else if (c.conflicts.length && !opts.force) items.push({ ...base, action: 'conflict', message: `fields owned by ${[...new Set(c.conflicts.map((x) => x.manager ?? '?'))].join(', ')}; choose "take ownership" to apply them` });
    else if (c.state === 'Missing') items.push({ ...base, action: 'create', message: 'will be created' });
    else if (c.state === 'OutOfSync') items.push({ ...base, action: 'change', message: c.reason });
    else items.push({ ...base, action: 'unchanged', message: 'already matches' });
  });
  for (const e of errors) {
    if (opts.keys && !opts.keys.includes(e.key)) continue;
    items.push({ key: e.key, kind: e.kind, name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}), paths: [], conflicts: [],
      action: e.awaitingCrd ? 'create' : 'error', message: e.awaitingCrd ? 'will be created once its CustomResourceDefinition is Established' : e.message });
  }
  let pruneRefusal: string | undefined;
  if (opts.prune) {
    const p = await pruneCandidates(http, app, id, desired);
    pruneRefusal = p.refusal;
    for (const m of p.members) items.push({ key: m.key, kind: m.kind, name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}), action: 'prune', message: 'will be deleted (no longer in the source)', paths: [], conflicts: [] });
  }
  return { items, ...(pruneRefusal ? { pruneRefusal } : {}) };
}

/** Waits until a CRD's Established condition is True (its custom resources can be applied then). */
async function waitEstablished(http: KubeHttp, name: string, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const crd = await http.request('GET', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${encodeURIComponent(name)}`, { timeoutMs: 10_000 }).catch(() => undefined);
    if (crd?.status?.conditions?.some((c: any) => c.type === 'Established' && c.status === 'True')) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * `KUBECTL_APPLYSET=true kubectl apply --server-side --prune --applyset=NAME -n NS`, in steps:
 * the parent is widened to the superset of kinds and namespaces first (an interrupted sync leaks
 * nothing), then each object is applied in sync order (a CRD waits for Established before its custom
 * resources), then, with prune, members no longer in the source are deleted, and the parent is
 * narrowed to exactly the source's kinds and namespaces.
 */
export async function syncApp(http: KubeHttp, app: AppDef, id: string, rendered: Rendered, opts: SyncOptions): Promise<SyncResult> {
  let { desired, errors } = await resolveDesired(http, rendered.objects, app.namespace, id);
  const parent = await readApplySetParent(http, app.name, app.namespace, id);
  if (parent.refusal) return { ok: false, message: `Refused: ${parent.refusal}`, items: [] };
  const scope = (ds: DesiredObject[]) => ds.map((d) => ({ kind: d.kind, group: d.group, namespace: d.namespace }));
  const pending = errors.filter((e) => e.awaitingCrd && (!opts.keys || opts.keys.includes(e.key)));
  const items: SyncResult['items'] = [];
  const ordered = sortForSync(selected(desired, opts.keys), (d) => d);
  const applyOne = async (d: DesiredObject) => {
    const base = { key: d.key, kind: d.kind, name: d.name, ...(d.namespace ? { namespace: d.namespace } : {}) };
    try {
      const r = await applyObject(http, d, { dryRun: false, force: opts.force });
      items.push({ ...base, outcome: r.created ? 'created' : 'configured', message: `serverside-applied${r.created ? ' (created)' : ''}${opts.force ? ' with force' : ''}`, conflicts: [] });
      if (d.kind === 'CustomResourceDefinition' && d.group === 'apiextensions.k8s.io' && !(await waitEstablished(http, d.name))) {
        items[items.length - 1].message += '; not Established within 30 s';
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const conflicts = conflictCauses(err);
        items.push({ ...base, outcome: 'conflict', message: `not applied: fields owned by ${[...new Set(conflicts.map((c) => c.manager ?? '?'))].join(', ')}; nothing was overwritten`, conflicts });
      } else items.push({ ...base, outcome: 'error', message: errorText(err), conflicts: [] });
    }
  };
  // The parent lives in the application's namespace: Namespaces from the source go before it.
  const namespacesFirst = ordered.filter((d) => d.kind === 'Namespace' && d.group === '');
  for (const d of namespacesFirst) await applyOne(d);
  // Widen first: the parent covers the old set and the new one until the sync (and prune) is done.
  await writeApplySetParent(http, app.name, app.namespace, id, [...scope(desired), ...pending.map((e) => ({ kind: e.kind, group: e.group, namespace: e.namespace }))], parent.scope);
  for (const d of ordered) if (!namespacesFirst.includes(d)) await applyOne(d);

  // Custom resources whose CRD this sync just created: resolvable now.
  if (pending.length) {
    const again = await resolveDesired(http, rendered.objects, app.namespace, id);
    desired = again.desired;
    errors = again.errors;
    for (const e of pending) {
      const d = desired.find((x) => x.key === e.key);
      if (d) await applyOne(d);
      else items.push({ key: e.key, kind: e.kind, name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}), outcome: 'error', message: errors.find((x) => x.key === e.key)?.message ?? 'its kind is still unknown', conflicts: [] });
    }
  }
  for (const e of errors) {
    if (pending.some((p) => p.key === e.key) || (opts.keys && !opts.keys.includes(e.key))) continue;
    items.push({ key: e.key, kind: e.kind, name: e.name, ...(e.namespace ? { namespace: e.namespace } : {}), outcome: 'skipped', message: e.message, conflicts: [] });
  }

  const applyFailed = items.some((i) => i.outcome === 'conflict' || i.outcome === 'error');
  if (opts.prune) {
    const { members } = await pruneCandidates(http, app, id, desired);
    await mapBounded(members, COMPARE_CONCURRENCY, async (m) => {
      const base = { key: m.key, kind: m.kind, name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}), conflicts: [] };
      try {
        await http.raw('DELETE', objectPath(m, m.namespace, m.name), { body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background', preconditions: { uid: m.uid } }, query: writeQuery(false), timeoutMs: 30_000 });
        items.push({ ...base, outcome: 'pruned', message: 'deleted (no longer in the source)' });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) items.push({ ...base, outcome: 'pruned', message: 'already gone' });
        else items.push({ ...base, outcome: 'error', message: `prune failed: ${errorText(err)}` });
      }
    });
  }
  // Narrow the parent to the source only when every member outside it is gone (kubectl: "latest" after a prune).
  const pruneFailed = items.some((i) => i.outcome === 'error' && i.message.startsWith('prune failed'));
  if (opts.prune && !pruneFailed) await writeApplySetParent(http, app.name, app.namespace, id, scope(desired));
  const count = (o: string) => items.filter((i) => i.outcome === o).length;
  const ok = !applyFailed && !pruneFailed;
  const message = `${count('created')} created, ${count('configured')} configured${opts.prune ? `, ${count('pruned')} pruned` : ''}${count('conflict') ? `, ${count('conflict')} conflicts` : ''}${count('error') ? `, ${count('error')} errors` : ''}`;
  return { ok, message, items };
}
