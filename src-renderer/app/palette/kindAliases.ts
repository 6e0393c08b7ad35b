// The names kubectl accepts for a kind, from API discovery (as kubectl builds its RESTMapper): the
// plural resource, the singular (the kind in lower case), the short names the server reports (po,
// deploy, svc… for built-ins; a CRD's own) and its categories (`all`, a CRD's). Pure.
import type { ApiResourceInfo } from '../../../shared/contract/clusters';

export interface KindRef { group: string; version: string; resource: string; kind: string; namespaced: boolean }

/** alias → the kinds it names (a category names several). */
export type AliasMap = ReadonlyMap<string, readonly KindRef[]>;

const refOf = (r: ApiResourceInfo): KindRef => ({ group: r.group, version: r.version, resource: r.resource, kind: r.kind, namespaced: r.namespaced });

export function kindAliases(discovery: readonly ApiResourceInfo[]): AliasMap {
  const out = new Map<string, KindRef[]>();
  const add = (alias: string, ref: KindRef) => {
    const a = alias.toLowerCase();
    const list = out.get(a) ?? [];
    if (!list.some((k) => k.group === ref.group && k.resource === ref.resource)) list.push(ref);
    out.set(a, list);
  };
  // Subresources (pods/log) are not kinds one can look for.
  const kinds = discovery.filter((r) => !r.resource.includes('/'));
  // Names first, so a category never shadows a kind's own name.
  for (const r of kinds) {
    const ref = refOf(r);
    add(r.resource, ref);
    add(r.kind, ref);
    for (const s of r.shortNames ?? []) add(s, ref);
    if (r.group) add(`${r.resource}.${r.group}`, ref);
  }
  const names = new Set(out.keys());
  for (const r of kinds) for (const c of r.categories ?? []) if (!names.has(c.toLowerCase())) add(c, refOf(r));
  // Where the same plural is served by two groups (events, events.events.k8s.io), the core group's comes first, as kubectl prefers it.
  for (const list of out.values()) list.sort((a, b) => (a.group === '' ? -1 : 0) - (b.group === '' ? -1 : 0));
  return out;
}
