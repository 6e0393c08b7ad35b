import { resolveRef, typeGuess, truthy, type OpenApiDocument, type Schema } from './schemaWalk';

// One schema as the editor needs it to check and complete data: `$ref` and `allOf` merged, the types
// it accepts (oneOf/anyOf alternatives, int-or-string), its properties, what extra keys it allows (a
// map's value schema, or any when it keeps unknown fields), and its enum.

export interface FieldView {
  /** JSON types accepted; undefined: anything. */
  types?: Set<string>;
  properties: Record<string, Schema>;
  required: string[];
  /** A map's value schema; `true`: any extra key (preserve-unknown-fields, additionalProperties: true). */
  extra?: Schema | true;
  /** x-kubernetes-embedded-resource: apiVersion, kind and metadata are allowed though not listed. */
  embedded: boolean;
  items?: Schema;
  enum?: unknown[];
  description?: string;
}

export function fieldView(s: Schema | undefined, doc: OpenApiDocument, depth = 0): FieldView {
  const v: FieldView = { properties: {}, required: [], embedded: false };
  if (!s || typeof s !== 'object' || depth > 20) return v;
  const merge = (x: Schema, d: number) => {
    const t = resolveRef(x.$ref, doc) ?? x;
    if (typeof t.description === 'string' && !v.description) v.description = t.description;
    if (typeof t.type === 'string' && t.type) (v.types ??= new Set()).add(t.type);
    if (t['x-kubernetes-int-or-string'] === true || t.format === 'int-or-string') { (v.types ??= new Set()).add('integer'); v.types.add('string'); }
    for (const alt of [...(Array.isArray(t.oneOf) ? t.oneOf : []), ...(Array.isArray(t.anyOf) ? t.anyOf : [])]) {
      const a = resolveRef(alt?.$ref, doc) ?? alt;
      if (typeof a?.type === 'string') (v.types ??= new Set()).add(a.type);
    }
    if (truthy(t.properties)) Object.assign(v.properties, t.properties);
    if (Array.isArray(t.required)) v.required.push(...t.required.filter((n: unknown) => typeof n === 'string'));
    if (t['x-kubernetes-preserve-unknown-fields'] === true || t.additionalProperties === true) v.extra = true;
    else if (truthy(t.additionalProperties) && typeof t.additionalProperties === 'object' && v.extra !== true) v.extra = t.additionalProperties;
    if (t['x-kubernetes-embedded-resource'] === true) v.embedded = true;
    if (truthy(t.items) && !v.items) v.items = t.items;
    if (truthy(t.enum) && !v.enum) v.enum = t.enum;
    for (const a of Array.isArray(t.allOf) ? t.allOf : []) if (d < 20) merge(a, d + 1);
  };
  merge(s, depth);
  // A field written as a bare $ref: its own words (description, enum) come before its type's.
  if (typeof s.description === 'string') v.description = s.description;
  if (truthy(s.enum)) v.enum = s.enum;
  if (!v.types && Object.keys(v.properties).length) v.types = new Set(['object']);
  if (v.types?.has('number')) v.types.add('integer');
  return v;
}

export interface KeysTarget {
  schema: Schema;
  /** The same place as a `kubectl explain` path (map keys and list items left out). */
  explainPath: string[];
}

/**
 * The schema at a path of keys as written in YAML (list items stepped into on the way, a map's keys
 * consumed by its value schema); undefined when a key is unknown there.
 */
export function schemaAtKeys(doc: OpenApiDocument, root: Schema, keys: string[]): KeysTarget | undefined {
  let s = root;
  const explainPath: string[] = [];
  for (const key of keys) {
    let v = fieldView(s, doc);
    for (let i = 0; v.items && i < 5; i++) { s = v.items; v = fieldView(s, doc); }
    if (Object.prototype.hasOwnProperty.call(v.properties, key)) { s = v.properties[key]; explainPath.push(key); continue; }
    if (v.embedded && (key === 'apiVersion' || key === 'kind' || key === 'metadata')) return undefined;
    if (v.extra && v.extra !== true) { s = v.extra; continue; }
    return undefined;
  }
  return { schema: s, explainPath };
}

/** The type as kubectl explain names it, for messages and completion details. */
export const typeName = (s: Schema, doc: OpenApiDocument) => typeGuess(s, doc);
