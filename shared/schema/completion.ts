import { fieldView, schemaAtKeys } from './fieldView';
import { descriptionOf, typeGuess } from './schemaWalk';
import type { SchemaLookup } from './yamlLint';
import { cursorContext, documentKindAt } from './yamlCursor';

// Completion at the cursor from the kind's schema: the field names allowed where a key is being typed
// (those already there left out, required ones first), or a field's enum values (true/false for a
// boolean) where its value is.

export interface CompletionItem {
  label: string;
  kind: 'field' | 'value';
  /** The field's type as kubectl explain names it (`string`, `[]Container`), or the value's field. */
  detail: string;
  info?: string;
  /** The text to insert. */
  apply: string;
  required?: boolean;
}

export function completeAt(text: string, pos: number, lookup: SchemaLookup): { from: number; items: CompletionItem[] } | undefined {
  const which = documentKindAt(text, pos);
  const c = cursorContext(text, pos);
  if (!which || !c) return undefined;
  const s = lookup(which.apiVersion, which.kind);
  if (s === 'pending' || 'unavailable' in s) return undefined;
  const { document: doc, root } = s;
  if (c.position === 'key') {
    const at = schemaAtKeys(doc, root, c.parent);
    if (!at) return undefined;
    let v = fieldView(at.schema, doc);
    for (let i = 0; v.items && i < 5; i++) v = fieldView(v.items, doc);
    const present = new Set(c.present);
    const items = Object.keys(v.properties).sort()
      .filter((name) => !present.has(name) && name.startsWith(c.prefix))
      .map((name): CompletionItem => {
        const f = v.properties[name];
        return { label: name, kind: 'field', detail: typeGuess(f, doc), info: descriptionOf(f, doc).trim(), apply: `${name}: `, required: v.required.includes(name) };
      })
      .sort((a, b) => Number(!!b.required) - Number(!!a.required));
    return { from: c.from, items };
  }
  const at = schemaAtKeys(doc, root, [...c.parent, c.key]);
  if (!at) return undefined;
  const v = fieldView(at.schema, doc);
  const values = v.enum ?? (v.types?.size === 1 && v.types.has('boolean') ? [true, false] : []);
  const items = values.map(String).filter((x) => x.startsWith(c.prefix))
    .map((x): CompletionItem => ({ label: x, kind: 'value', detail: c.key, apply: x === '' ? '""' : x }));
  return { from: c.from, items };
}
