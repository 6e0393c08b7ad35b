// The patch `kubectl edit` sends: a two-way diff from the object as shown to the object as edited,
// so only the fields the user changed are written (and change owner). Built-in kinds get a strategic
// merge patch (apimachinery's strategicpatch.CreateTwoWayMergePatch): lists with a merge key are
// patched item by item (`$patch: delete` for removed items, `$setElementOrder/<field>` for the order),
// merge lists of scalars use `$deleteFromPrimitiveList/<field>`, maps with the retainKeys strategy get
// `$retainKeys`; every other list is replaced whole. Custom resources get an RFC 7386 JSON merge patch
// (lists replaced whole, removed keys null). Pure; the core supplies the patch metadata per field path.

/** Patch metadata of one field, from the schema: x-kubernetes-patch-merge-key / x-kubernetes-patch-strategy. */
export interface PatchMeta { mergeKey?: string; strategies: string[] }

/** The metadata of the field at `path` (field names from the object's root; list items add no step). */
export type PatchMetaLookup = (path: string[]) => PatchMeta;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonMap = { [k: string]: Json };

const NO_META: PatchMeta = { strategies: [] };
export const jsonMergeMeta: PatchMetaLookup = () => NO_META;

const isMap = (v: unknown): v is JsonMap => !!v && typeof v === 'object' && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a)) {
    if (!isMap(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** RFC 7386 JSON merge patch from `original` to `modified` (custom resources). */
export function jsonMergePatch(original: JsonMap, modified: JsonMap): JsonMap {
  return diffMaps(original, modified, [], jsonMergeMeta, false);
}

/** Strategic merge patch from `original` to `modified`, as CreateTwoWayMergePatch builds it. */
export function strategicMergePatch(original: JsonMap, modified: JsonMap, meta: PatchMetaLookup): JsonMap {
  return diffMaps(original, modified, [], meta, true);
}

function diffMaps(original: JsonMap, modified: JsonMap, path: string[], meta: PatchMetaLookup, strategic: boolean): JsonMap {
  const patch: JsonMap = {};
  for (const [key, m] of Object.entries(modified)) {
    const o = original[key];
    if (!(key in original)) { patch[key] = m; continue; }
    if (deepEqual(o, m)) continue;
    const fieldPath = [...path, key];
    if (isMap(o) && isMap(m)) {
      const sub = diffMaps(o, m, fieldPath, meta, strategic);
      if (Object.keys(sub).length === 0) continue;
      if (strategic && meta(fieldPath).strategies.includes('retainKeys')) sub.$retainKeys = Object.keys(m).sort();
      patch[key] = sub;
    } else if (strategic && Array.isArray(o) && Array.isArray(m)) {
      diffList(patch, key, o, m, fieldPath, meta);
    } else {
      patch[key] = m;
    }
  }
  for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  return patch;
}

/** One list field of a strategic merge patch, written into `patch` (the list and its directives). */
function diffList(patch: JsonMap, key: string, o: Json[], m: Json[], path: string[], meta: PatchMetaLookup): void {
  const { mergeKey, strategies } = meta(path);
  if (!strategies.includes('merge')) { patch[key] = m; return; }
  const scalars = [...o, ...m].every((x) => !isMap(x) && !Array.isArray(x));
  if (scalars) {
    const added = m.filter((x) => !o.some((y) => y === x));
    const removed = o.filter((x) => !m.some((y) => y === x));
    if (added.length) patch[key] = added;
    if (removed.length) patch[`$deleteFromPrimitiveList/${key}`] = removed;
    patch[`$setElementOrder/${key}`] = m;
    return;
  }
  const keyed = (xs: Json[]) => !!mergeKey && xs.every((x) => isMap(x) && x[mergeKey] !== undefined);
  if (!mergeKey || !keyed(o) || !keyed(m)) { patch[key] = m; return; }
  const keyOf = (x: Json) => JSON.stringify((x as JsonMap)[mergeKey]);
  const before = new Map(o.map((x) => [keyOf(x), x as JsonMap]));
  const after = new Set(m.map(keyOf));
  const items: Json[] = [];
  for (const x of m as JsonMap[]) {
    const prev = before.get(keyOf(x));
    if (!prev) { items.push(x); continue; }
    const sub = diffMaps(prev, x, path, meta, true);
    if (Object.keys(sub).length) items.push({ [mergeKey]: x[mergeKey], ...sub });
  }
  for (const x of o as JsonMap[]) if (!after.has(keyOf(x))) items.push({ [mergeKey]: x[mergeKey], $patch: 'delete' });
  if (items.length) patch[key] = items;
  patch[`$setElementOrder/${key}`] = (m as JsonMap[]).map((x) => ({ [mergeKey]: x[mergeKey] }));
}
