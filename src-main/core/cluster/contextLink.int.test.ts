// A kubeconfig rewrite that changes a context's server while a table, a followed log, a timeline and
// a terminal are open: the same API server reached through a second address (a TCP proxy of our own).
// Each does its one documented thing (streamHandlers.ts, contextLink.ts): the table relists in place
// on the new connection (differences only, no new snapshot, no end); the log resumes on it without a
// lost or repeated line; the timeline keeps recording through it; the terminal stays on the connection
// it was opened on (it still answers after the rewrite, and ends when that first address goes away);
// a port-forward tunnels its next local connection over the new one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Core } from '../core';
import { coreHandlers } from '../service';
import { streamHandlers } from '../streams/streamHandlers';
import { ECHO_BODY } from '../../../test-cluster/cluster-lib.mjs';
import { ContractSession } from '../../transport/contractSession';
import { LiveList, type LiveListState } from '../../../shared/model/liveList';
import { ADMIN, eventually, newCore, randomName, readKubeconfig, tempDir, testKubeconfig } from '../../testing/testCluster';
import { TcpProxy } from '../../testing/tcpProxy';
import type { ServerFrame } from '../../../shared/contract';
import type { WatchEvent } from '../../../shared/contract/resources';

class Sub {
  readonly list = new LiveList<any>();
  state: LiveListState<any> = this.list.state;
  events: any[] = [];
  end: Extract<ServerFrame, { t: 'end' }> | undefined;
  names(): string[] { return [...this.state.items.values()].map((o) => o.name); }
}

describe('a rewrite that changes the server under an open table, log, timeline and terminal', () => {
  const ns = randomName('wh-link');
  const original = readKubeconfig(testKubeconfig());
  const api = new URL(original.clusters[0].cluster.server);
  const first = new TcpProxy(api.hostname, Number(api.port));
  const second = new TcpProxy(api.hostname, Number(api.port));
  let direct: Core;
  let core: Core;
  let session: ContractSession;
  let file: string;
  let reloads = 0;
  const subs = new Map<number, Sub>();

  const viaPort = (port: number) => {
    const kc = structuredClone(original);
    for (const c of kc.clusters) c.cluster.server = `https://127.0.0.1:${port}`;
    return kc;
  };
  const subscribe = (id: number, topic: string, params: unknown): Sub => {
    const s = new Sub();
    subs.set(id, s);
    session.receive({ t: 'sub', id, topic, params });
    return s;
  };
  const ack = (id: number) => session.receive({ t: 'ack', id, seq: subs.get(id)!.events.length });
  const http = () => direct.connection(ADMIN).http;

  beforeAll(async () => {
    direct = newCore();
    await http().request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns } } });
    await eventually(() => http().request('GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`), 30_000, 'default service account');
    file = join(tempDir(), 'config');
    writeFileSync(file, stringify(viaPort(await first.start())));
    await second.start();
    core = new Core({ dataDir: tempDir(), kubeconfigFiles: [file], lingerMs: 50 });
    core.onKubeconfig(() => { reloads++; });
    session = new ContractSession(coreHandlers(core), (f: ServerFrame) => {
      if (f.t === 'res') return;
      const s = subs.get(f.id);
      if (!s) return;
      if (f.t === 'end') { s.end = f; return; }
      s.events.push(f.event);
      if (['snapshot', 'delta', 'freshness'].includes((f.event as WatchEvent)?.type) && f.id === 1) s.state = s.list.apply(f.event as WatchEvent);
    });
  }, 60_000);
  afterAll(async () => {
    session?.close();
    await http().request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => {});
    await core?.dispose();
    await direct?.dispose();
    await first.stop();
    await second.stop();
  });

  it('table relists in place, log resumes, timeline records, terminal stays on its own connection', async () => {
    await http().request('POST', `/api/v1/namespaces/${ns}/configmaps`, { body: { metadata: { name: 'before' } } });
    const table = subscribe(1, 'resources.watch', { context: ADMIN, group: '', version: 'v1', resource: 'configmaps', namespace: ns, projection: 'table' });
    const apiPod = (await http().request('GET', '/api/v1/namespaces/demo/pods', { query: { labelSelector: 'app=api' } }))
      .items.find((p: any) => p.status?.phase === 'Running').metadata.name;
    const log = subscribe(2, 'logs.follow', { context: ADMIN, namespace: 'demo', pod: apiPod, container: 'api', tailLines: 1 });
    const heartbeats = () => log.events.flatMap((e) => (e.type === 'lines' ? e.lines : [])).filter((l: any) => /msg="heartbeat" tick=\d+/.test(l.text));
    const timeline = subscribe(3, 'timeline.watch', { context: ADMIN, namespace: ns, kind: 'Deployment', name: 'tl' });
    const timelineKinds = () => timeline.events.flatMap((e) => (e.type === 'entry' ? [e.entry.kind] : e.type === 'snapshot' ? e.entries.map((x: any) => x.kind) : []));
    const term = subscribe(4, 'exec.session', { context: ADMIN, namespace: 'demo', pod: apiPod, container: 'api', tty: true, cols: 80, rows: 24 });
    const termText = () => { ack(4); return term.events.filter((e) => e.type === 'stdout').map((e) => e.data).join(''); };
    const type = (data: string) => session.receive({ t: 'input', id: 4, data: { type: 'stdin', data } });

    await eventually(() => table.state.freshness?.state === 'live' && table.names().includes('before'), 20_000, 'table live');
    await eventually(() => { ack(2); return heartbeats().length >= 2; }, 20_000, 'the followed log streaming');
    await eventually(() => timeline.events.some((e) => e.type === 'snapshot'), 20_000, 'timeline recording');
    await eventually(() => term.events.some((e) => e.type === 'state' && e.state === 'open') && termText().length > 0, 30_000, 'the terminal open, at its prompt');
    const streams = streamHandlers(core).methods as any;
    const forward = await streams['portforward.start']({ context: ADMIN, namespace: 'demo', pod: apiPod, remotePort: 8080 });
    const throughForward = async () => (await fetch(`http://127.0.0.1:${forward.localPort}/link`, { headers: { connection: 'close' } })).text();
    expect(await throughForward()).toContain(ECHO_BODY);
    const link = core.link(ADMIN);
    expect(link.generation).toBe(1);
    const snapshotsBefore = table.events.filter((e) => e.type === 'snapshot').length;

    // The rewrite: same cluster and credentials, through the second proxy.
    const before = reloads;
    writeFileSync(file, stringify(viaPort(second.port)));
    await eventually(() => reloads > before, 20_000, 'the kubeconfig watcher to reload');
    expect(link.generation).toBe(2);
    expect(core.link(ADMIN)).toBe(link);
    expect(link.http.server).toBe(`https://127.0.0.1:${second.port}`);

    // The terminal is still the one it was: it answers, over the first address.
    type('echo still-$((40+2))\r');
    await eventually(() => /^still-42\r?$/m.test(termText()), 20_000, 'the terminal answering after the rewrite');
    expect(term.end).toBeUndefined();

    // Now the first address goes away: everything but the terminal must already be on the second.
    await first.cut();
    const rewrittenAt = Date.now();
    await http().request('POST', `/api/v1/namespaces/${ns}/configmaps`, { body: { metadata: { name: 'after' } } });
    await http().request('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, { body: {
      metadata: { name: 'tl' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'tl' } }, template: { metadata: { labels: { app: 'tl' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    } });
    await eventually(() => table.names().includes('after') && table.state.freshness?.state === 'live', 30_000, 'configmap "after" in the table, live');
    await eventually(() => timelineKinds().includes('created'), 30_000, 'the timeline recording the Deployment created through the second address');
    await eventually(() => { ack(2); return heartbeats().some((l: any) => Date.parse(l.ts) > rewrittenAt + 1_000); }, 30_000, 'heartbeats through the second address');
    const ticks = heartbeats().map((l: any) => Number(/tick=(\d+)/.exec(l.text)![1]));
    expect(ticks.filter((t, i) => i > 0 && t !== ticks[i - 1] + 1), 'no heartbeat lost or repeated across the rewrite').toEqual([]);
    // The table was relisted in place: differences only, never a second snapshot.
    expect(table.events.filter((e) => e.type === 'snapshot').length).toBe(snapshotsBefore);
    expect(table.names().sort()).toEqual(['after', 'before', 'kube-root-ca.crt'].sort());
    // The terminal was on the first address: it ends with it (an exit, not a silent hang).
    await eventually(() => term.end, 30_000, 'the terminal to end with its connection');
    expect(term.events.find((e) => e.type === 'exit')).toMatchObject({ type: 'exit', reason: 'error' });
    expect([table.end, log.end, timeline.end]).toEqual([undefined, undefined, undefined]);
    // The forward's next local connection goes over the second address.
    expect(await throughForward()).toContain(ECHO_BODY);
    expect((await streams['portforward.list']({})).find((f: any) => f.id === forward.id)).toMatchObject({ state: 'listening' });
    await streams['portforward.stop']({ id: forward.id });
    expect(second.clients.size).toBeGreaterThan(0);
  });
});
