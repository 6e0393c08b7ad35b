import type { ApiResourceInfo } from '../../../shared/contract/clusters';

/**
 * Which of `kinds` to watch: every built-in kind, and an optional (CRD) kind only when discovery lists
 * its group/version/resource with list and watch. Before discovery answers, optional kinds wait.
 */
export function servedKinds(
  kinds: readonly { kind: string; group: string; version: string; resource: string; optional?: true }[],
  discovery: readonly ApiResourceInfo[] | undefined,
): Set<string> {
  const listed = new Set((discovery ?? [])
    .filter((r) => r.verbs.includes('list') && r.verbs.includes('watch'))
    .map((r) => `${r.group}/${r.version}/${r.resource}`));
  return new Set(kinds.filter((k) => !k.optional || listed.has(`${k.group}/${k.version}/${k.resource}`)).map((k) => k.kind));
}
