// `kubectl api-resources -o wide` from discovery (the core's `cluster.discovery`, preferred version
// per group): NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND, VERBS (in discovery's order, comma
// separated, as kubectl prints them: it does not sort them), CATEGORIES.
export interface ApiResourceSource {
  group: string; version: string; resource: string; kind: string; namespaced: boolean; verbs: readonly string[];
  shortNames?: readonly string[]; categories?: readonly string[];
}

export interface ApiResourceRow { name: string; shortNames: string; apiVersion: string; namespaced: string; kind: string; verbs: string; categories: string }

export const API_RESOURCE_COLUMNS: readonly { key: keyof ApiResourceRow; header: string }[] = [
  { key: 'name', header: 'NAME' }, { key: 'shortNames', header: 'SHORTNAMES' }, { key: 'apiVersion', header: 'APIVERSION' },
  { key: 'namespaced', header: 'NAMESPACED' }, { key: 'kind', header: 'KIND' }, { key: 'verbs', header: 'VERBS' }, { key: 'categories', header: 'CATEGORIES' },
];

export function apiResourceRow(r: ApiResourceSource): ApiResourceRow {
  return {
    name: r.resource, shortNames: (r.shortNames ?? []).join(','), apiVersion: r.group ? `${r.group}/${r.version}` : r.version,
    namespaced: String(r.namespaced), kind: r.kind, verbs: r.verbs.join(','), categories: (r.categories ?? []).join(','),
  };
}

/** The rows whose any cell contains the filter text (case-insensitive). */
export function filterApiResources(rows: readonly ApiResourceRow[], filter: string): ApiResourceRow[] {
  const f = filter.trim().toLowerCase();
  return f ? rows.filter((r) => Object.values(r).some((v) => v.toLowerCase().includes(f))) : [...rows];
}
