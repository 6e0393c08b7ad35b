import { describe, expect, it } from 'vitest';
import { chartLabel, goTimeString, historyRow, latestRevisions, listRow, type HelmRelease } from './release';

const rel = (over: Partial<HelmRelease> = {}): HelmRelease => ({
  name: 'hello', namespace: 'demo', version: 2,
  info: { status: 'deployed', last_deployed: '2026-12-07T17:58:00.1234Z', first_deployed: '2026-12-07T17:50:00Z', description: 'Upgrade complete' },
  chart: { metadata: { name: 'hello', version: '0.1.0', appVersion: '1.0.0' } },
  ...over,
});

describe('release rows as helm prints them', () => {
  it('formats UPDATED like Go time.String()', () => {
    expect(goTimeString('2026-12-07T17:58:00.1234Z')).toBe('2026-12-07 17:58:00.1234 +0000 UTC');
    expect(goTimeString('2026-12-07T17:58:00Z')).toBe('2026-12-07 17:58:00 +0000 UTC');
    expect(goTimeString('2026-12-07T17:58:00.5+01:00')).toBe('2026-12-07 17:58:00.5 +0100 +0100');
  });
  it('builds helm list and helm history rows; a lost chart shows MISSING', () => {
    expect(listRow(rel())).toEqual({ name: 'hello', namespace: 'demo', revision: '2', updated: '2026-12-07 17:58:00.1234 +0000 UTC', status: 'deployed', chart: 'hello-0.1.0', app_version: '1.0.0' });
    expect(historyRow(rel({ info: { status: 'superseded', description: 'Rollback to 1', rollback_revision: 1 } }))).toEqual({
      revision: 2, status: 'superseded', chart: 'hello-0.1.0', app_version: '1.0.0', description: 'Rollback to 1', rollback_revision: 1,
    });
    expect(chartLabel(rel({ chart: null }))).toBe('MISSING');
  });
  it('keeps the latest revision of each release', () => {
    const latest = latestRevisions([{ name: 'a', namespace: 'x', version: 1 }, { name: 'a', namespace: 'x', version: 3 }, { name: 'a', namespace: 'y', version: 2 }]);
    expect(latest.map((r) => `${r.namespace}/${r.version}`).sort()).toEqual(['x/3', 'y/2']);
  });
});
