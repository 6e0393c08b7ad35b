/** Every write the app makes is attributed to this field manager (visible in managedFields). */
export const FIELD_MANAGER = 'wheelhouse';

/** The query of a write: our field manager, and `dryRun=All` for a server-side dry run. */
export function writeQuery(dryRun = false, extra: Record<string, string | boolean | undefined> = {}): Record<string, string | boolean | undefined> {
  return { fieldManager: FIELD_MANAGER, ...(dryRun ? { dryRun: 'All' } : {}), ...extra };
}

export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const JSON_PATCH = 'application/json-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';
