import { describe, expect, it } from 'vitest';
import { ADMIN, eventually, useTestNamespace } from '../../testing/testCluster';
import type { WorkloadLogEvent, WorkloadLogLine, WorkloadLogSource } from '../../../shared/contract/streams';
import { tsKey } from './logLines';
import { WorkloadLogs } from './workloadLogs';
import { recordingSink, runningPods } from '../../testing/streamTesting';

const lines = (events: WorkloadLogEvent[]): WorkloadLogLine[] => events.flatMap((e) => (e.type === 'lines' ? e.lines : []));
const lastSources = (events: WorkloadLogEvent[]): WorkloadLogSource[] => {
  const s = events.filter((e) => e.type === 'sources').at(-1);
  return s && s.type === 'sources' ? s.sources : [];
};

describe('workload logs', () => {
  const t = useTestNamespace('wh-wl');

  it('a Deployment: every pod and container, merged in time order, each line tagged', async () => {
    const pods = await runningPods(t.core, ADMIN, 'demo', 'app=web');
    expect(pods.length).toBe(3);
    const sink = recordingSink<WorkloadLogEvent>();
    const w = new WorkloadLogs(t.core.connection(ADMIN).http, { context: ADMIN, namespace: 'demo', owner: { kind: 'Deployment', name: 'web' }, tailLines: 50 }, sink);
    w.start();
    // 3 pods × (web + init-config) backlogs.
    await eventually(() => new Set(lines(sink.events).map((l) => `${l.pod}/${l.container}`)).size === 6, 30_000, 'lines from every pod and container');
    await eventually(() => lastSources(sink.events).length === 6, 10_000, 'six sources');
    await eventually(() => pods.every((p) => lines(sink.events).filter((l) => l.pod === p && l.container === 'web').length >= 20), 20_000, 'every backlog');
    w.stop();
    const got = lines(sink.events);
    expect(new Set(got.map((l) => l.pod))).toEqual(new Set(pods));
    expect(new Set(lastSources(sink.events).map((s) => s.container))).toEqual(new Set(['web', 'init-config']));
    // Merged by timestamp: never goes back in time.
    for (let i = 1; i < got.length; i++) expect(tsKey(got[i].ts!) >= tsKey(got[i - 1].ts!), `${got[i - 1].ts} then ${got[i].ts}`).toBe(true);
    // Each pod's web lines are its whole backlog, in order.
    for (const pod of pods) {
      const mine = got.filter((l) => l.pod === pod && l.container === 'web').map((l) => l.text);
      expect(mine.slice(0, 20).map((t) => /request id=(\d+) /.exec(t)?.[1])).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    }
    expect(sink.events.find((e) => e.type === 'state' && e.state === 'streaming')).toBeDefined();
  });

  it('pods joining and leaving are followed live', async () => {
    const http = t.core.connection(ADMIN).http;
    const deployment = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'joiner' },
      spec: {
        replicas: 1, selector: { matchLabels: { app: 'joiner' } },
        template: { metadata: { labels: { app: 'joiner' } }, spec: { containers: [{ name: 'api', image: 'ghcr.io/wheelhouse-demo/api:1.1.0' }] } },
      },
    };
    await http.request('POST', `/apis/apps/v1/namespaces/${t.ns}/deployments`, { body: deployment });
    await eventually(async () => (await runningPods(t.core, ADMIN, t.ns, 'app=joiner')).length === 1, 60_000, 'one running pod');
    const sink = recordingSink<WorkloadLogEvent>();
    const w = new WorkloadLogs(http, { context: ADMIN, namespace: t.ns, selector: 'app=joiner', tailLines: 2 }, sink);
    w.start();
    await eventually(() => lastSources(sink.events).length === 1 && lines(sink.events).length >= 2, 30_000, 'the first pod');

    const scale = (n: number) => http.request('PATCH', `/apis/apps/v1/namespaces/${t.ns}/deployments/joiner/scale`, { body: { spec: { replicas: n } }, contentType: 'application/merge-patch+json' });
    await scale(2);
    const two = await eventually(async () => {
      const pods = await runningPods(t.core, ADMIN, t.ns, 'app=joiner');
      return pods.length === 2 ? pods : undefined;
    }, 60_000, 'two running pods');
    await eventually(() => lastSources(sink.events).length === 2, 30_000, 'the new pod among the sources');
    // The api log gets a heartbeat every 2 s: the new pod's lines arrive too.
    await eventually(() => two.every((p) => lines(sink.events).some((l) => l.pod === p)), 30_000, 'lines from both pods');

    await scale(1);
    await eventually(() => lastSources(sink.events).length === 1, 60_000, 'the removed pod to leave');
    w.stop();
  });

  it('a selector that matches nothing is an empty stream; an owner that does not exist is an error', async () => {
    const a = recordingSink<WorkloadLogEvent>();
    const w1 = new WorkloadLogs(t.core.connection(ADMIN).http, { context: ADMIN, namespace: t.ns, selector: 'app=nobody' }, a);
    w1.start();
    await eventually(() => a.events.some((e) => e.type === 'sources'), 20_000, 'an (empty) sources event');
    expect(lastSources(a.events)).toEqual([]);
    w1.stop();

    const b = recordingSink<WorkloadLogEvent>();
    const w2 = new WorkloadLogs(t.core.connection(ADMIN).http, { context: ADMIN, namespace: t.ns, owner: { kind: 'StatefulSet', name: 'ghost' } }, b);
    w2.start();
    await eventually(() => b.events.some((e) => e.type === 'state' && e.state === 'error'), 20_000, 'an error state');
    w2.stop();
  });
});
