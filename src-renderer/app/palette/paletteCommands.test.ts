import { describe, expect, it } from 'vitest';
import { commandItems, type CommandEnv } from './paletteCommands';
import { parsePaletteQuery } from './paletteQuery';
import { kindAliases } from './kindAliases';

const aliases = kindAliases([{ group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, verbs: [], shortNames: ['deploy'] }]);
const env = { contexts: ['prod', 'wheelhouse-admin'], namespaces: ['default', 'demo', 'kube-system'], all: true };
const items = (text: string, e: CommandEnv = env) => {
  const q = parsePaletteQuery(text, aliases);
  if (q.mode !== 'command') throw new Error('not a command');
  return commandItems(q, e);
};

describe('commandItems', () => {
  it(':ns lists matching namespaces (exact first), All where allowed, and a typed name', () => {
    expect(items(':ns dem').map((i) => i.label)).toEqual(['demo', 'dem']);
    expect(items(':ns demo')[0]).toMatchObject({ go: { to: 'namespace', namespace: 'demo' } });
    expect(items(':ns').map((i) => i.label)[0]).toBe('All namespaces');
    expect(items(':ns', { ...env, all: false }).map((i) => i.label)).not.toContain('All namespaces');
    expect(items(':ns Bad_Name').at(-1)?.go).toBeUndefined();
  });
  it(':ns offers favourites first (after an exact match), marked, even ones the list lacks', () => {
    const fav = { ...env, favourites: ['kube-system', 'team-x'] };
    expect(items(':ns', fav).map((i) => i.label)).toEqual(['All namespaces', 'kube-system', 'team-x', 'default', 'demo']);
    expect(items(':ns', fav)[1]).toMatchObject({ detail: '★ favourite namespace', go: { to: 'namespace', namespace: 'kube-system' } });
    expect(items(':ns de', fav).map((i) => i.label)).toEqual(['default', 'demo', 'de']);
    expect(items(':ns e', fav).map((i) => i.label)).toEqual(['kube-system', 'team-x', 'default', 'demo', 'e']);
    expect(items(':ns de', { ...env, favourites: ['demo'] }).map((i) => i.label)).toEqual(['demo', 'default', 'de']);
    expect(items(':ns demo', { ...env, favourites: ['demo-old'] }).map((i) => i.label)).toEqual(['demo', 'demo-old']);
    expect(items(':ns team-x', fav).map((i) => i.id)).toEqual(['ns:team-x']);
  });
  it(':ctx, :top, a kind alias with -n, and an unknown command', () => {
    expect(items(':ctx whe').map((i) => i.go)).toEqual([{ to: 'context', context: 'wheelhouse-admin' }]);
    expect(items(':top')[0].go).toEqual({ to: 'topology' });
    expect(items(':deploy -n shop')[0].go).toMatchObject({ to: 'kind', namespace: 'shop', kind: { resource: 'deployments' } });
    expect(items(':nope')[0].go).toBeUndefined();
  });
  it(':access (or :rbac) goes to the Access room', () => {
    expect(items(':access')[0].go).toEqual({ to: 'access' });
    expect(items(':rbac')[0].go).toEqual({ to: 'access' });
  });
});

describe(':new', () => {
  it('offers every create form, narrowed by what is typed', () => {
    const env = { contexts: [], namespaces: [], all: true };
    expect(commandItems({ mode: 'command', command: 'new', arg: '' }, env).map((i) => i.id)).toContain('new:deployment');
    expect(commandItems({ mode: 'command', command: 'new', arg: 'role' }, env).map((i) => i.go)).toEqual([{ to: 'create', form: 'role' }, { to: 'create', form: 'rolebinding' }]);
  });
});
