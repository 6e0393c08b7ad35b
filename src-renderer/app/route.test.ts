import { describe, expect, it } from 'vitest';
import { defaultRoute, formatRoute, parseRoute } from './route';

const kube = { currentContext: 'prod', lastContext: 'staging', contexts: [{ name: 'prod' }, { name: 'staging' }] };

describe('route', () => {
  it('round-trips a resource route with its namespace', () => {
    const hash = formatRoute({ context: 'a/b', view: 'r', resource: { group: '', version: 'v1', resource: 'pods' }, params: { ns: 'demo' } });
    const r = parseRoute(hash);
    expect(r).toMatchObject({ context: 'a/b', view: 'r', resource: { group: '', version: 'v1', resource: 'pods' } });
    expect(r.params.get('ns')).toBe('demo');
  });

  it('goes to the last context used, else the current one, else the first, when the location names none', () => {
    expect(defaultRoute('', kube)).toBe('#/c/staging/overview');
    expect(defaultRoute('#/', { ...kube, lastContext: undefined })).toBe('#/c/prod/overview');
    expect(defaultRoute('', { contexts: [{ name: 'only' }] })).toBe('#/c/only/overview');
    expect(defaultRoute('', { contexts: [] })).toBeUndefined();
  });

  it('never overrides a location that already names a context (a deep link, or a hash set since the last render)', () => {
    expect(defaultRoute('#/c/prod/overview?ns=demo', kube)).toBeUndefined();
    expect(defaultRoute('#/c/x/r/apps/v1/deployments', kube)).toBeUndefined();
    expect(defaultRoute('#/dev/topology', kube)).toBeUndefined();
  });
});
