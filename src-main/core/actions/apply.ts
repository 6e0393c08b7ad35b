import { parseAllDocuments } from 'yaml';
import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { collectionPath, objectPath } from '../cluster/resourcePath';
import { requireAccess } from './accessCheck';
import { accessChecks } from '../../../shared/actions/actionAccess';
import { kindResolver, type ResolvedKind } from './kindResolver';
import { APPLY_PATCH, FIELD_MANAGER, writeQuery } from './writeOptions';
import { ownershipMoves } from '../../../shared/edit/ownershipMoves';
import { ContractError } from '../../../shared/contract/contractError';
import { invalidNameReason } from '../../../shared/model/objectNames';
import type { ApplyResult } from '../../../shared/contract/actions';
import { maskSecret, stripManagedFields } from '../objectSanitizer';

export interface ApplyParams {
  yaml: string;
  /** For namespaced objects that name none, like kubectl's -n (default "default"). */
  namespace?: string;
  dryRun?: boolean;
  /** --force-conflicts: take fields another manager owns. Without it a conflict is reported, never overwritten. */
  force?: boolean;
  /**
   * `create`: POST each object like `kubectl create -f` (an object that exists is an AlreadyExists
   * error, never changed); the New menu's forms and Expose send their YAML this way. Default `apply`.
   */
  mode?: 'apply' | 'create';
}

interface Planned {
  index: number;
  object: Record<string, any>;
  target: ResolvedKind;
  namespace?: string;
  name: string;
}

/** The objects in YAML text (documents separated by `---`, `kind: List` flattened), or bad-request. */
export function parseManifest(text: string): Record<string, any>[] {
  const docs = parseAllDocuments(text);
  const out: Record<string, any>[] = [];
  (Array.isArray(docs) ? docs : [docs]).forEach((doc, i) => {
    if (doc.errors.length > 0) throw new ContractError('bad-request', `YAML document ${i + 1}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value)) throw new ContractError('bad-request', `YAML document ${i + 1} is not an object`);
    if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) out.push(...value.items);
    else out.push(value);
  });
  if (out.length === 0) throw new ContractError('bad-request', 'The text holds no objects to apply.');
  return out;
}

/**
 * `kubectl apply --server-side --field-manager=wheelhouse [--dry-run=server] [--force-conflicts]`,
 * document by document: one that cannot be applied (no kind, an unknown kind, forbidden, invalid) is
 * reported in its row and the others still go. The namespace parameter is for namespaced objects that
 * name none; an object's own namespace always wins (a list spanning namespaces applies as written).
 * A 409 is reported per object with the managers that own the contested fields. A dry run of an object
 * that exists also returns it as it is now, and a forced dry run the fields that would change owner.
 */
export async function applyManifest(http: KubeHttp, p: ApplyParams): Promise<ApplyResult> {
  const objects = parseManifest(p.yaml);
  const resolve = kindResolver(http);
  const results: ApplyResult['results'] = [];
  for (const [index, object] of objects.entries()) {
    const base = {
      index, apiVersion: String(object?.apiVersion ?? ''), kind: String(object?.kind ?? ''), name: String(object?.metadata?.name ?? ''),
      ...(object?.metadata?.namespace ? { namespace: String(object.metadata.namespace) } : {}),
    };
    let x: Planned;
    try {
      x = await plan(resolve, object, index, p.namespace);
      await requireAccess(http, accessChecks(p.mode === 'create' ? 'create' : 'edit', { group: x.target.group, resource: x.target.resource, namespace: x.namespace, name: x.name }));
    } catch (err) {
      results.push({ ...base, outcome: 'error', message: `object ${index + 1}${base.kind ? ` (${base.kind}${base.name ? ` ${base.name}` : ''})` : ''}: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    const named = { ...base, name: x.name, ...(x.namespace ? { namespace: x.namespace } : {}) };
    results.push(p.mode === 'create' ? await createOne(http, x, p, named) : await applyOne(http, x, p, named));
  }
  return { ok: results.every((r) => r.outcome === 'created' || r.outcome === 'configured'), dryRun: !!p.dryRun, results };
}

async function plan(resolve: ReturnType<typeof kindResolver>, object: Record<string, any>, index: number, defaultNs: string | undefined): Promise<Planned> {
  if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') throw new ContractError('bad-request', 'no apiVersion or kind');
  const name = object.metadata?.name;
  if (typeof name !== 'string' || !name) throw new ContractError('bad-request', 'no metadata.name; every object here needs one');
  // Names are checked before anything is sent, in the API server's words (which rule, per kind).
  const badName = invalidNameReason(object.kind, name);
  if (badName) throw new ContractError('bad-request', `invalid name: ${badName}`);
  const ownNs = object.metadata?.namespace;
  const badNs = typeof ownNs === 'string' && ownNs ? invalidNameReason('Namespace', ownNs) : undefined;
  if (badNs) throw new ContractError('bad-request', `invalid namespace: ${badNs.replace(/^metadata\.name/, 'metadata.namespace')}`);
  const target = await resolve(object.apiVersion, object.kind);
  let namespace: string | undefined;
  if (target.namespaced) {
    namespace = object.metadata.namespace || defaultNs || 'default';
    object.metadata = { ...object.metadata, namespace };
  } else if (object.metadata.namespace) {
    object.metadata = { ...object.metadata };
    delete object.metadata.namespace;
  }
  return { index, object, target, namespace, name };
}

async function applyOne(http: KubeHttp, x: Planned, p: ApplyParams, base: Omit<ApplyResult['results'][number], 'outcome' | 'message'>): Promise<ApplyResult['results'][number]> {
  const label = `${x.target.resource}${x.target.group ? `.${x.target.group}` : ''}/${x.name}`;
  const path = objectPath(x.target, x.namespace, x.name);
  try {
    // A dry run compares with the object as it is now (absent: it would be created).
    const before = p.dryRun ? await http.request('GET', path, { timeoutMs: 15_000 }).catch((err) => {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    }) : undefined;
    const res = await http.raw('PATCH', path, {
      body: JSON.stringify(x.object), contentType: APPLY_PATCH, query: writeQuery(p.dryRun, p.force ? { force: true } : {}),
    });
    const text = await res.text();
    const created = res.status === 201;
    const result: ApplyResult['results'][number] = { ...base, outcome: created ? 'created' : 'configured', message: `${label} serverside-applied${created ? ' (created)' : ''}${p.dryRun ? ' (server dry run)' : ''}${p.force ? ' (forced)' : ''}` };
    if (p.dryRun) {
      const raw = parseObject(text);
      if (raw) result.object = sanitize(raw);
      if (before) result.current = sanitize(before);
      if (p.force && before && raw) result.ownership = ownershipMoves(before.metadata?.managedFields, raw.metadata?.managedFields, FIELD_MANAGER);
    }
    return result;
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      const causes: any[] = (err.body as any)?.details?.causes ?? [];
      return {
        ...base, outcome: 'conflict',
        message: `${label}: ${err.message}. Nothing was overwritten; a forced dry run shows which fields would change owner.`,
        conflicts: causes.map((c) => ({ ...(c.field ? { field: String(c.field) } : {}), message: String(c.message ?? '') })),
      };
    }
    return { ...base, outcome: 'error', message: `${label}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** `kubectl create -f` of one object: a POST; 409 AlreadyExists is said as such, with what to do instead. */
async function createOne(http: KubeHttp, x: Planned, p: ApplyParams, base: Omit<ApplyResult['results'][number], 'outcome' | 'message'>): Promise<ApplyResult['results'][number]> {
  const label = `${x.target.resource}${x.target.group ? `.${x.target.group}` : ''}/${x.name}`;
  try {
    const created = await http.request('POST', collectionPath(x.target, x.namespace), { body: x.object, query: writeQuery(p.dryRun) });
    return {
      ...base, outcome: 'created', message: `${label} created${p.dryRun ? ' (server dry run)' : ''}`,
      ...(p.dryRun && created && typeof created === 'object' ? { object: sanitize(created) } : {}),
    };
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      return { ...base, outcome: 'error', message: `${label} already exists${x.namespace ? ` in namespace ${x.namespace}` : ''}: nothing was changed. Choose another name, or edit the existing object.` };
    }
    return { ...base, outcome: 'error', message: `${label}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

const sanitize = (o: Record<string, any>) => maskSecret(stripManagedFields(o));

function parseObject(text: string): Record<string, any> | undefined {
  try {
    const obj = JSON.parse(text);
    return obj && typeof obj === 'object' && !Array.isArray(obj) ? obj : undefined;
  } catch {
    return undefined;
  }
}
