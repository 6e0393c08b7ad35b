import { describe, expect, it } from 'vitest';
import { HttpListWatch } from './listWatch';
import type { KubeHttp } from '../cluster/kubeHttp';

/** A KubeHttp double: raw() answers with `body` and records what it was asked. */
function fakeHttp(body: string) {
  const calls: { path: string; opts: any }[] = [];
  const http = { raw: async (_m: string, path: string, opts: any) => { calls.push({ path, opts }); return { text: async () => body }; } } as unknown as KubeHttp;
  return { http, calls };
}

const signal = new AbortController().signal;

describe('HttpListWatch.list', () => {
  it('objects: items get the list kind, and the page its resourceVersion and continue token', async () => {
    const body = JSON.stringify({
      kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '12', continue: 'next' },
      items: [{ metadata: { name: 'a', uid: '1' } }, { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'b', uid: '2' } }],
    });
    const { http, calls } = fakeHttp(body);
    const page = await new HttpListWatch(http, { group: '', version: 'v1', resource: 'pods' }, 'ns', 'object').list({ limit: 500, continue: 'c0' }, signal);
    expect(calls[0].path).toBe('/api/v1/namespaces/ns/pods');
    expect(calls[0].opts.query).toEqual({ limit: 500, continue: 'c0' });
    expect(page.resourceVersion).toBe('12');
    expect(page.continue).toBe('next');
    expect([...page.items]).toEqual([
      { metadata: { name: 'a', uid: '1' }, kind: 'Pod', apiVersion: 'v1' },
      { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'b', uid: '2' } },
    ]);
  });

  it('tables: rows become objects with cells, columns come from the header', async () => {
    const body = JSON.stringify({
      kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '5' },
      columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', priority: 0, description: 'd' }, { name: 'Age', type: 'string', priority: 0 }],
      rows: [{ cells: ['a', '1m'], object: { kind: 'PartialObjectMetadata', metadata: { name: 'a', uid: '1' } } }],
    });
    const { http, calls } = fakeHttp(body);
    const page = await new HttpListWatch(http, { group: 'apps', version: 'v1', resource: 'deployments' }, undefined, 'table').list({ limit: 500 }, signal);
    expect(calls[0].opts.accept).toContain('as=Table');
    expect(page.continue).toBeUndefined();
    expect(page.columns?.map((c) => c.name)).toEqual(['Name', 'Age']);
    expect([...page.items]).toEqual([{ kind: 'PartialObjectMetadata', metadata: { name: 'a', uid: '1' }, cells: ['a', '1m'] }]);
  });

  it('an empty body is an empty page; invalid JSON throws', async () => {
    const empty = await new HttpListWatch(fakeHttp('').http, { group: '', version: 'v1', resource: 'pods' }, undefined, 'object').list({ limit: 500 }, signal);
    expect([...empty.items]).toEqual([]);
    await expect(new HttpListWatch(fakeHttp('{"items":[').http, { group: '', version: 'v1', resource: 'pods' }, undefined, 'object').list({ limit: 500 }, signal)).rejects.toThrow(SyntaxError);
  });
});
