import { describe, expect, it } from 'vitest';
import { PaletteIndex, matchTier } from './paletteIndex';

const pods = { group: '', version: 'v1', resource: 'pods', kind: 'Pod' };
const deploys = { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment' };

describe('matchTier', () => {
  it('exact > prefix > substring > fuzzy > none', () => {
    expect(matchTier('web', 'web')).toBe(0);
    expect(matchTier('web-1', 'web')).toBe(1);
    expect(matchTier('my-web', 'web')).toBe(2);
    expect(matchTier('w-e-b', 'web')).toBe(3);
    expect(matchTier('api', 'web')).toBe(-1);
  });
});

describe('PaletteIndex', () => {
  const index = () => {
    const i = new PaletteIndex();
    i.replace(pods, [
      { uid: 'p1', name: 'web-7d9-abc', namespace: 'demo', labels: { app: 'web' } },
      { uid: 'p2', name: 'api-1', namespace: 'demo', labels: { app: 'api' } },
      { uid: 'p3', name: 'web', namespace: 'other' },
    ]);
    i.replace(deploys, [{ uid: 'd1', name: 'web', namespace: 'demo', labels: { app: 'web' } }, { uid: 'd2', name: 'my-web-ui', namespace: 'demo' }]);
    return i;
  };
  it('ranks exact, prefix, substring; kinds and namespace filter', () => {
    const i = index();
    expect(i.search({ fragment: 'web' }).map((h) => `${h.kind}/${h.name}`)).toEqual(['Deployment/web', 'Pod/web', 'Pod/web-7d9-abc', 'Deployment/my-web-ui']);
    expect(i.search({ fragment: 'web', kinds: ['apps/deployments'] }).map((h) => h.name)).toEqual(['web', 'my-web-ui']);
    expect(i.search({ fragment: 'web', namespace: 'other' }).map((h) => h.uid)).toEqual(['p3']);
  });
  it('recent first within a tier; label selectors', () => {
    const i = index();
    expect(i.search({ fragment: 'web', recent: ['/pods/p3'] })[0].uid).toBe('p3');
    expect(i.search({ fragment: 'web', preferNamespace: 'other' }).map((h) => h.uid).slice(0, 2)).toEqual(['p3', 'd1']);
    expect(i.search({ fragment: '', selector: [{ key: 'app', op: 'in', values: ['web'] }] }).map((h) => h.uid).sort()).toEqual(['d1', 'p1']);
  });
  it('applies upserts and deletes incrementally; a snapshot replaces one kind only', () => {
    const i = index();
    i.apply(pods, [{ uid: 'p4', name: 'web-new', namespace: 'demo' }], ['p1']);
    expect(i.search({ fragment: 'web-', kinds: ['/pods'] }).map((h) => h.uid)).toEqual(['p4']);
    i.replace(pods, []);
    expect(i.size).toBe(2);
  });
  it('limits results', () => {
    const i = new PaletteIndex();
    i.replace(pods, Array.from({ length: 200 }, (_, n) => ({ uid: `u${n}`, name: `pod-${n}`, namespace: 'x' })));
    expect(i.search({ fragment: 'pod' }).length).toBe(50);
  });
});

describe('PaletteIndex across clusters', () => {
  it('the same object name in two clusters is two hits, each with its cluster and its own uid', () => {
    const i = new PaletteIndex();
    i.replace(deploys, [
      { uid: 'a\u001fu1', name: 'twin', namespace: 'demo', cluster: 'a', objectUid: 'u1' },
      { uid: 'b\u001fu1', name: 'twin', namespace: 'demo', cluster: 'b', objectUid: 'u1' },
    ]);
    const hits = i.search({ fragment: 'twin', recent: [], limit: 10 });
    expect(hits.map((h) => [h.cluster, h.objectUid, h.uid])).toEqual([['a', 'u1', 'a\u001fu1'], ['b', 'u1', 'b\u001fu1']]);
    expect(new Set(hits.map((h) => h.key)).size).toBe(2);
  });
});
