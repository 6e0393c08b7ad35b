import type { KubeHttp } from '../cluster/kubeHttp';
import { ContractError } from '../../../shared/contract/contractError';
import type { PatchMeta, PatchMetaLookup } from '../../../shared/edit/twoWayPatch';

// Merge keys and patch strategies of built-in kinds, read from the cluster's OpenAPI v3 (the
// x-kubernetes-patch-merge-key and x-kubernetes-patch-strategy of each field), as kubectl reads them
// for its strategic merge patches. One group-version document per context, kept for 10 minutes.

type Schema = Record<string, any>;
interface Doc { schemas: Record<string, Schema>; at: number }
const TTL_MS = 10 * 60_000;
const cache = new WeakMap<object, Map<string, Promise<Doc>>>();

async function groupVersionDoc(http: Pick<KubeHttp, 'request'>, group: string, version: string): Promise<Doc> {
  let perHttp = cache.get(http);
  if (!perHttp) { perHttp = new Map(); cache.set(http, perHttp); }
  const key = `${group}/${version}`;
  const hit = perHttp.get(key);
  if (hit) {
    const doc = await hit.catch(() => undefined);
    if (doc && Date.now() - doc.at < TTL_MS) return doc;
  }
  const p = (async () => {
    const index = await http.request('GET', '/openapi/v3', { timeoutMs: 30_000 });
    const gvPath = group === '' ? `api/${version}` : `apis/${group}/${version}`;
    const url: string | undefined = index?.paths?.[gvPath]?.serverRelativeURL;
    if (!url) throw new ContractError('internal', `The cluster's OpenAPI v3 has no document for ${gvPath}; cannot build a strategic merge patch.`);
    const [path, query = ''] = url.split('?');
    const doc = await http.request('GET', path, { query: Object.fromEntries(new URLSearchParams(query)), timeoutMs: 60_000 });
    return { schemas: doc?.components?.schemas ?? {}, at: Date.now() };
  })();
  perHttp.set(key, p);
  p.catch(() => perHttp!.delete(key));
  return p;
}

function deref(s: Schema | undefined, schemas: Record<string, Schema>): Schema | undefined {
  for (let i = 0; s && i < 10; i++) {
    const ref: string | undefined = s.$ref ?? s.allOf?.find((x: Schema) => x.$ref)?.$ref;
    if (!ref) return s;
    s = schemas[ref.replace('#/components/schemas/', '')];
  }
  return s;
}

/** The patch metadata lookup for one kind, from its schema in the cluster's OpenAPI v3. */
export async function openApiPatchMeta(http: Pick<KubeHttp, 'request'>, group: string, version: string, kind: string): Promise<PatchMetaLookup> {
  const { schemas } = await groupVersionDoc(http, group, version);
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
