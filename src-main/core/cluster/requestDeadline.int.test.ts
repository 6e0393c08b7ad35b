// An API server that accepts connections and never answers (here: the real one behind a proxy that
// stops passing bytes) must not hold the context's request connections: every ordinary request has a
// default deadline, fails with a readable error, and frees its connection for the next one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './kubeHttp';
import { RequestTimeoutError, toContractError } from './apiError';
import { ADMIN, eventually, newCore, kubeconfigViaPort, readKubeconfig, testKubeconfig } from '../../testing/testCluster';
import { TcpProxy } from '../../testing/tcpProxy';
import type { Core } from '../core';

describe('ordinary requests have a deadline', () => {
  let proxy: TcpProxy;
  let core: Core;

  beforeAll(async () => {
    const server = new URL(readKubeconfig(testKubeconfig()).clusters[0].cluster.server);
    proxy = new TcpProxy(server.hostname, Number(server.port));
    core = newCore([kubeconfigViaPort(testKubeconfig(), await proxy.start())]);
  });
  afterAll(async () => {
    await core.dispose();
    await proxy.stop();
  });

  it('requests to a server that stopped answering fail after 30 s with the deadline error, and the next request gets a working connection', async () => {
    const http = core.connection(ADMIN).http;
    await http.request('GET', '/version');
    // undici speaks HTTP/2 to the API server: one connection carries every ordinary request. Its path
    // now goes silent (no reset, nothing more passes either way), and so does every new connection.
    expect(proxy.clients.size).toBe(1);
    proxy.freeze();

    const t0 = Date.now();
    const outcomes = Array.from({ length: 17 }, () => http.request('GET', '/api/v1/namespaces').then(
      () => ({ error: undefined as unknown, ms: Date.now() - t0 }),
      (error: unknown) => ({ error, ms: Date.now() - t0 }),
    ));
    await eventually(() => http.poolStats()?.running === 17, 10_000, '17 requests waiting on the silent connection');

    const results = await Promise.all(outcomes);
    for (const r of results) {
      expect(r.error).toBeInstanceOf(RequestTimeoutError);
      expect(r.ms).toBeGreaterThanOrEqual(DEFAULT_REQUEST_TIMEOUT_MS - 50);
      expect(r.ms).toBeLessThan(DEFAULT_REQUEST_TIMEOUT_MS + 20_000);
    }
    const shown = toContractError(results[0].error);
    expect(shown.code).toBe('timeout');
    expect(shown.message).toContain(`The API server at https://127.0.0.1:${proxy.port} did not answer GET /api/v1/namespaces within 30 s`);

    // The client gives up the connection that answered nothing, so the server's recovery is seen at once.
    await eventually(() => proxy.clients.size === 0, 10_000, 'the silent connection closed by the client');
    proxy.thaw();
    const started = Date.now();
    const version = await http.request('GET', '/version');
    expect(version.gitVersion).toMatch(/^v1\./);
    expect(Date.now() - started).toBeLessThan(DEFAULT_REQUEST_TIMEOUT_MS);
    expect(http.poolStats()).toMatchObject({ running: 0, pending: 0 });
  }, 120_000);
});
