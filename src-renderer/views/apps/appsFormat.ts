import type { AppSummary } from '../../../shared/contract/apps';

/** "3 in sync · 1 differing · 0 missing · 2 extra" in the list's order. */
export function countsText(c: AppSummary['counts']): string {
  const parts = [`${c.synced} in sync`, `${c.outOfSync} differing`, `${c.missing} missing`, `${c.extra} extra`];
  if (c.errors) parts.push(`${c.errors} errors`);
  return parts.join(' · ');
}

export function revisionText(r: AppSummary['revision']): string {
  if (!r) return 'not a git work tree';
  return `${r.sha}${r.dirty ? ' (dirty)' : ''}`;
}

export function lastSyncText(s: AppSummary['app']['lastSync'], now = Date.now()): string {
  if (!s) return 'never';
  const mins = Math.round((now - Date.parse(s.at)) / 60_000);
  const ago = mins < 1 ? 'just now' : mins < 60 ? `${mins} min ago` : `${Math.round(mins / 60)} h ago`;
  return `${ago} by ${s.by}: ${s.outcome}`;
}
