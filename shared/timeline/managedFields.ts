// Who owns a field, from an object's metadata.managedFields (server-side field tracking). Each entry
// names a manager (`kubectl-set`, `wheelhouse`, `kube-controller-manager`), its operation (Apply or
// Update), an optional subresource (`scale`, `status`), the time of its last change and, in fieldsV1,
// a tree of the fields it owns: `{"f:spec":{"f:replicas":{}}}`, list items keyed as `k:{"name":"web"}`.

export interface FieldOwner {
  manager: string;
  operation?: string;
  subresource?: string;
  time?: string;
}

/** One step of a fieldsV1 path: a field name, or a list item picked by its `name` key. */
export type FieldStep = string | { name: string };

/** The fieldsV1 node at `steps`, or undefined when the manager does not own that path. */
export function fieldsNode(fieldsV1: unknown, steps: FieldStep[]): unknown {
  let node: unknown = fieldsV1;
  for (const step of steps) {
    if (!node || typeof node !== 'object') return undefined;
    const map = node as Record<string, unknown>;
    if (typeof step === 'string') {
      node = map[`f:${step}`];
    } else {
      const key = Object.keys(map).find((k) => k.startsWith('k:') && itemName(k) === step.name);
      node = key === undefined ? undefined : map[key];
    }
  }
  return node;
}

function itemName(key: string): string | undefined {
  try {
    const v = JSON.parse(key.slice(2));
    return v && typeof v === 'object' && typeof v.name === 'string' ? v.name : undefined;
  } catch {
    return undefined;
  }
}

/** The managedFields entries (as owners) that own the field at `steps`; newest first. */
export function ownersOf(managedFields: unknown, steps: FieldStep[]): FieldOwner[] {
  if (!Array.isArray(managedFields)) return [];
  const out: FieldOwner[] = [];
  for (const m of managedFields) {
    if (!m || typeof m !== 'object' || typeof m.manager !== 'string') continue;
    if (fieldsNode(m.fieldsV1, steps) === undefined) continue;
    out.push(ownerOf(m));
  }
  return newestFirst(out);
}

/** Every manager entry as an owner, newest first (for changes no one owns any more). */
export function allOwners(managedFields: unknown): FieldOwner[] {
  if (!Array.isArray(managedFields)) return [];
  return newestFirst(managedFields.filter((m) => m && typeof m === 'object' && typeof m.manager === 'string').map(ownerOf));
}

/**
 * The entries that one write created or touched: present in `after` but not `before` (matched by
 * manager, operation and subresource), re-timed, or owning a field they did not own before. A manager
 * that only lost fields to the writer keeps its time and is not one. Newest first. Empty when the
 * write left no trace (the same manager writing again within the same second, or a /scale entry,
 * which the API server stores without a time).
 */
export function writersOf(before: unknown, after: unknown): FieldOwner[] {
  if (!Array.isArray(after)) return [];
  const previous = Array.isArray(before) ? before.filter(isEntry) : [];
  const out: FieldOwner[] = [];
  for (const m of after.filter(isEntry)) {
    const b = previous.find((x) => entryKey(x) === entryKey(m));
    if (!b || b.time !== m.time || gainsFields(b.fieldsV1, m.fieldsV1)) out.push(ownerOf(m));
  }
  return newestFirst(out);
}

/** One entry's identity in managedFields: the API server keeps one per manager, operation and subresource. */
export function ownerKey(o: FieldOwner): string {
  return `${o.manager}\u0000${o.operation ?? ''}\u0000${o.subresource ?? ''}`;
}

const isEntry = (m: any): boolean => !!m && typeof m === 'object' && typeof m.manager === 'string';
const entryKey = (m: any): string => ownerKey(ownerOf(m));

/** Whether the fieldsV1 tree `after` holds a path `before` does not. */
function gainsFields(before: unknown, after: unknown): boolean {
  if (!after || typeof after !== 'object') return false;
  const b = before && typeof before === 'object' ? before as Record<string, unknown> : {};
  return Object.entries(after as Record<string, unknown>).some(([k, v]) => !(k in b) || gainsFields(b[k], v));
}

function ownerOf(m: any): FieldOwner {
  const o: FieldOwner = { manager: m.manager };
  if (typeof m.operation === 'string') o.operation = m.operation;
  if (typeof m.subresource === 'string' && m.subresource) o.subresource = m.subresource;
  if (typeof m.time === 'string') o.time = m.time;
  return o;
}

function newestFirst(owners: FieldOwner[]): FieldOwner[] {
  // Stable: entries without a time keep their order after the timed ones.
  return owners.map((o, i) => ({ o, i })).sort((a, b) => {
    const ta = a.o.time ? Date.parse(a.o.time) : -Infinity;
    const tb = b.o.time ? Date.parse(b.o.time) : -Infinity;
    return tb - ta || a.i - b.i;
  }).map((x) => x.o);
}
