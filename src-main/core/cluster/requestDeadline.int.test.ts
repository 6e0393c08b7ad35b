// An API server that accepts connections and never answers (here: the real one behind a proxy that
// stops passing bytes) must not hold the context's request connections: every ordinary request has a
// default deadline, fails with a readable error, and frees its connection for the next one.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

describe('the deadline ends with the request', () => {
  let core: Core;
  beforeAll(() => { core = newCore(); });
  afterAll(async () => { vi.restoreAllMocks(); await core.dispose(); });

  it('its timer is cleared as soon as the answer has arrived or failed, not left running for the whole deadline', async () => {
    const http = core.connection(ADMIN).http;
    const ms = 12_345;
    const armed: unknown[] = [];
    const cleared = new Set<unknown>();
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, delay?: number, ...args: unknown[]) => {
      const t = realSetTimeout(fn, delay, ...args);
      if (delay === ms) armed.push(t);
      return t;
    }) as typeof setTimeout);
    const realClearTimeout = globalThis.clearTimeout;
    vi.spyOn(globalThis, 'clearTimeout').mockImplementation((t) => { cleared.add(t); realClearTimeout(t); });

    await http.request('GET', '/version', { timeoutMs: ms });
    await (await http.raw('GET', '/api/v1/namespaces', { timeoutMs: ms })).text();
    await expect(http.request('GET', '/api/v1/namespaces/no-such-namespace-here', { timeoutMs: ms })).rejects.toMatchObject({ status: 404 });
    vi.restoreAllMocks();

    expect(armed).toHaveLength(3);
    for (const t of armed) expect(cleared.has(t)).toBe(true);
  });

  it('a body still arriving when the deadline passes fails with the deadline error', async () => {
    const http = core.connection(ADMIN).http;
    // A watch answers at once and then keeps its body open: the body outlives a 1.5 s deadline.
    const res = await http.raw('GET', '/api/v1/namespaces/default/configmaps', { query: { watch: 1 }, timeoutMs: 1500 });
    expect(res.status).toBe(200);
    const t0 = Date.now();
    await expect(res.text()).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});
