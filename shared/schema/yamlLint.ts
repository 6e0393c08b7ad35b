import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { fieldView } from './fieldView';
import { typeGuess, type OpenApiDocument, type Schema } from './schemaWalk';

// Checks YAML text against the kinds' schemas before anything is sent: unknown fields, wrong types,
// missing required fields (errors) and values outside an enum (warnings), each at its place in the
// text. What the schema leaves open stays open: fields kept by x-kubernetes-preserve-unknown-fields,
// map keys (additionalProperties), int-or-string, embedded objects' apiVersion/kind/metadata. The
// server's dry run stays the final word.

export interface Diagnostic { from: number; to: number; severity: 'error' | 'warning' | 'info'; message: string }

export interface KindSchemaRef { document: OpenApiDocument; root: Schema }
/** The schema of a kind; `pending` while it loads; a message when there is none (said once per document). */
export type SchemaLookup = (apiVersion: string, kind: string) => KindSchemaRef | 'pending' | { unavailable: string };

const MAX_DIAGNOSTICS = 200;

function valueType(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  return 'null';
}

function rangeOf(n: YamlNode | null | undefined, fallback: number): [number, number] {
  const r = n?.range;
  return r ? [r[0], Math.max(r[1], r[0] + 1)] : [fallback, fallback + 1];
}

interface Walk { doc: OpenApiDocument; out: Diagnostic[] }

function check(w: Walk, node: YamlNode | null, s: Schema, path: string, keyRange: [number, number]): void {
  if (w.out.length >= MAX_DIAGNOSTICS || !node) return;
  if (isScalar(node) && node.value === null) return; // null: the field is left unset
  const v = fieldView(s, w.doc);
  const types = v.types;
  const expected = () => typeGuess(s, w.doc);
  const [from, to] = rangeOf(node, keyRange[0]);
  if (isMap(node)) {
    if (types && !types.has('object')) { w.out.push({ from, to: Math.min(to, from + 1), severity: 'error', message: `${path}: expected ${expected()}, got a map` }); return; }
    const present = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      present.add(key);
      const kr = rangeOf(pair.key as YamlNode, from);
      const childPath = path ? `${path}.${key}` : key;
      const value = pair.value as YamlNode | null;
      if (Object.prototype.hasOwnProperty.call(v.properties, key)) check(w, value, v.properties[key], childPath, kr);
      else if (v.embedded && (key === 'apiVersion' || key === 'kind' || key === 'metadata')) continue;
      else if (v.extra === true) continue;
      else if (v.extra) check(w, value, v.extra, childPath, kr);
      else if (Object.keys(v.properties).length === 0) continue; // an object the schema leaves open
      else w.out.push({ from: kr[0], to: kr[1], severity: 'error', message: `unknown field "${childPath}"` });
    }
    for (const r of v.required) {
      if (!present.has(r)) w.out.push({ from: keyRange[0], to: keyRange[1], severity: 'error', message: `missing required field "${r}"${path ? ` in ${path}` : ''}` });
    }
    return;
  }
  if (isSeq(node)) {
    if (types && !types.has('array')) { w.out.push({ from, to: Math.min(to, from + 1), severity: 'error', message: `${path}: expected ${expected()}, got a list` }); return; }
    // A missing field of a list item is shown on the item's first key, not across the whole item.
    node.items.forEach((item, i) => check(w, item as YamlNode, v.items ?? {}, `${path}[${i}]`,
      rangeOf((isMap(item) && isPair(item.items[0]) ? item.items[0].key : item) as YamlNode, from)));
    return;
  }
  if (isScalar(node)) {
    const t = valueType(node.value);
    if (types && !types.has(t)) {
      w.out.push({ from, to, severity: 'error', message: `${path}: expected ${expected()}, got ${t} ${JSON.stringify(node.value)}` });
      return;
    }
    if (v.enum && !v.enum.some((e) => e === node.value)) {
      w.out.push({ from, to, severity: 'warning', message: `${path}: unsupported value ${JSON.stringify(node.value)}; one of ${v.enum.map((e) => JSON.stringify(e)).join(', ')}` });
    }
  }
}

/** Diagnostics for every document in the text (YAML syntax errors included). */
export function lintYaml(text: string, lookup: SchemaLookup): Diagnostic[] {
  const out: Diagnostic[] = [];
  const docs = parseAllDocuments(text);
  for (const d of Array.isArray(docs) ? docs : [docs]) {
    if (d.errors.length) {
      for (const e of d.errors.slice(0, 5)) out.push({ from: e.pos[0], to: Math.max(e.pos[1], e.pos[0] + 1), severity: 'error', message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '') });
      continue;
    }
    const root = d.contents as YamlNode | null;
    if (!root || !isMap(root)) continue;
    const apiVersion = root.get('apiVersion');
    const kind = root.get('kind');
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue;
    const s = lookup(apiVersion, kind);
    if (s === 'pending') continue;
    const kindNode = root.items.find((p) => isScalar(p.key) && p.key.value === 'kind')?.value as YamlNode | undefined;
    const kr = rangeOf(kindNode, root.range?.[0] ?? 0);
    if ('unavailable' in s) { out.push({ from: kr[0], to: kr[1], severity: 'info', message: `Fields not checked: ${s.unavailable}` }); continue; }
    check({ doc: s.document, out }, root, s.root, '', kr);
  }
  return out.slice(0, MAX_DIAGNOSTICS);
}
