// Walking a cluster's OpenAPI v3 document the way `kubectl explain` does (kubectl
// pkg/explain/v2/templates/plaintext.tmpl): `$ref` resolved inside the document, `allOf`,
// `items` and object-valued `additionalProperties` followed, and truthiness as Go templates judge it
// (an empty map, list or string counts as absent). Pure: the document is plain JSON.

export type Schema = Record<string, any>;
export interface OpenApiDocument { openapi?: string; paths?: Record<string, any>; components?: { schemas?: Record<string, Schema> } }
export interface Gvk { group: string; version: string; kind: string }

/** Go template truthiness: false, 0, "", nil, and empty maps and lists are false. */
export function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A `#/components/schemas/X` reference resolved in the document; undefined when it does not resolve. */
export function resolveRef(ref: unknown, doc: OpenApiDocument): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const k of ref.slice(1).split('/')) {
    if (!k) continue;
    cur = isObject(cur) ? cur[decodeURIComponent(k).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (!isObject(cur)) return undefined;
  }
  return cur as Schema;
}

/** The schema a `$ref` points at, or the schema itself. */
export const resolved = (s: Schema, doc: OpenApiDocument): Schema => resolveRef(s?.$ref, doc) ?? s;

/** additionalProperties that is a schema (a map's value type), not `true`/`false`. */
export const mapValues = (s: Schema): Schema | undefined => (isObject(s?.additionalProperties) && truthy(s.additionalProperties) ? s.additionalProperties : undefined);

/** The short type kubectl prints: `string`, `Object`, `[]Container`, `map[string]Quantity`, `IntOrString`. */
export function typeGuess(s: Schema, doc: OpenApiDocument): string {
  if (!truthy(s)) return 'Object';
  if (truthy(s.items)) return `[]${typeGuess(s.items, doc)}`;
  const values = mapValues(s);
  if (values) return `map[string]${typeGuess(values, doc)}`;
  if (truthy(s.allOf) && !truthy(s.properties) && s.allOf.length === 1) return typeGuess(s.allOf[0], doc);
  if (truthy(s.$ref)) {
    const target = resolveRef(s.$ref, doc);
    if (!target || !truthy(target.type) || target.type === 'object') {
      const name = String(s.$ref).split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return String(target.type);
  }
  if (s.type === 'object') return 'Object';
  return truthy(s.type) ? String(s.type) : 'Object';
}

/** A schema's description followed by those of its allOf, items and map values (kubectl's "description"). */
export function descriptionOf(s: Schema, doc: OpenApiDocument): string {
  const r = resolveRef(s?.$ref, doc) ?? s;
  if (!truthy(r)) return '';
  let out = truthy(r.description) ? `${r.description}\n` : '';
  for (const a of r.allOf ?? []) out += descriptionOf(a, doc);
  if (truthy(r.items)) out += descriptionOf(r.items, doc);
  const values = mapValues(r);
  if (values) out += descriptionOf(values, doc);
  return out;
}

export interface FieldEntry {
  name: string;
  /** The field's own schema (as written in its parent: often `{allOf: [{$ref}], description}`). */
  schema: Schema;
  required: boolean;
  /** The refs on the way here; a field whose type is one of them is not expanded again (a cycle). */
  history: ReadonlySet<string>;
}

/**
 * The fields of a schema in kubectl's order: its properties by name, then those reached through
 * allOf, items and map values. Empty when the schema is a `$ref` already in `history` (a cycle).
 */
export function fieldList(s: Schema, doc: OpenApiDocument, history: ReadonlySet<string> = new Set()): FieldEntry[] {
  const ref = typeof s?.$ref === 'string' ? s.$ref : '';
  if (ref && history.has(ref)) return [];
  const next = new Set(history);
  if (ref) next.add(ref);
  const r = resolveRef(ref, doc) ?? s;
  const out: FieldEntry[] = [];
  if (!isObject(r)) return out;
  const required: unknown[] = Array.isArray(r.required) ? r.required : [];
  for (const name of Object.keys(isObject(r.properties) ? r.properties : {}).sort()) {
    out.push({ name, schema: r.properties[name], required: required.includes(name), history: next });
  }
  for (const a of Array.isArray(r.allOf) ? r.allOf : []) out.push(...fieldList(a, doc, next));
  if (truthy(r.items)) out.push(...fieldList(r.items, doc, next));
  const values = mapValues(r);
  if (values) out.push(...fieldList(values, doc, next));
  return out;
}

/** The fields `kubectl explain --recursive` prints under a field (cycles cut as kubectl cuts them). */
export const childFields = (f: FieldEntry, doc: OpenApiDocument) => fieldList(f.schema, doc, f.history);

/** The schema name in components.schemas that carries this group-version-kind (kubectl's lookup). */
export function findKindSchema(doc: OpenApiDocument, gvk: Gvk): string | undefined {
  const schemas = doc.components?.schemas ?? {};
  for (const name of Object.keys(schemas).sort()) {
    const list = schemas[name]?.['x-kubernetes-group-version-kind'];
    if (Array.isArray(list) && list.some((g: any) => (g?.group ?? '') === gvk.group && g?.version === gvk.version && g?.kind === gvk.kind)) return name;
  }
  return undefined;
}

/**
 * The group-version-kind of a resource, read from its paths' operations as kubectl explain reads it
 * (list and item paths, cluster-scoped then namespaced; get, post, put, patch, delete).
 */
export function gvkForResource(doc: OpenApiDocument, group: string, version: string, resource: string): Gvk | undefined {
  const prefix = group ? `/apis/${group}` : '/api';
  const candidates = [
    `${prefix}/${version}/${resource}`, `${prefix}/${version}/${resource}/{name}`,
    `${prefix}/${version}/namespaces/{namespace}/${resource}`, `${prefix}/${version}/namespaces/{namespace}/${resource}/{name}`,
  ];
  for (const p of candidates) {
    const item = doc.paths?.[p];
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const g = item?.[method]?.['x-kubernetes-group-version-kind'];
      if (isObject(g) && typeof g.kind === 'string') return { group: String(g.group ?? ''), version: String(g.version ?? ''), kind: g.kind };
    }
  }
  return undefined;
}

/** The named schema and every schema it reaches through `$ref`, as a document of its own. */
export function schemaClosure(doc: OpenApiDocument, rootName: string): OpenApiDocument {
  const all = doc.components?.schemas ?? {};
  const picked: Record<string, Schema> = {};
  const visit = (name: string) => {
    if (picked[name] || !all[name]) return;
    picked[name] = all[name];
    collectRefs(all[name], (ref) => { const m = /^#\/components\/schemas\/(.+)$/.exec(ref); if (m) visit(m[1]); });
  };
  visit(rootName);
  return { components: { schemas: picked } };
}

function collectRefs(v: unknown, found: (ref: string) => void): void {
  if (Array.isArray(v)) { for (const x of v) collectRefs(x, found); return; }
  if (!isObject(v)) return;
  for (const [k, x] of Object.entries(v)) {
    if (k === '$ref' && typeof x === 'string') found(x);
    else collectRefs(x, found);
  }
}
