import type { KubeHttp } from '../cluster/kubeHttp';
import { groupVersionDocument, OpenApiUnavailable } from '../openapi/openApiDocuments';
import { ContractError } from '../../../shared/contract/contractError';
import type { PatchMeta, PatchMetaLookup } from '../../../shared/edit/twoWayPatch';

// Merge keys and patch strategies of built-in kinds, read from the cluster's OpenAPI v3 (the
// x-kubernetes-patch-merge-key and x-kubernetes-patch-strategy of each field), as kubectl reads them
// for its strategic merge patches. The documents come from the one OpenAPI source (core/openapi).

type Schema = Record<string, any>;

function deref(s: Schema | undefined, schemas: Record<string, Schema>): Schema | undefined {
  for (let i = 0; s && i < 10; i++) {
    const ref: string | undefined = s.$ref ?? s.allOf?.find((x: Schema) => x.$ref)?.$ref;
    if (!ref) return s;
    s = schemas[ref.replace('#/components/schemas/', '')];
  }
  return s;
}

/** The patch metadata lookup for one kind, from its schema in the cluster's OpenAPI v3. */
export async function openApiPatchMeta(http: Pick<KubeHttp, 'request' | 'raw'>, group: string, version: string, kind: string): Promise<PatchMetaLookup> {
  let schemas: Record<string, Schema>;
  try {
    schemas = (await groupVersionDocument(http, group, version)).doc.components?.schemas ?? {};
  } catch (err) {
    if (err instanceof OpenApiUnavailable) throw new ContractError('internal', `${err.message.split(':')[0]}; cannot build a strategic merge patch.`, err.detail);
    throw err;
  }
  const root = Object.values(schemas).find((s) => (s['x-kubernetes-group-version-kind'] ?? [])
    .some((g: any) => (g.group ?? '') === group && g.version === version && g.kind === kind));
  if (!root) throw new ContractError('internal', `The cluster's OpenAPI v3 does not describe ${kind} in ${group || 'core'}/${version}; cannot build a strategic merge patch.`);
  const memo = new Map<string, PatchMeta>();
  return (path) => {
    const key = path.join('.');
    const known = memo.get(key);
    if (known) return known;
    let node: Schema | undefined = root;
    let field: Schema | undefined;
    for (const step of path) {
      node = deref(node, schemas);
      while (node?.items) node = deref(node.items, schemas);
      field = node?.properties?.[step];
      node = field;
      if (!field) break;
    }
    const meta: PatchMeta = { strategies: [] };
    if (field) {
      if (typeof field['x-kubernetes-patch-merge-key'] === 'string') meta.mergeKey = field['x-kubernetes-patch-merge-key'];
      if (typeof field['x-kubernetes-patch-strategy'] === 'string') meta.strategies = field['x-kubernetes-patch-strategy'].split(',');
    }
    memo.set(key, meta);
    return meta;
  };
}
