import { descriptionOf, fieldList, resolveRef, truthy, typeGuess, mapValues, childFields, type FieldEntry, type OpenApiDocument, type Schema } from './schemaWalk';

// What `kubectl explain <kind>.<path>` prints, as data: the field's header (name, type, enum), its
// description (its own, then its type's) and its fields, each with type, required, enum and
// description. `explainRecursive` is the tree `--recursive` prints.

export interface ExplainedField {
  name: string;
  type: string;
  required: boolean;
  /** Enum values written on the field itself (kubectl prints these; a `$ref`'s enum is not shown). */
  enum?: unknown[];
  /** The field's default, when the schema gives a non-empty one. */
  default?: unknown;
  /** The field's own description (kubectl: `<no description>` when empty). */
  description: string;
  /** Whether kubectl would list fields under it (an object, a list or map of objects). */
  hasFields: boolean;
}

export interface Explanation {
  /** The path asked for, field by field (empty: the kind itself). */
  path: string[];
  /** The last field of the path (absent for the kind itself). */
  field?: { name: string; type: string; enum?: unknown[]; default?: unknown };
  /** The field's description followed by its type's, as kubectl prints under DESCRIPTION. */
  description: string;
  fields: ExplainedField[];
}

export class ExplainPathError extends Error {
  constructor(readonly field: string) { super(`field "${field}" does not exist`); this.name = 'ExplainPathError'; }
}

const defaultOf = (s: Schema): unknown => (s?.default !== undefined && (typeof s.default !== 'object' || truthy(s.default)) ? s.default : undefined);

export function explainedField(f: FieldEntry, doc: OpenApiDocument): ExplainedField {
  const out: ExplainedField = {
    name: f.name, type: typeGuess(f.schema, doc), required: f.required,
    description: typeof f.schema?.description === 'string' ? f.schema.description : '',
    hasFields: childFields(f, doc).length > 0,
  };
  if (truthy(f.schema?.enum)) out.enum = f.schema.enum;
  const d = defaultOf(f.schema);
  if (d !== undefined) out.default = d;
  return out;
}

interface Found { schema: Schema; field?: { name: string; schema: Schema } }

/** kubectl's "output" template: follow the path through properties, items, map values and allOf. */
function follow(s: Schema, path: string[], doc: OpenApiDocument, history: ReadonlySet<string>, field?: Found['field']): Found | undefined {
  if (path.length === 0) return { schema: s, field };
  const ref = typeof s?.$ref === 'string' ? s.$ref : '';
  if (ref && history.has(ref)) return undefined;
  const next = new Set(history);
  if (ref) next.add(ref);
  const r = resolveRef(ref, doc) ?? s;
  const sub = truthy(r?.properties) ? r.properties[path[0]] : undefined;
  if (truthy(sub)) return follow(sub, path.slice(1), doc, new Set(), { name: path[0], schema: sub });
  if (truthy(r?.items)) return follow(r.items, path, doc, next, field);
  const values = mapValues(r);
  if (values) return follow(values, path, doc, next, field);
  for (const a of Array.isArray(r?.allOf) ? r.allOf : []) {
    const found = follow(a, path, doc, next, field);
    if (found) return found;
  }
  return undefined;
}

/** `kubectl explain` of a path under a kind's schema; ExplainPathError names the last field of a path that does not exist. */
export function explainPath(doc: OpenApiDocument, root: Schema, path: string[]): Explanation {
  const found = follow(root, path, doc, new Set());
  if (!found) throw new ExplainPathError(path[path.length - 1] ?? '');
  const r = resolveRef(found.schema?.$ref, doc) ?? found.schema;
  const out: Explanation = { path, description: descriptionOf(r, doc), fields: fieldList(r, doc, new Set()).map((f) => explainedField(f, doc)) };
  if (found.field) {
    out.field = { name: found.field.name, type: typeGuess(found.field.schema, doc) };
    if (truthy(found.field.schema?.enum)) out.field.enum = found.field.schema.enum;
    const d = defaultOf(found.field.schema);
    if (d !== undefined) out.field.default = d;
  }
  return out;
}

export interface RecursiveNode { name: string; type: string; required: boolean; enum?: unknown[]; children: RecursiveNode[] }

/** The tree `kubectl explain <path> --recursive` prints under the path (types, required, enums). */
export function explainRecursive(doc: OpenApiDocument, root: Schema, path: string[]): RecursiveNode[] {
  const found = follow(root, path, doc, new Set());
  if (!found) throw new ExplainPathError(path[path.length - 1] ?? '');
  const r = resolveRef(found.schema?.$ref, doc) ?? found.schema;
  const build = (entries: FieldEntry[]): RecursiveNode[] => entries.map((f) => {
    const node: RecursiveNode = { name: f.name, type: typeGuess(f.schema, doc), required: f.required, children: build(childFields(f, doc)) };
    if (truthy(f.schema?.enum)) node.enum = f.schema.enum;
    return node;
  });
  return build(fieldList(r, doc, new Set()));
}

/** The field entries one level under a path, for a tree that expands on demand (same cycle rule). */
export function fieldsUnder(doc: OpenApiDocument, root: Schema, path: string[]): FieldEntry[] {
  const found = follow(root, path, doc, new Set());
  if (!found) throw new ExplainPathError(path[path.length - 1] ?? '');
  return fieldList(resolveRef(found.schema?.$ref, doc) ?? found.schema, doc, new Set());
}
