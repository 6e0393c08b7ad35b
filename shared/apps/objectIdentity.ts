/** The group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** `Kind.group`, or the bare Kind for the core group: the form ApplySet annotations and kubectl use. */
export function groupKind(kind: string, group: string): string {
  return group ? `${kind}.${group}` : kind;
}

/** The identity of an object across versions: group, kind, namespace (empty when cluster-scoped), name. */
export function objectKey(o: { group: string; kind: string; namespace?: string; name: string }): string {
  return `${groupKind(o.kind, o.group)}/${o.namespace ?? ''}/${o.name}`;
}
