// The connection under a context's watches dies without saying so (sleep, a network change, a NAT
// dropping the flow): here, the real API server behind a proxy that goes silent on the open
// connection while new ones work. The stream liveness probe must notice within readIdle + probeTimeout
// and give the connection up, so the reflector re-watches (from its resourceVersion, no relist) on a
// new one; a quiet but healthy connection must be left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeHttp } from './kubeHttp';
import { loadKubeconfig, resolveContext } from '../kubeconfig/kubeconfigLoader';
import { HttpListWatch } from '../watch/listWatch';
import { Reflector } from '../watch/reflector';
import { Store } from '../watch/store';
import { ADMIN, eventually, kubeconfigViaPort, newCore, randomName, readKubeconfig, testKubeconfig } from '../../testing/testCluster';
import { TcpProxy } from '../../testing/tcpProxy';
import type { StreamLivenessOptions } from './streamLiveness';
import type { Core } from '../core';

const READ_IDLE_MS = 2_000;
const PROBE_TIMEOUT_MS = 2_000;
/** Well past readIdle + probeTimeout + the reflector's first backoff (up to 1.6 s) + a re-watch. */
const WITHIN_MS = 20_000;

describe('stream liveness: a silently dead connection under the watches is given up', () => {
  const ns = randomName('wh-liveness');
  let proxy: TcpProxy;
  let direct: Core;
  let kubeconfig: string;
  const https: KubeHttp[] = [];
  const reflectors: Reflector<{ name: string; resourceVersion?: string }>[] = [];

  /** A configmap watch of `ns` through the proxy, on a KubeHttp of its own (so a connection of its own). */
  function watchThroughProxy(liveness: StreamLivenessOptions) {
    const http = new KubeHttp(resolveContext(loadKubeconfig([kubeconfig]), ADMIN), { liveness });
    const store = new Store<{ name: string; resourceVersion?: string }>();
    const troubles: string[] = [];
    const reflector = new Reflector(new HttpListWatch(http, { group: '', version: 'v1', resource: 'configmaps' }, ns, 'object'), store, (r) => r.metadata?.uid, {
      transform: (r) => ({ name: String(r.metadata?.name), resourceVersion: r.metadata?.resourceVersion }),
      onChanges: () => {},
      onState: (state, reason) => { if (state === 'backoff') troubles.push(String(reason)); },
    });
    https.push(http); reflectors.push(reflector);
    reflector.start();
    const has = (name: string) => [...store.values()].some((o) => o.name === name);
    return { http, reflector, has, troubles };
  }

  beforeAll(async () => {
    direct = newCore();
    await direct.connection(ADMIN).http.request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns } } });
    const server = new URL(readKubeconfig(testKubeconfig()).clusters[0].cluster.server);
    proxy = new TcpProxy(server.hostname, Number(server.port));
    kubeconfig = kubeconfigViaPort(testKubeconfig(), await proxy.start());
  });
  afterAll(async () => {
    for (const r of reflectors) await r.stop();
    for (const h of https) h.close();
    await direct.connection(ADMIN).http.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => {});
    await direct.dispose();
    await proxy.stop();
  });

  it('leaves a quiet, healthy watch alone: probes are answered, nothing is replaced or re-watched', async () => {
    const w = watchThroughProxy({ readIdleMs: READ_IDLE_MS, probeTimeoutMs: PROBE_TIMEOUT_MS });
    await eventually(() => w.reflector.state === 'watching', 20_000, 'watching');
    // The LIST's connection and the watch's.
    const connections = proxy.clients.size;
    // No configmap changes in the namespace: the watch carries nothing (bookmarks come about once a minute).
    await eventually(() => w.http.streamStats().probes >= 3, 20_000, 'three probes on the quiet connection');
    expect(w.http.streamStats()).toMatchObject({ open: 1, deadConnections: 0 });
    expect(w.reflector.stats).toMatchObject({ lists: 1, watches: 1, relists: 0 });
    expect(w.reflector.state).toBe('watching');
    expect(w.troubles).toEqual([]);
    // The probes rode the watch's connection instead of opening others.
    expect(proxy.clients.size).toBeLessThanOrEqual(connections);
    // And it is really live.
    await direct.connection(ADMIN).http.request('POST', `/api/v1/namespaces/${ns}/configmaps`, { body: { metadata: { name: 'while-healthy' } } });
    await eventually(() => w.has('while-healthy'), 10_000, 'the configmap made while healthy');
    await w.reflector.stop();
    w.http.close();
  }, 60_000);

  it('a watch on a connection that went silent sees a new object within readIdle + probeTimeout; without the probe it does not', async () => {
    const fast = watchThroughProxy({ readIdleMs: READ_IDLE_MS, probeTimeoutMs: PROBE_TIMEOUT_MS });
    // The control: the same watch whose liveness would only probe after 10 minutes (the old behaviour
    // within this test's horizon: only the inactivity timer, 330-630 s, would end it).
    const slow = watchThroughProxy({ readIdleMs: 600_000, probeTimeoutMs: PROBE_TIMEOUT_MS });
    await eventually(() => fast.reflector.state === 'watching' && slow.reflector.state === 'watching', 20_000, 'both watching');

    // Every open connection goes silent for good (no reset, nothing passes); new ones get through.
    proxy.freeze();
    proxy.thaw();
    const t0 = Date.now();
    await direct.connection(ADMIN).http.request('POST', `/api/v1/namespaces/${ns}/configmaps`, { body: { metadata: { name: 'after-the-drop' } } });

    await eventually(() => fast.has('after-the-drop'), WITHIN_MS, 'the new configmap through the watch with liveness');
    const arrivedMs = Date.now() - t0;
    const deadSeenBeforeArrival = fast.http.streamStats().deadConnections;
    // Not before the probe could have failed: the silent connection delivered nothing.
    expect(arrivedMs).toBeGreaterThanOrEqual(PROBE_TIMEOUT_MS);
    expect(deadSeenBeforeArrival).toBe(1);
    // The watch failed with the liveness verdict, and was re-watched from its resourceVersion on a new
    // connection, not relisted.
    expect(fast.troubles).toEqual([expect.stringContaining('did not answer a probe within 2 s')]);
    expect(fast.reflector.stats).toMatchObject({ lists: 1, relists: 0 });
    expect(fast.reflector.stats.watches).toBe(2);
    expect(fast.reflector.state).toBe('watching');

    // The control never sees it within the same horizon: its connection is still the silent one.
    await new Promise((r) => setTimeout(r, Math.max(0, WITHIN_MS - (Date.now() - t0))));
    expect(slow.has('after-the-drop')).toBe(false);
    expect(slow.http.streamStats().deadConnections).toBe(0);
    expect(slow.reflector.stats.watches).toBe(1);
  }, 90_000);
});
