import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { collectionPath, objectPath, type ResourcePath } from '../cluster/resourcePath';
import { APPLY_PATCH, writeQuery } from '../actions/writeOptions';
import {
  APPLYSET_ID_LABEL, APPLYSET_PART_OF_LABEL, parentAnnotations, parentRefusal, readParent, type MemberScope, type ParentScope,
} from '../../../shared/apps/applySet';
import { groupKind } from '../../../shared/apps/objectIdentity';

const SECRETS: ResourcePath = { group: '', version: 'v1', resource: 'secrets' };

export interface ParentState { exists: boolean; scope: ParentScope; refusal?: string }

/** The application's ApplySet parent (a Secret named like the application, as `--applyset=NAME -n NS`). */
export async function readApplySetParent(http: KubeHttp, name: string, namespace: string, id: string): Promise<ParentState> {
  try {
    const secret = await http.request('GET', objectPath(SECRETS, namespace, name), { timeoutMs: 30_000 });
    const scope = readParent(secret);
    return { exists: true, scope, refusal: parentRefusal(scope, id) };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return { exists: false, scope: { groupKinds: [], namespaces: [namespace] } };
    throw err;
  }
}

/**
 * Writes the parent's id label and its group-kinds / namespaces annotations by server-side apply,
 * creating the Secret when missing, exactly the fields kubectl writes. kubectl's own manager
 * (kubectl-applyset) owns them after a kubectl run; like kubectl we then retry with force.
 */
export async function writeApplySetParent(http: KubeHttp, name: string, namespace: string, id: string, members: MemberScope[], keep?: ParentScope): Promise<void> {
  const body = {
    apiVersion: 'v1', kind: 'Secret',
    metadata: { name, namespace, labels: { [APPLYSET_ID_LABEL]: id }, annotations: parentAnnotations(members, namespace, keep) },
  };
  const send = (force: boolean) => http.raw('PATCH', objectPath(SECRETS, namespace, name), {
    body: JSON.stringify(body), contentType: APPLY_PATCH, query: writeQuery(false, force ? { force: true } : {}), timeoutMs: 30_000,
  });
  try { await send(false); } catch (err) {
    if (err instanceof ApiError && err.status === 409) await send(true); else throw err;
  }
}

export interface Member { key: string; kind: string; group: string; version: string; resource: string; name: string; namespace?: string; uid: string; apiVersion: string }

/** Resource of a group kind at the group's preferred version (the parent annotation names no version). */
export async function resolveGroupKind(http: KubeHttp, kind: string, group: string): Promise<(ResourcePath & { namespaced: boolean }) | undefined> {
  let version = 'v1';
  if (group) {
    try {
      const g = await http.request('GET', `/apis/${encodeURIComponent(group)}`, { timeoutMs: 30_000 });
      version = g?.preferredVersion?.version ?? g?.versions?.[0]?.version;
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    }
    if (!version) return undefined;
  }
  const list = await http.request('GET', group ? `/apis/${encodeURIComponent(group)}/${encodeURIComponent(version)}` : '/api/v1', { timeoutMs: 30_000 });
  const r = (list?.resources ?? []).find((x: any) => x.kind === kind && !String(x.name).includes('/'));
  return r ? { group, version, resource: String(r.name), namespaced: !!r.namespaced } : undefined;
}

/**
 * The set's current members, as kubectl's pruner finds them: for every group kind (the parent's and
 * the source's) in every namespace of the set, a LIST by the part-of label.
 */
export async function listMembers(http: KubeHttp, id: string, groupKinds: { kind: string; group: string }[], namespaces: string[]): Promise<Member[]> {
  const out: Member[] = [];
  const unique = [...new Map(groupKinds.map((g) => [groupKind(g.kind, g.group), g])).values()];
  for (const gk of unique) {
    const r = await resolveGroupKind(http, gk.kind, gk.group);
    if (!r) continue;
    for (const ns of r.namespaced ? namespaces : [undefined]) {
      const list = await http.request('GET', collectionPath(r, ns), { query: { labelSelector: `${APPLYSET_PART_OF_LABEL}=${id}` }, timeoutMs: 60_000 });
      for (const item of list?.items ?? []) {
        const m = item.metadata ?? {};
        out.push({ key: `${groupKind(gk.kind, gk.group)}/${m.namespace ?? ''}/${m.name}`, kind: gk.kind, group: gk.group, version: r.version, resource: r.resource, name: m.name, namespace: m.namespace, uid: m.uid, apiVersion: gk.group ? `${gk.group}/${r.version}` : r.version });
      }
    }
  }
  return out;
}
