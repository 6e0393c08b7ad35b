import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { spawnKubectl } from '../../../test-cluster/kubectl.mjs';
import { ECHO_BODY } from '../../../test-cluster/cluster-lib.mjs';
import { ADMIN, eventually, newCore, testKubeconfig } from '../../testing/testCluster';
import type { Core } from '../core';
import { PortForwards } from './portForward';
import { contractSession, runningPods } from '../../testing/streamTesting';

/**
 * Sends a raw HTTP request to 127.0.0.1:port and returns the raw response: everything up to the end
 * of its body (Content-Length, or the last chunk), or until the server closes. KWOK's port-forward does not pass the echo
 * server's close back (its tunnel waits for both directions), for kubectl as for us, so the end of
 * the response is found the way HTTP clients find it.
 */
function exchange(port: number, request: string | Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = connect(port, '127.0.0.1', () => s.write(request));
    const done = () => { s.destroy(); resolve(Buffer.concat(chunks)); };
    s.on('data', (c) => {
      chunks.push(c);
      const all = Buffer.concat(chunks);
      const head = all.indexOf('\r\n\r\n');
      if (head < 0) return;
      const headers = all.subarray(0, head).toString('latin1');
      const len = /^content-length: *(\d+)/im.exec(headers);
      if (len && all.length >= head + 4 + Number(len[1])) done();
      if (/^transfer-encoding: *chunked/im.test(headers) && all.subarray(head + 4).toString('latin1').endsWith('0\r\n\r\n')) done();
    });
    s.on('end', done);
    s.on('error', reject);
    s.setTimeout(20_000, () => { s.destroy(); reject(new Error('exchange timed out')); });
  });
}

const REQUEST = 'GET /compare?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: wheelhouse-test\r\nConnection: close\r\n\r\n';
/** The echo server's answer carries the time; everything else must be byte-identical. */
const normalise = (b: Buffer) => b.toString('latin1').replace(/^Date: .*\r\n/im, 'Date: -\r\n');

function kubectlPortForward(target: string, remote: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawnKubectl(['port-forward', '-n', 'demo', '--address', '127.0.0.1', target, `:${remote}`], { kubeconfig: testKubeconfig(), context: ADMIN });
  return new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => { child.kill(); reject(new Error(`kubectl port-forward did not start: ${out}`)); }, 30_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /Forwarding from 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) { clearTimeout(t); resolve({ child, port: Number(m[1]) }); }
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.on('exit', (code) => { clearTimeout(t); reject(new Error(`kubectl port-forward exited ${code}: ${out}`)); });
  });
}

describe('port-forward', () => {
  let core: Core;
  let forwards: PortForwards;
  let api: string;
  let webPods: string[];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    core = newCore();
    forwards = new PortForwards((ctx) => core.connection(ctx));
    [api] = await runningPods(core, ADMIN, 'demo', 'app=api');
    webPods = await runningPods(core, ADMIN, 'demo', 'app=web');
  });
  afterAll(async () => {
    for (const c of children) c.kill();
    await forwards.stopAll();
    await core.dispose();
  });

  it('answers the same bytes as kubectl port-forward to the same pod port', async () => {
    const ours = await forwards.start({ context: ADMIN, namespace: 'demo', pod: api, remotePort: 8080 });
    expect(ours).toMatchObject({ address: '127.0.0.1', pod: api, targetPort: 8080, state: 'listening', url: `http://127.0.0.1:${ours.localPort}/` });
    const theirs = await kubectlPortForward(`pod/${api}`, 8080);
    children.push(theirs.child);
    const [a, b] = await Promise.all([exchange(ours.localPort, REQUEST), exchange(theirs.port, REQUEST)]);
    expect(normalise(a)).toBe(normalise(b));
    expect(a.toString('utf8')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(a.toString('utf8').includes(ECHO_BODY)).toBe(true);
  });

  it('listens on 127.0.0.1 only, carries many connections at once, and counts them', async () => {
    const f = await forwards.start({ context: ADMIN, namespace: 'demo', pod: api, remotePort: 8080 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => exchange(f.localPort, REQUEST)));
    for (const a of answers) expect(a.toString('utf8').includes(ECHO_BODY)).toBe(true);
    await eventually(() => forwards.list().find((x) => x.id === f.id)?.totalConnections === 20, 5_000, 'the connection count');
    await expect(new Promise((resolve, reject) => {
      const s = connect(f.localPort, '::1', () => { s.destroy(); resolve('connected'); });
      s.on('error', (e: NodeJS.ErrnoException) => reject(e));
    })).rejects.toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|EADDRNOTAVAIL|EAFNOSUPPORT/) });
  });

  it('a Service resolves to a ready pod and its target port', async () => {
    const f = await forwards.start({ context: ADMIN, namespace: 'demo', service: 'web', remotePort: 80 });
    expect(webPods).toContain(f.pod);
    expect(f).toMatchObject({ service: 'web', remotePort: 80, targetPort: 80 });
    const a = await exchange(f.localPort, REQUEST);
    expect(a.toString('utf8').includes(ECHO_BODY)).toBe(true);
    await expect(forwards.start({ context: ADMIN, namespace: 'demo', service: 'web', remotePort: 81 })).rejects.toThrow(/no port 81/);
  });

  it('stopping closes the listener; a taken local port is a readable conflict', async () => {
    const f = await forwards.start({ context: ADMIN, namespace: 'demo', pod: api, remotePort: 8080 });
    await expect(forwards.start({ context: ADMIN, namespace: 'demo', pod: api, remotePort: 8080, localPort: f.localPort })).rejects.toThrow(/already in use/);
    await forwards.stop(f.id);
    expect(forwards.list().some((x) => x.id === f.id)).toBe(false);
    await expect(exchange(f.localPort, REQUEST)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(forwards.start({ context: ADMIN, namespace: 'demo', pod: 'no-such-pod', remotePort: 80 })).rejects.toThrow(/not found/);
  });

  it('through the contract: start, watch, list and stop; forwards belong to the core, not the session', async () => {
    const c = contractSession(core);
    const sub = c.subscribe('portforward.watch', {});
    const info = await c.request('portforward.start', { context: ADMIN, namespace: 'demo', pod: api, remotePort: 8080 });
    await eventually(() => c.events(sub).some((e) => e.forwards.some((f: any) => f.id === info.id)), 5_000, 'the watch to show it');
    c.session.close();
    // A new session (a reloaded window) still finds it, and it still answers.
    const c2 = contractSession(core);
    const list = await c2.request('portforward.list', { context: ADMIN });
    expect(list.map((f: any) => f.id)).toContain(info.id);
    expect((await exchange(info.localPort, REQUEST)).toString('utf8').includes(ECHO_BODY)).toBe(true);
    await c2.request('portforward.stop', { id: info.id });
    await expect(c2.request('portforward.stop', { id: info.id })).rejects.toThrow(/No port-forward/);
    await expect(c2.request('portforward.start', { context: ADMIN, namespace: 'demo', remotePort: 8080 })).rejects.toThrow(/exactly one of pod or service/);
    c2.session.close();
  });

  it('the core stops every forward when it is disposed', async () => {
    const other = newCore();
    const c = contractSession(other);
    const info = await c.request('portforward.start', { context: ADMIN, namespace: 'demo', pod: api, remotePort: 8080 });
    expect((await exchange(info.localPort, REQUEST)).length).toBeGreaterThan(0);
    await other.dispose();
    await expect(exchange(info.localPort, REQUEST)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
