import type { KubeHttp } from '../cluster/kubeHttp';
import { groupVersionDocument, OpenApiUnavailable } from '../openapi/openApiDocuments';
import { ContractError } from '../../../shared/contract/contractError';
import type { PatchMeta, PatchMetaLookup } from '../../../shared/edit/twoWayPatch';
import { findKindSchema } from '../../../shared/schema/schemaWalk';
import { schemaAtKeys } from '../../../shared/schema/fieldView';

// Merge keys and patch strategies of built-in kinds, read from the cluster's OpenAPI v3 (the
// x-kubernetes-patch-merge-key and x-kubernetes-patch-strategy of each field), as kubectl reads them
// for its strategic merge patches. The documents come from the one OpenAPI source (core/openapi);
// the walk to a field is shared/schema's.

/** The patch metadata lookup for one kind, from its schema in the cluster's OpenAPI v3. */
export async function openApiPatchMeta(http: Pick<KubeHttp, 'request' | 'raw'>, group: string, version: string, kind: string): Promise<PatchMetaLookup> {
  let doc;
  try {
    doc = (await groupVersionDocument(http, group, version)).doc;
  } catch (err) {
    if (err instanceof OpenApiUnavailable) throw new ContractError('internal', `${err.message.split(':')[0]}; cannot build a strategic merge patch.`, err.detail);
    throw err;
  }
  const rootName = findKindSchema(doc, { group, version, kind });
  if (!rootName) throw new ContractError('internal', `The cluster's OpenAPI v3 does not describe ${kind} in ${group || 'core'}/${version}; cannot build a strategic merge patch.`);
  const root = doc.components!.schemas![rootName];
  const memo = new Map<string, PatchMeta>();
  return (path) => {
    const key = path.join('.');
    const known = memo.get(key);
    if (known) return known;
    // The field's own schema as its parent writes it: that is where the patch extensions are.
    const field = path.length ? schemaAtKeys(doc, root, path)?.schema : undefined;
    const meta: PatchMeta = { strategies: [] };
    if (field) {
      if (typeof field['x-kubernetes-patch-merge-key'] === 'string') meta.mergeKey = field['x-kubernetes-patch-merge-key'];
      if (typeof field['x-kubernetes-patch-strategy'] === 'string') meta.strategies = field['x-kubernetes-patch-strategy'].split(',');
    }
    memo.set(key, meta);
    return meta;
  };
}
