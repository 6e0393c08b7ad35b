import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, connect, type Server } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Core } from '../core';
import { ADMIN, eventually, newCore, readKubeconfig, tempDir, testKubeconfig } from '../../testing/testCluster';

/** A loopback TCP relay to the API server that counts the connections the core opens. */
async function countingRelay(host: string, port: number): Promise<{ server: Server; port: number; opened: () => number }> {
  let opened = 0;
  const server = createServer((client) => {
    opened++;
    const upstream = connect(port, host);
    const drop = () => { client.destroy(); upstream.destroy(); };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, port: (server.address() as { port: number }).port, opened: () => opened };
}

describe('one connection pool per context', () => {
  let core: Core;
  let relay: Awaited<ReturnType<typeof countingRelay>>;
  beforeAll(async () => {
    const kc = readKubeconfig(testKubeconfig());
    const target = new URL(kc.clusters[0].cluster.server);
    relay = await countingRelay(target.hostname, Number(target.port));
    for (const c of kc.clusters) c.cluster.server = c.cluster.server.replace(/:\d+$/, `:${relay.port}`);
    const file = join(tempDir(), 'kubeconfig');
    writeFileSync(file, stringify(kc));
    core = newCore([file]);
  });
  afterAll(async () => { await core.dispose(); relay.server.close(); });

  it('sequential requests reuse one keep-alive TLS connection; a watch gets its own and leaves it free', async () => {
    const http = core.connection(ADMIN).http;
    for (let i = 0; i < 20; i++) await http.request('GET', '/api/v1/namespaces/default');
    expect(relay.opened()).toBe(1);
    const controller = new AbortController();
    const res = await http.raw('GET', '/api/v1/namespaces', { query: { watch: 1, timeoutSeconds: 30 }, signal: controller.signal });
    expect(res.status).toBe(200);
    for (let i = 0; i < 5; i++) await http.request('GET', '/api/v1/namespaces/default');
    expect(relay.opened()).toBe(2);
    controller.abort();
  });

  it('a burst of parallel requests opens at most the pool size, not one connection each', async () => {
    const http = core.connection(ADMIN).http;
    const before = relay.opened();
    await Promise.all(Array.from({ length: 40 }, () => http.request('GET', '/api')));
    expect(relay.opened() - before).toBeLessThanOrEqual(16);
  });

  it('dropping the context\'s connection closes its sockets', async () => {
    const http = core.connection(ADMIN).http;
    await http.request('GET', '/version');
    http.close();
    await eventually(async () => {
      const n = await new Promise<number>((r) => relay.server.getConnections((_e, c) => r(c)));
      return n === 0;
    }, 5_000, 'sockets closed');
    await expect(http.request('GET', '/version')).rejects.toThrow(/closed/);
  });
});
