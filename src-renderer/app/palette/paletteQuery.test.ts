import { describe, expect, it } from 'vitest';
import { parsePaletteQuery } from './paletteQuery';
import { kindAliases } from './kindAliases';

const aliases = kindAliases([
  { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, verbs: [], shortNames: ['deploy'] },
  { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true, verbs: [], shortNames: ['po'] },
]);

describe('parsePaletteQuery', () => {
  it('kind alias then a name fragment', () => {
    const q = parsePaletteQuery('deploy web', aliases);
    expect(q).toMatchObject({ mode: 'search', fragment: 'web' });
    expect(q.mode === 'search' && q.kinds?.map((k) => k.resource)).toEqual(['deployments']);
  });
  it('ns/name, -n, and a plain fragment', () => {
    expect(parsePaletteQuery('demo/Web', aliases)).toMatchObject({ namespace: 'demo', fragment: 'web' });
    expect(parsePaletteQuery('po -n demo api', aliases)).toMatchObject({ namespace: 'demo', fragment: 'api' });
    expect(parsePaletteQuery('api', aliases)).toEqual({ mode: 'search', fragment: 'api' });
  });
  it('label requirements, and a readable error for a bad one', () => {
    const q = parsePaletteQuery('po app=web !canary', aliases);
    expect(q).toMatchObject({ fragment: '', selectorText: 'app=web,!canary' });
    expect(q.mode === 'search' && q.selector).toEqual([{ key: 'app', op: 'in', values: ['web'] }, { key: 'canary', op: '!exists' }]);
  });
  it('commands', () => {
    expect(parsePaletteQuery(':ns demo', aliases)).toEqual({ mode: 'command', command: 'ns', arg: 'demo' });
    const q = parsePaletteQuery(':deploy -n shop', aliases);
    expect(q).toMatchObject({ mode: 'command', command: 'deploy', namespace: 'shop' });
    expect(q.mode === 'command' && q.kinds?.[0].resource).toBe('deployments');
  });
});
