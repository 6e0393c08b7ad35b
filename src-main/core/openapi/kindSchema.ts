import type { KubeHttp } from '../cluster/kubeHttp';
import type { KindSchemaParams, KindSchemaResult } from '../../../shared/contract/schema';
import { findKindSchema, gvkForResource, schemaClosure, type OpenApiDocument } from '../../../shared/schema/schemaWalk';
import { groupVersionDocument, OpenApiUnavailable } from './openApiDocuments';

type Params = Omit<KindSchemaParams, 'context'>;
const closures = new WeakMap<OpenApiDocument, Map<string, OpenApiDocument>>();

function closureOf(doc: OpenApiDocument, rootName: string): OpenApiDocument {
  let byRoot = closures.get(doc);
  if (!byRoot) { byRoot = new Map(); closures.set(doc, byRoot); }
  let c = byRoot.get(rootName);
  if (!c) { c = schemaClosure(doc, rootName); byRoot.set(rootName, c); }
  return c;
}

/** One kind's schema (its closure) from the cluster's OpenAPI v3, or why there is none. */
export async function kindSchema(http: Pick<KubeHttp, 'request' | 'raw'>, p: Params, opts: { limitBytes?: number } = {}): Promise<KindSchemaResult> {
  let gv;
  try {
    gv = await groupVersionDocument(http, p.group, p.version, opts);
  } catch (err) {
    if (err instanceof OpenApiUnavailable) return { state: 'unavailable', reason: err.reason, message: err.message, ...(err.detail ? { detail: err.detail } : {}) };
    throw err;
  }
  const gvText = `${p.group || 'core'}/${p.version}`;
  const gvk = p.kind ? { group: p.group, version: p.version, kind: p.kind } : gvkForResource(gv.doc, p.group, p.version, p.resource ?? '');
  if (!gvk) return { state: 'unavailable', reason: 'kind-not-found', message: `The cluster's OpenAPI v3 for ${gvText} has no resource "${p.resource}": field documentation, completion and checks are off for it.` };
  const rootName = findKindSchema(gv.doc, gvk);
  if (!rootName) return { state: 'unavailable', reason: 'kind-not-found', message: `The cluster's OpenAPI v3 for ${gvText} does not describe the kind ${gvk.kind}: field documentation, completion and checks are off for it. The server still checks what you send.` };
  const document = closureOf(gv.doc, rootName) as { components: { schemas: Record<string, Record<string, unknown>> } };
  return {
    state: 'ok', gvk, serverVersion: gv.serverVersion, rootName, document,
    preservesUnknownFields: document.components.schemas[rootName]?.['x-kubernetes-preserve-unknown-fields'] === true,
  };
}
