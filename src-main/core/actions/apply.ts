import { parseAllDocuments } from 'yaml';
import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { objectPath } from '../cluster/resourcePath';
import { requireAccess } from './accessCheck';
import { accessChecks } from '../../../shared/actions/actionAccess';
import { kindResolver, type ResolvedKind } from './kindResolver';
import { APPLY_PATCH, writeQuery } from './writeOptions';
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
 * `kubectl apply --server-side --field-manager=wheelhouse [--dry-run=server] [--force-conflicts]`:
 * every object is checked (shape, kind, namespace, access) before the first is written; then each is
 * applied in order. A 409 is reported per object with the managers that own the contested fields.
 */
export async function applyManifest(http: KubeHttp, p: ApplyParams): Promise<ApplyResult> {
  const objects = parseManifest(p.yaml);
  const resolve = kindResolver(http);
  const planned: Planned[] = [];
  for (const [index, object] of objects.entries()) {
    const where = `object ${index + 1}`;
    if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') throw new ContractError('bad-request', `${where} has no apiVersion or kind`);
    const name = object.metadata?.name;
    if (typeof name !== 'string' || !name) throw new ContractError('bad-request', `${where} (${object.kind}) has no metadata.name; server-side apply needs one`);
    const badName = invalidNameReason(object.kind, name);
    if (badName) throw new ContractError('bad-request', `${where} (${object.kind} ${JSON.stringify(name)}) has an invalid name: ${badName}. Nothing was applied.`);
    const ownNs = object.metadata?.namespace;
    const badNs = typeof ownNs === 'string' && ownNs ? invalidNameReason('Namespace', ownNs) : undefined;
    if (badNs) throw new ContractError('bad-request', `${where} (${object.kind} ${JSON.stringify(name)}) names an invalid namespace: ${badNs.replace(/^metadata\.name/, 'metadata.namespace')}. Nothing was applied.`);
    const target = await resolve(object.apiVersion, object.kind);
    let namespace: string | undefined;
    if (target.namespaced) {
      const own = object.metadata.namespace;
      if (own && p.namespace && own !== p.namespace) {
        throw new ContractError('bad-request', `the namespace from the provided object "${own}" does not match the namespace "${p.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
      }
      namespace = own || p.namespace || 'default';
      object.metadata = { ...object.metadata, namespace };
    } else if (object.metadata.namespace) {
      object.metadata = { ...object.metadata };
      delete object.metadata.namespace;
    }
    planned.push({ index, object, target, namespace, name });
  }
  const checks = new Map(planned.map((x) => [`${x.target.group}/${x.target.resource}/${x.namespace ?? ''}/${x.name}`,
    accessChecks('edit', { group: x.target.group, resource: x.target.resource, namespace: x.namespace, name: x.name })[0]]));
  await requireAccess(http, [...checks.values()]);

  const results: ApplyResult['results'] = [];
  for (const x of planned) {
    const base = { index: x.index, apiVersion: String(x.object.apiVersion), kind: String(x.object.kind), name: x.name, ...(x.namespace ? { namespace: x.namespace } : {}) };
    const label = `${x.target.resource}${x.target.group ? `.${x.target.group}` : ''}/${x.name}`;
    try {
      const res = await http.raw('PATCH', objectPath(x.target, x.namespace, x.name), {
        body: JSON.stringify(x.object), contentType: APPLY_PATCH, query: writeQuery(p.dryRun, p.force ? { force: true } : {}),
      });
      const text = await res.text();
      const created = res.status === 201;
      const result: ApplyResult['results'][number] = { ...base, outcome: created ? 'created' : 'configured', message: `${label} serverside-applied${created ? ' (created)' : ''}${p.dryRun ? ' (server dry run)' : ''}` };
      // A dry run answers with the object as it would be stored: what an editor shows as "would change".
      if (p.dryRun) result.object = wouldBe(text);
      results.push(result);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const causes: any[] = (err.body as any)?.details?.causes ?? [];
        results.push({
          ...base, outcome: 'conflict',
          message: `${label}: ${err.message}. Nothing was overwritten; apply again with force to take these fields.`,
          conflicts: causes.map((c) => ({ ...(c.field ? { field: String(c.field) } : {}), message: String(c.message ?? '') })),
        });
      } else {
        results.push({ ...base, outcome: 'error', message: `${label}: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
  }
  return { ok: results.every((r) => r.outcome === 'created' || r.outcome === 'configured'), dryRun: !!p.dryRun, results };
}

function wouldBe(text: string): Record<string, unknown> | undefined {
  try {
    const obj = JSON.parse(text);
    return obj && typeof obj === 'object' && !Array.isArray(obj) ? maskSecret(stripManagedFields(obj)) : undefined;
  } catch {
    return undefined;
  }
}
