// Which fields a forced server-side apply takes from other field managers: the managedFields before
// (the live object) against the managedFields of the forced dry run's answer. A field moves when the
// applying manager owns it afterwards and other managers owned it before but no longer do.

export interface OwnershipMove { field: string; from: string[] }

interface ManagedEntry { manager?: string; operation?: string; subresource?: string; fieldsV1?: unknown }

/** The leaf paths of a fieldsV1 tree, as ".spec.replicas" or ".spec.template.spec.containers[name=\"web\"].image". */
export function fieldPaths(fieldsV1: unknown, prefix = ''): string[] {
  if (!fieldsV1 || typeof fieldsV1 !== 'object') return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(fieldsV1 as Record<string, unknown>)) {
    if (k === '.') continue;
    let step: string;
    if (k.startsWith('f:')) step = `.${k.slice(2)}`;
    else if (k.startsWith('k:')) {
      try {
        const key = JSON.parse(k.slice(2)) as Record<string, unknown>;
        step = `[${Object.entries(key).map(([a, b]) => `${a}=${JSON.stringify(b)}`).join(',')}]`;
      } catch { step = `[${k.slice(2)}]`; }
    } else if (k.startsWith('v:')) step = `[${k.slice(2)}]`;
    else if (k.startsWith('i:')) step = `[${k.slice(2)}]`;
    else continue;
    const path = prefix + step;
    const children = v && typeof v === 'object' ? Object.keys(v as object).filter((c) => c !== '.') : [];
    if (children.length === 0) out.push(path);
    else out.push(...fieldPaths(v, path));
  }
  return out;
}

const entryName = (e: ManagedEntry) => `${e.manager ?? '?'}${e.operation === 'Update' ? ' (update)' : ''}${e.subresource ? ` /${e.subresource}` : ''}`;

/** The fields `manager`'s Apply takes from others, each with the managers it takes them from. */
export function ownershipMoves(before: unknown, after: unknown, manager: string): OwnershipMove[] {
  const list = (mf: unknown) => (Array.isArray(mf) ? mf as ManagedEntry[] : []);
  const isMine = (e: ManagedEntry) => e.manager === manager && e.operation === 'Apply' && !e.subresource;
  const ownersBefore = new Map<string, Set<string>>();
  for (const e of list(before)) {
    if (isMine(e)) continue;
    for (const f of fieldPaths(e.fieldsV1)) {
      if (!ownersBefore.has(f)) ownersBefore.set(f, new Set());
      ownersBefore.get(f)!.add(entryName(e));
    }
  }
  const ownersAfter = new Map<string, Set<string>>();
  for (const e of list(after)) {
    if (isMine(e)) continue;
    for (const f of fieldPaths(e.fieldsV1)) {
      if (!ownersAfter.has(f)) ownersAfter.set(f, new Set());
      ownersAfter.get(f)!.add(entryName(e));
    }
  }
  const mineAfter = new Set(list(after).filter(isMine).flatMap((e) => fieldPaths(e.fieldsV1)));
  const moves: OwnershipMove[] = [];
  for (const f of mineAfter) {
    const lost = [...(ownersBefore.get(f) ?? [])].filter((m) => !ownersAfter.get(f)?.has(m));
    if (lost.length) moves.push({ field: f, from: lost.sort() });
  }
  return moves.sort((a, b) => a.field.localeCompare(b.field));
}
