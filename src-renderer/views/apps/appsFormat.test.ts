import { describe, expect, it } from 'vitest';
import { countsText, lastSyncText, revisionText } from './appsFormat';

describe('appsFormat', () => {
  it('formats counts, revision and last sync', () => {
    expect(countsText({ synced: 3, outOfSync: 1, missing: 0, extra: 2, errors: 0 })).toBe('3 in sync · 1 differing · 0 missing · 2 extra');
    expect(countsText({ synced: 0, outOfSync: 0, missing: 0, extra: 0, errors: 1 })).toMatch(/1 errors$/);
    expect(revisionText({ sha: 'abc1234', dirty: true })).toBe('abc1234 (dirty)');
    expect(revisionText(undefined)).toBe('not a git work tree');
    expect(lastSyncText({ at: new Date(1_000_000).toISOString(), by: 'Wheelhouse', outcome: 'ok', message: '' }, 1_000_000 + 5 * 60_000)).toBe('5 min ago by Wheelhouse: ok');
    expect(lastSyncText(undefined)).toBe('never');
  });
});
