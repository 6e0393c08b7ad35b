// Open views across a kubeconfig rewrite (an exec/OIDC refresh, the user editing the file): their
// subscriptions move to the context's new connection and keep delivering, or end with a readable
// error when the context is gone. The file watcher, the API server and the contract session are real;
// the test reads the frames a renderer would get.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Core } from './core';
import { coreHandlers } from './service';
import { streamHandlers } from './streams/streamHandlers';
import { ContractSession } from '../transport/contractSession';
import { LiveList, type LiveListState } from '../../shared/model/liveList';
import { ADMIN, LIMITED, eventually, newCore, randomName, readKubeconfig, tempDir, testKubeconfig } from '../testing/testCluster';
import type { ServerFrame } from '../../shared/contract';
import type { WatchEvent } from '../../shared/contract/resources';

/** One subscription as the renderer sees it: its events folded into a LiveList, and its end frame. */
class Sub {
  readonly list = new LiveList<any>();
  state: LiveListState<any> = this.list.state;
  events: unknown[] = [];
  end: Extract<ServerFrame, { t: 'end' }> | undefined;
  /** Its events are list snapshots and deltas (folded into `list`); other topics' are only recorded. */
  folds = false;
  names(): string[] { return [...this.state.items.values()].map((o) => o.name ?? o.reason); }
}

describe('a kubeconfig rewrite under open subscriptions', () => {
  const ns = randomName('wh-reload');
  let direct: Core;
  let core: Core;
  let session: ContractSession;
  let file: string;
  let reloads = 0;
  const subs = new Map<number, Sub>();
  const original = readKubeconfig(testKubeconfig());

  const subscribe = (id: number, topic: string, params: unknown): Sub => {
    const s = new Sub();
    s.folds = topic === 'resources.watch' || topic === 'events.forObject';
    subs.set(id, s);
    session.receive({ t: 'sub', id, topic, params });
    return s;
  };
  const rewrite = async (kc: any) => {
    const before = reloads;
    writeFileSync(file, stringify(kc));
    await eventually(() => reloads > before, 20_000, 'the kubeconfig watcher to reload');
  };
  const http = () => direct.connection(ADMIN).http;
  const createPod = (name: string) => eventually(() => http().request('POST', `/api/v1/namespaces/${ns}/pods`, {
    // Retried until the namespace's default service account exists (admission needs it).
    body: { metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox' }] } },
  }), 30_000, `pod ${name} created`);
  const createEvent = (pod: any, reason: string) => http().request('POST', `/api/v1/namespaces/${ns}/events`, {
    body: {
      metadata: { generateName: 'wh-reload-' }, reason, message: reason, type: 'Normal',
      involvedObject: { kind: 'Pod', apiVersion: 'v1', namespace: ns, name: pod.metadata.name, uid: pod.metadata.uid },
      source: { component: 'wh-test' }, firstTimestamp: new Date().toISOString(), lastTimestamp: new Date().toISOString(), count: 1,
    },
  });

  beforeAll(async () => {
    direct = newCore();
    await direct.connection(ADMIN).http.request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns } } });
    file = join(tempDir(), 'config');
    writeFileSync(file, stringify(original));
    core = new Core({ dataDir: tempDir(), kubeconfigFiles: [file], lingerMs: 50 });
    core.onKubeconfig(() => { reloads++; });
    session = new ContractSession(coreHandlers(core), (f: ServerFrame) => {
      if (f.t === 'res') return;
      const s = subs.get(f.id);
      if (!s) return;
      if (f.t === 'end') { s.end = f; return; }
      s.events.push(f.event);
      // cluster.watch sends connection states; the two others snapshot/delta/freshness events.
      if (s.folds && ['snapshot', 'delta', 'freshness'].includes((f.event as WatchEvent)?.type)) s.state = s.list.apply(f.event as WatchEvent);
    });
  });
  afterAll(async () => {
    session.close();
    await direct.connection(ADMIN).http.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => {});
    await core.dispose();
    await direct.dispose();
  });

  it('moves pods, events and connection-state subscriptions to the new server address; ends them with a clear error when the context is removed', async () => {
    const before = await createPod('before');
    const pods = subscribe(1, 'resources.watch', { context: ADMIN, group: '', version: 'v1', resource: 'pods', namespace: ns, projection: 'topology' });
    const events = subscribe(2, 'events.forObject', { context: ADMIN, namespace: ns, uid: before.metadata.uid });
    const status = subscribe(3, 'cluster.watch', { context: ADMIN });
    // A followed log of a demo api pod (the test cluster appends a heartbeat line to it every 2 s).
    const apiPod = (await http().request('GET', '/api/v1/namespaces/demo/pods', { query: { labelSelector: 'app=api' } }))
      .items.find((p: any) => p.status?.phase === 'Running').metadata.name;
    const log = subscribe(4, 'logs.follow', { context: ADMIN, namespace: 'demo', pod: apiPod, container: 'api', tailLines: 1 });
    const heartbeats = () => log.events.flatMap((e: any) => (e.type === 'lines' ? e.lines : [])).filter((l: any) => /msg="heartbeat" tick=\d+/.test(l.text));
    const ackLog = () => session.receive({ t: 'ack', id: 4, seq: log.events.length });
    // The change timeline of a Deployment that does not exist yet (its recorder watches the namespace).
    const timeline = subscribe(5, 'timeline.watch', { context: ADMIN, namespace: ns, kind: 'Deployment', name: 'tl' });
    const timelineKinds = () => timeline.events.flatMap((e: any) => (e.type === 'entry' ? [e.entry.kind] : e.type === 'snapshot' ? e.entries.map((x: any) => x.kind) : []));
    await eventually(() => pods.state.freshness?.state === 'live' && pods.names().includes('before'), 20_000, 'pods live');
    await eventually(() => { ackLog(); return heartbeats().length >= 2; }, 20_000, 'the followed log streaming');
    await eventually(() => events.state.freshness?.state === 'live', 20_000, 'events live');
    await eventually(() => status.events.some((e: any) => e.state === 'ready'), 20_000, 'connection ready');

    // Same cluster and credentials, reached as localhost (in the serving certificate) instead of
    // 127.0.0.1, with the contexts in another order.
    const moved = structuredClone(original);
    for (const c of moved.clusters) c.cluster.server = c.cluster.server.replace('127.0.0.1', 'localhost');
    moved.contexts.reverse();
    const statusSeen = status.events.length;
    await rewrite(moved);
    expect(core.connection(ADMIN).http.server).toContain('://localhost:');

    await createPod('after');
    await http().request('POST', `/apis/apps/v1/namespaces/${ns}/deployments`, { body: {
      metadata: { name: 'tl' },
      spec: { replicas: 0, selector: { matchLabels: { app: 'tl' } }, template: { metadata: { labels: { app: 'tl' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } },
    } });
    await eventually(() => timelineKinds().length > 0, 30_000, 'the timeline recording the Deployment created after the rewrite');
    await createEvent(before, 'AfterTheRewrite');
    await eventually(() => pods.names().includes('after') && pods.state.freshness?.state === 'live', 30_000, 'pod "after" in the view, live');
    await eventually(() => events.names().includes('AfterTheRewrite'), 30_000, 'the new event in the details view');
    // The connection-state view follows the new connection: it probes it and reports it ready.
    await eventually(() => status.events.slice(statusSeen).some((e: any) => e.state === 'ready'), 20_000, 'the new connection ready');
    // The log was cut with the old connection; it resumes on the new one, from where it was.
    const rewrittenAt = Date.now();
    await eventually(() => { ackLog(); return heartbeats().some((l: any) => Date.parse(l.ts) > rewrittenAt + 1_000); }, 30_000, 'heartbeats after the rewrite');
    const ticks = heartbeats().map((l: any) => Number(/tick=(\d+)/.exec(l.text)![1]));
    expect(ticks.filter((t, i) => i > 0 && t !== ticks[i - 1] + 1), 'no heartbeat lost or repeated across the rewrite').toEqual([]);
    expect(pods.names()).toContain('before');
    expect([pods.end, events.end, status.end, log.end, timeline.end]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // Every informer comes from the hub and moved with the link, none twice: the pods of the test
    // namespace, demo's pods (the followed log's watch for its pod's deletion), the events about pod
    // "before", and the timeline recorder's five (deployments, statefulsets, daemonsets, replicasets, pods).
    expect(core.hub.stats().map((s) => s.key.split('|').slice(1).join('|')).sort()).toEqual([
      '/v1/events|' + ns + '|object|involvedObject.uid=' + before.metadata.uid + '|event-row',
      '/v1/pods|demo|object',
      '/v1/pods|' + ns + '|object',
      '/v1/pods|' + ns + '|object|timeline-pod',
      'apps/v1/daemonsets|' + ns + '|object|timeline-workload',
      'apps/v1/deployments|' + ns + '|object|timeline-workload',
      'apps/v1/replicasets|' + ns + '|object|timeline-replicaset',
      'apps/v1/statefulsets|' + ns + '|object|timeline-workload',
    ].sort());

    // A terminal and a port-forward open on the context too.
    const term = subscribe(6, 'exec.session', { context: ADMIN, namespace: 'demo', pod: apiPod, container: 'api', tty: true, cols: 80, rows: 24 });
    await eventually(() => term.events.some((e: any) => e.type === 'state' && e.state === 'open'), 30_000, 'the terminal open');
    const streams = streamHandlers(core).methods as any;
    const forward = await streams['portforward.start']({ context: ADMIN, namespace: 'demo', pod: apiPod, remotePort: 8080 });

    // The admin context leaves the file: every view of it must say so, not sit empty or stale.
    const without = structuredClone(moved);
    without.contexts = without.contexts.filter((c: any) => c.name !== ADMIN);
    without['current-context'] = LIMITED;
    await rewrite(without);
    await eventually(() => { ackLog(); return pods.end && events.end && status.end && log.end; }, 20_000, 'the subscriptions to end');
    expect(log.events.at(-1)).toMatchObject({ type: 'state', state: 'error', message: expect.stringContaining(`Context "${ADMIN}" is not in ${file}`) });
    // The terminal ends with the reason (after its exit event); the forward stops and says why.
    await eventually(() => term.end, 20_000, 'the terminal to end');
    expect(term.events.some((e: any) => e.type === 'exit')).toBe(true);
    const ended = (await streams['portforward.list']({})).find((f: any) => f.id === forward.id);
    expect(ended).toMatchObject({ state: 'error', lastError: expect.stringContaining(`Context "${ADMIN}" is not in ${file}`) });
    await expect(fetch(`http://127.0.0.1:${forward.localPort}/`)).rejects.toThrow();
    await streams['portforward.stop']({ id: forward.id });
    for (const s of [pods, events, status, timeline, term]) {
      expect(s.end?.error?.code).toBe('unknown-context');
      expect(s.end?.error?.message).toContain(`Context "${ADMIN}" is not in ${file}`);
    }
    expect(core.hub.activeCount).toBe(0);
    expect(session.subscriptionCount).toBe(0);
  });
});
