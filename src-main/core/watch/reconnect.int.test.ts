import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeResources } from './resourceSubscription';
import { LiveList, type LiveListState } from '../../../shared/model/liveList';
import { ADMIN, eventually, newCore, kubeconfigViaPort, randomName, readKubeconfig, testKubeconfig } from '../../testing/testCluster';
import { TcpProxy } from '../../testing/tcpProxy';
import type { Core } from '../core';
import type { WatchEvent } from '../../../shared/contract/resources';
import { startCluster } from '../../../test-cluster/cluster-lib.mjs';

function follow(core: Core, ns: string, context = ADMIN) {
  const list = new LiveList<any>();
  let state: LiveListState<any> = list.state;
  const freshness: string[] = [];
  const off = subscribeResources(core.hub, { context, group: '', version: 'v1', resource: 'configmaps', namespace: ns, projection: 'topology' },
    (e: WatchEvent) => { state = list.apply(e); if (e.type === 'freshness' || e.type === 'snapshot') freshness.push(e.freshness.state); });
  return { get state() { return state; }, freshness, off };
}

async function converged(reader: Core, s: { state: LiveListState<any> }, ns: string, context = ADMIN) {
  const list = await reader.connection(context).http.request('GET', `/api/v1/namespaces/${ns}/configmaps`);
  const truth = new Map<string, string>(list.items.map((o: any) => [o.metadata.uid, o.metadata.resourceVersion]));
  const mine = new Map([...s.state.items.values()].map((o: any) => [o.uid, o.resourceVersion]));
  const stale = [...mine].filter(([uid, rv]) => truth.get(uid) !== rv).length;
  const missing = [...truth].filter(([uid]) => !mine.has(uid)).length;
  return { stale, missing, ok: stale === 0 && missing === 0 };
}

async function churn(http: any, ns: string, tag: string) {
  await http.request('POST', `/api/v1/namespaces/${ns}/configmaps`, { body: { metadata: { name: `new-${tag}` } } });
  await http.request('PATCH', `/api/v1/namespaces/${ns}/configmaps/keep`, { body: { data: { tag } }, contentType: 'application/merge-patch+json' });
  await http.request('DELETE', `/api/v1/namespaces/${ns}/configmaps/doomed-${tag}`);
}

async function seed(http: any, ns: string, tags: string[]) {
  await http.request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns } } });
  await http.request('POST', `/api/v1/namespaces/${ns}/configmaps`, { body: { metadata: { name: 'keep' } } });
  for (const t of tags) await http.request('POST', `/api/v1/namespaces/${ns}/configmaps`, { body: { metadata: { name: `doomed-${t}` } } });
}

describe('reconnect: the engine converges after a cut connection', () => {
  const ns = randomName('wh-cut');
  let proxy: TcpProxy;
  let core: Core;
  let direct: Core;

  beforeAll(async () => {
    direct = newCore();
    const server = new URL(readKubeconfig(testKubeconfig()).clusters[0].cluster.server);
    proxy = new TcpProxy(server.hostname, Number(server.port));
    const port = await proxy.start();
    core = newCore([kubeconfigViaPort(testKubeconfig(), port)]);
    await seed(direct.connection(ADMIN).http, ns, ['a']);
  });
  afterAll(async () => {
    await direct.connection(ADMIN).http.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => {});
    await core.dispose(); await direct.dispose(); await proxy.stop();
  });

  it('reports reconnecting while cut, then converges with 0 stale and 0 missing objects', async () => {
    const s = follow(core, ns);
    await eventually(() => s.state.synced && s.state.freshness?.state === 'live', 20_000, 'live');
    await proxy.cut();
    await churn(direct.connection(ADMIN).http, ns, 'a');
    await eventually(() => s.state.freshness?.state === 'reconnecting', 20_000, 'reconnecting state');
    expect(s.state.freshness?.since).toBeTruthy();
    await proxy.restore();
    const result = await eventually(async () => { const c = await converged(direct, s, ns); return c.ok && s.state.freshness?.state === 'live' ? c : undefined; }, 60_000, 'convergence');
    expect(result).toMatchObject({ stale: 0, missing: 0 });
    expect(s.freshness).toContain('reconnecting');
    s.off();
  });
});

describe('reconnect: the engine converges after the API server process is killed and restarted', () => {
  const ns = randomName('wh-restart');
  let cluster: any;
  let core: Core;
  let direct: Core;
  let ctx: string;

  beforeAll(async () => {
    // A cluster of our own on other ports (below the ephemeral range 32768+, where random listeners
    // could take them): this test kills its API server.
    cluster = await startCluster({ name: 'wh-restart-test', basePort: 28400, seed: false });
    core = newCore([cluster.kubeconfigPath]);
    direct = newCore([cluster.kubeconfigPath]);
    ctx = cluster.contexts.admin;
    await seed(direct.connection(ctx).http, ns, ['b', 'c']);
  }, 240_000);
  afterAll(async () => {
    await core?.dispose(); await direct?.dispose();
    await cluster?.stop();
  }, 60_000);

  it('reports reconnecting while the API server is down, then converges with 0 stale and 0 missing', async () => {
    const s = follow(core, ns, ctx);
    await eventually(() => s.state.synced && s.state.freshness?.state === 'live', 30_000, 'live');
    await churn(direct.connection(ctx).http, ns, 'b');
    await cluster.stopApiServer();
    await eventually(() => s.state.freshness?.state === 'reconnecting', 30_000, 'reconnecting state');
    await cluster.startApiServer();
    await churn(direct.connection(ctx).http, ns, 'c');
    const result = await eventually(async () => { const c = await converged(direct, s, ns, ctx); return c.ok && s.state.freshness?.state === 'live' ? c : undefined; }, 90_000, 'convergence after restart');
    expect(result).toMatchObject({ stale: 0, missing: 0 });
    s.off();
  });
});
