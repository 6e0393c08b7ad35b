import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { kubectl } from '../../../test-cluster/kubectl.mjs';
import { ADMIN, eventually, newCore, randomName, readKubeconfig, tempDir, testKubeconfig } from '../../testing/testCluster';
import { TcpProxy } from '../../testing/tcpProxy';
import type { Core } from '../core';
import type { LogEvent, LogsFollowParams } from '../../../shared/contract/streams';
import { unpackLines } from '../../../shared/contract/packedLines';
import { LogStream } from './logStream';
import { contractSession, recordingSink, runningPods } from '../../testing/streamTesting';

const lines = (events: LogEvent[]) => events.flatMap((e) => (e.type === 'lines' ? e.lines : []));
const states = (events: LogEvent[]) => events.filter((e) => e.type === 'state').map((e) => (e as { state: string }).state);

/** Reads a whole log through LogStream (follow=false) and returns the events once it has ended. */
async function readLog(core: Core, p: Omit<LogsFollowParams, 'context'>): Promise<LogEvent[]> {
  const sink = recordingSink<LogEvent>();
  const s = new LogStream(core.connection(ADMIN).http, { context: ADMIN, ...p }, sink);
  s.start();
  await eventually(() => states(sink.events).some((x) => x === 'ended' || x === 'error'), 30_000, 'the log to end');
  s.stop();
  return sink.events;
}

const kubectlLines = (out: string) => out.split('\n').slice(0, -1);

describe('logs: what kubectl logs prints, line for line', () => {
  let core: Core;
  let web: string;
  let hostile: string;
  const kc = () => ({ kubeconfig: testKubeconfig(), context: ADMIN });

  beforeAll(async () => {
    core = newCore();
    [web] = await runningPods(core, ADMIN, 'demo', 'app=web');
    [hostile] = await runningPods(core, ADMIN, 'demo', 'app=hostile-logs');
    expect(web && hostile).toBeTruthy();
  });
  afterAll(async () => { await core.dispose(); });

  it('a seeded pod: same lines, same order', async () => {
    const expected = kubectlLines(await kubectl(['logs', '-n', 'demo', web, '-c', 'web'], kc()));
    expect(expected.length).toBeGreaterThanOrEqual(20);
    const events = await readLog(core, { namespace: 'demo', pod: web, container: 'web', follow: false, timestamps: false });
    expect(lines(events).map((l) => l.text)).toEqual(expected);
    expect(lines(events).every((l) => l.ts === undefined)).toBe(true);
    expect(states(events)).toEqual(['connecting', 'streaming', 'ended']);
  });

  it('with timestamps, escapes and markup byte for byte (hostile log)', async () => {
    const expected = kubectlLines(await kubectl(['logs', '-n', 'demo', hostile, '-c', 'hostile', '--timestamps'], kc()));
    const events = await readLog(core, { namespace: 'demo', pod: hostile, container: 'hostile', follow: false });
    const got = lines(events).map((l) => `${l.ts} ${l.text}`);
    expect(got).toEqual(expected);
    expect(got.some((l) => l.includes('\x1b[1;31m'))).toBe(true);
    expect(got.some((l) => l.includes('<script>alert(1)</script>'))).toBe(true);
  });

  it('packed through the contract (as the viewer asks): the same bytes, and one event per batch', async () => {
    const expected = kubectlLines(await kubectl(['logs', '-n', 'demo', hostile, '-c', 'hostile', '--timestamps'], kc()));
    const c = contractSession(core);
    const sub = c.subscribe('logs.follow', { context: ADMIN, namespace: 'demo', pod: hostile, container: 'hostile', follow: false, packed: true, keepLatest: 50_000 });
    await eventually(() => c.ended(sub), 30_000, 'the end of the log');
    const events = c.events(sub);
    expect(events.some((e) => e.type === 'lines')).toBe(false);
    const got = events.filter((e) => e.type === 'packed').flatMap((e) => {
      const u = unpackLines(e)!;
      return u.texts.map((t, i) => `${u.ts![i]} ${t}`);
    });
    expect(got).toEqual(expected);
    c.session.close();
  });

  it('tail and previous like kubectl --tail and --previous', async () => {
    const tail = kubectlLines(await kubectl(['logs', '-n', 'demo', web, '-c', 'web', '--tail=5'], kc()));
    expect(lines(await readLog(core, { namespace: 'demo', pod: web, container: 'web', follow: false, tailLines: 5 })).map((l) => l.text)).toEqual(tail);
    const prev = kubectlLines(await kubectl(['logs', '-n', 'demo', web, '-c', 'web', '--previous'], kc()));
    const events = await readLog(core, { namespace: 'demo', pod: web, container: 'web', previous: true });
    expect(lines(events).map((l) => l.text)).toEqual(prev);
    expect(states(events).at(-1)).toBe('ended');
  });

  it('following: the backlog equals kubectl logs, then new lines arrive', async () => {
    const [api] = await runningPods(core, ADMIN, 'demo', 'app=api');
    const sink = recordingSink<LogEvent>();
    const s = new LogStream(core.connection(ADMIN).http, { context: ADMIN, namespace: 'demo', pod: api, container: 'api', tailLines: 3 }, sink);
    s.start();
    await eventually(() => lines(sink.events).length >= 3, 20_000, 'the tail');
    const first = lines(sink.events).slice(0, 3);
    // The echo server appends a heartbeat every 2 s: more lines come without asking again.
    await eventually(() => lines(sink.events).length >= 5, 20_000, 'new lines');
    s.stop();
    expect(s.stats.connects).toBe(1);
    const all = kubectlLines(await kubectl(['logs', '-n', 'demo', api, '-c', 'api', '--timestamps'], kc()));
    const got = lines(sink.events).map((l) => `${l.ts} ${l.text}`);
    const at = all.indexOf(`${first[0].ts} ${first[0].text}`);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(all.slice(at, at + got.length)).toEqual(got);
    expect(states(sink.events)).toEqual(['connecting', 'streaming']);
  });

  it('a pod that does not exist is an error state', async () => {
    const events = await readLog(core, { namespace: 'demo', pod: 'no-such-pod', container: 'x' });
    expect(states(events)).toEqual(['connecting', 'error']);
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'error', message: expect.stringContaining('no-such-pod') });
  });

  it('a container that is not in the pod is an error state with the server\'s reason', async () => {
    const events = await readLog(core, { namespace: 'demo', pod: web, container: 'nope' });
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'error', message: expect.stringMatching(/nope/) });
  });
});

describe('logs: resume after a cut connection, without duplicates or gaps', () => {
  let proxy: TcpProxy;
  let core: Core;
  let direct: Core;

  beforeAll(async () => {
    direct = newCore();
    const kc = readKubeconfig(testKubeconfig());
    const server = new URL(kc.clusters[0].cluster.server);
    proxy = new TcpProxy(server.hostname, Number(server.port));
    const port = await proxy.start();
    for (const c of kc.clusters) c.cluster.server = c.cluster.server.replace(/:\d+$/, `:${port}`);
    const file = join(tempDir(), 'kubeconfig');
    writeFileSync(file, stringify(kc));
    core = newCore([file]);
  });
  afterAll(async () => { await core.dispose(); await direct.dispose(); await proxy.stop(); });

  it('picks up at the last line once the API server is reachable again', async () => {
    const [api] = await runningPods(direct, ADMIN, 'demo', 'app=api');
    const sink = recordingSink<LogEvent>();
    const s = new LogStream(core.connection(ADMIN).http, { context: ADMIN, namespace: 'demo', pod: api, container: 'api', tailLines: 4 }, sink, { backoffMs: [200, 1_000] });
    s.start();
    await eventually(() => lines(sink.events).length >= 5, 20_000, 'a first heartbeat');
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 4_500)); // two heartbeats are written while we are away
    await proxy.restore();
    const before = lines(sink.events).length;
    await eventually(() => lines(sink.events).length >= before + 4, 30_000, 'the missed lines and new ones');
    s.stop();
    expect(s.stats.resumes).toBeGreaterThanOrEqual(1);
    expect(states(sink.events)).toContain('connecting');

    const got = lines(sink.events).map((l) => `${l.ts} ${l.text}`);
    expect(new Set(got).size).toBe(got.length);
    const all = kubectlLines(await kubectl(['logs', '-n', 'demo', api, '-c', 'api', '--timestamps'], { kubeconfig: testKubeconfig(), context: ADMIN }));
    const at = all.indexOf(got[0]);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(got).toEqual(all.slice(at, at + got.length));
  });
});

describe('logs.follow through the contract', () => {
  const ns = randomName('wh-logs');
  let core: Core;

  beforeAll(async () => {
    core = newCore();
    const http = core.connection(ADMIN).http;
    await http.request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns } } });
    await http.request('POST', `/api/v1/namespaces/${ns}/pods`, { body: { metadata: { name: 'solo' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } });
    await eventually(async () => (await http.request('GET', `/api/v1/namespaces/${ns}/pods/solo`)).status?.phase === 'Running', 60_000, 'pod solo running');
  });
  afterAll(async () => {
    await core.connection(ADMIN).http.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => {});
    await core.dispose();
  });

  it('ends the subscription when the pod is deleted', async () => {
    const c = contractSession(core);
    const sub = c.subscribe('logs.follow', { context: ADMIN, namespace: ns, pod: 'solo', container: 'web', tailLines: 2 });
    await eventually(() => c.events(sub).some((e) => e.type === 'lines'), 20_000, 'first lines');
    // Acknowledge as a renderer would.
    c.ack(sub, c.frames.filter((f) => f.t === 'ev' && f.id === sub).length);
    await core.connection(ADMIN).http.request('DELETE', `/api/v1/namespaces/${ns}/pods/solo`, { body: { gracePeriodSeconds: 0 } });
    await eventually(() => c.ended(sub), 30_000, 'the end frame');
    expect(c.events(sub).at(-1)).toMatchObject({ type: 'state', state: 'ended', message: expect.stringMatching(/deleted/) });
    expect(c.ended(sub)?.error).toBeUndefined();
    c.session.close();
  });
});
