// A reflector holding a resourceVersion the API server has not reached yet (etcd restored from an
// older backup; a context now pointing at another cluster). Against kube-apiserver 1.35 such a watch
// answers 200 and then sends nothing, not even bookmarks, until its timeout; the reflector must
// notice and relist instead of re-watching from that resourceVersion forever.
import { describe, expect, it } from 'vitest';
import { HttpListWatch, type ListPage, type ListWatchSource } from './listWatch';
import { Reflector } from './reflector';
import { Store } from './store';
import { ADMIN, eventually, useTestNamespace } from '../../testing/testCluster';

/** The real list+watch, except that the first LIST reports a resourceVersion far ahead of the server's. */
function aheadOnFirstList(real: HttpListWatch): ListWatchSource & { watchedFrom: string[] } {
  let first = true;
  const watchedFrom: string[] = [];
  return {
    watchedFrom,
    async list(opts, signal): Promise<ListPage> {
      const page = await real.list(opts, signal);
      if (!first || page.continue) return page;
      first = false;
      return { ...page, resourceVersion: String(Number(page.resourceVersion) + 1_000_000) };
    },
    watch(opts, onEvent, signal, onOpen) {
      watchedFrom.push(opts.resourceVersion);
      return real.watch(opts, onEvent, signal, onOpen);
    },
  };
}

describe('a watch from a resourceVersion the server has not reached', () => {
  const t = useTestNamespace('wh-future-rv');

  it('is noticed (no event, no bookmark, no error) and answered with a relist that brings new objects', async () => {
    const http = t.core.connection(ADMIN).http;
    const source = aheadOnFirstList(new HttpListWatch(http, { group: '', version: 'v1', resource: 'configmaps' }, t.ns, 'object'));
    const store = new Store<{ name: string; resourceVersion?: string }>();
    // Short server-side watches so the test takes seconds; the threshold below them, as 90 s is below 300–600 s.
    const reflector = new Reflector(source, store, (r) => r.metadata?.uid, {
      transform: (r) => ({ name: String(r.metadata?.name), resourceVersion: r.metadata?.resourceVersion }),
      onChanges: () => {},
      watchTimeoutRange: [3, 4],
      silentWatchMs: 2500,
    });
    reflector.start();
    try {
      await eventually(() => source.watchedFrom.length >= 1, 20_000, 'first watch');
      const ahead = source.watchedFrom[0];
      await http.request('POST', `/api/v1/namespaces/${t.ns}/configmaps`, { body: { metadata: { name: 'after-the-jump' } } });
      await eventually(() => [...store.values()].some((o) => o.name === 'after-the-jump'), 30_000, 'the new configmap in the store');
      expect(reflector.stats.relists).toBeGreaterThanOrEqual(1);
      expect(Number(reflector.lastResourceVersion)).toBeLessThan(Number(ahead));
    } finally {
      await reflector.stop();
    }
  });
});
