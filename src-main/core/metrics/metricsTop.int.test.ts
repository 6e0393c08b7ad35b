// What Wheelhouse shows for pods and nodes equals `kubectl top` from the same metrics window, and the
// reasons it gives when there is nothing to show are the real ones (real test cluster, kubectl as oracle).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, LIMITED, eventually, newCore, randomName } from '../../testing/testCluster';
import { kubectl } from '../../testing/twinTestKit';
import { recordingSink } from '../../testing/streamTesting';
import { DEFAULT_METRICS_SETTINGS, metricsHandlers } from './metricsHandlers';
import type { Core } from '../core';
import type { NamespaceMetricsEvent, NodeMetricsEvent, PodMetricsEvent, UsageHistoryEvent } from '../../../shared/contract/metrics';
import { formatCpu, formatMemory, formatPercent, nodePercent, podMilliCpu } from '../../../shared/metrics/topFormat';
import type { Handlers } from '../handlers';

const FAST = { ...DEFAULT_METRICS_SETTINGS, intervalMs: 1000, lingerMs: 100 };
const stamps = (items: { metadata?: { name: string }; name?: string; timestamp: string }[]) =>
  items.map((i) => `${i.metadata?.name ?? i.name}@${i.timestamp}`).sort().join(',');
const rows = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/));

function subscribe<E>(h: Handlers, topic: string, params: unknown) {
  const sink = recordingSink<E>();
  const end = ((h.topics as Record<string, any>)[topic])(params, sink) as () => void;
  return { sink, end, last: () => sink.events[sink.events.length - 1] };
}

describe('metrics: Wheelhouse and kubectl top agree, from the same window (real cluster with metrics-server)', () => {
  let core: Core;
  let h: Handlers;
  let ns: string;
  const ends: (() => void)[] = [];

  beforeAll(async () => {
    core = newCore();
    h = metricsHandlers(core, FAST);
    ns = randomName('wh-metrics');
    await kubectl(['create', 'namespace', ns]);
    await eventually(() => kubectl(['get', '-n', ns, 'serviceaccount', 'default']), 30_000, 'default service account');
    // Two containers at 120m / 35Mi each (KWOK usage annotations): the pod figure is their exact sum.
    const busy = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'busy', namespace: ns },
      spec: {
        replicas: 3, selector: { matchLabels: { app: 'busy' } },
        template: {
          metadata: { labels: { app: 'busy' }, annotations: { 'kwok.x-k8s.io/usage-cpu': '120m', 'kwok.x-k8s.io/usage-memory': '35Mi' } },
          spec: { containers: ['main', 'side'].map((name) => ({ name, image: 'busybox:1.36', resources: { requests: { cpu: '200m', memory: '64Mi' }, limits: { memory: '128Mi' } } })) },
        },
      },
    };
    const tiny = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'tiny', namespace: ns }, spec: { containers: [{ name: 'tiny', image: 'busybox:1.36' }] } };
    await kubectl(['apply', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [busy, tiny] }) });
    // metrics-server reports a pod after two scrapes (15 s apart).
    await eventually(async () => rows(await kubectl(['top', 'pod', '-n', ns, '--no-headers']).catch(() => '')).length === 4, 120_000,
      'kubectl top to list all 4 pods (is metrics-server running? see ~/.cache/wheelhouse/clusters/<name>/logs/metrics-server.log)');
  }, 180_000);
  afterAll(async () => {
    for (const e of ends) e();
    await kubectl(['delete', 'namespace', ns, '--wait=false']).catch(() => undefined);
    await core?.dispose();
  });

  it('shows every pod of a namespace with the CPU and memory kubectl top pod prints', async () => {
    const sub = subscribe<PodMetricsEvent>(h, 'metrics.pods', { context: ADMIN, namespace: ns });
    ends.push(sub.end);
    const compared = await eventually(async () => {
      const raw1 = JSON.parse(await kubectl(['get', '--raw', `/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods`])).items;
      const top = rows(await kubectl(['top', 'pod', '-n', ns, '--no-headers']));
      const raw2 = JSON.parse(await kubectl(['get', '--raw', `/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods`])).items;
      const ev = sub.last();
      // Same window on both sides: kubectl's read sat between two identical raw reads, and ours matches them.
      if (ev?.type !== 'pods' || stamps(raw1) !== stamps(raw2) || stamps(ev.pods) !== stamps(raw1) || top.length !== 4) return undefined;
      return { top, pods: ev.pods };
    }, 60_000, 'a Wheelhouse sample from the window kubectl top read');
    const ours = compared.pods.map((p) => [p.name, formatCpu(podMilliCpu(p.containers.map((c) => c.cpuNanos))), formatMemory(p.containers.reduce((a, c) => a + c.memoryBytes, 0))]);
    expect(ours.sort()).toEqual(compared.top.sort());
    // And the simulated figures are what the pods were told to use (not zeros that happen to agree).
    const busy = compared.top.filter(([name]) => name.startsWith('busy-'));
    expect(busy.map(([, , mem]) => mem)).toEqual(['70Mi', '70Mi', '70Mi']);
    for (const [, cpu] of busy) expect(Number(cpu.slice(0, -1))).toBeGreaterThanOrEqual(239);
    // Requests ride along for the bars: 2 × 200m, 2 × 64Mi.
    expect(compared.pods.find((p) => p.name.startsWith('busy-'))?.resources).toEqual({ cpuRequest: 400, memoryRequest: 134217728, memoryLimit: 268435456 });
  }, 90_000);

  it('shows every node with the CPU, CPU%, memory and memory% kubectl top node prints', async () => {
    const sub = subscribe<NodeMetricsEvent>(h, 'metrics.nodes', { context: ADMIN });
    ends.push(sub.end);
    const compared = await eventually(async () => {
      const raw1 = JSON.parse(await kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes'])).items;
      const top = rows(await kubectl(['top', 'node', '--no-headers']));
      const raw2 = JSON.parse(await kubectl(['get', '--raw', '/apis/metrics.k8s.io/v1beta1/nodes'])).items;
      const ev = sub.last();
      if (ev?.type !== 'nodes' || stamps(raw1) !== stamps(raw2) || stamps(ev.nodes) !== stamps(raw1) || ev.nodes.some((n) => !n.allocatable)) return undefined;
      return { top, nodes: ev.nodes };
    }, 60_000, 'a Wheelhouse node sample from the window kubectl top read');
    const ours = compared.nodes.map((n) => {
      const milli = Math.ceil(n.cpuNanos / 1e6);
      return [n.name, formatCpu(milli), formatPercent(nodePercent(milli, n.allocatable!.cpuMilli!)), formatMemory(n.memoryBytes), formatPercent(nodePercent(n.memoryBytes, n.allocatable!.memoryBytes!))];
    });
    expect(ours.sort()).toEqual(compared.top.sort());
    expect(compared.top.length).toBeGreaterThanOrEqual(3);
  }, 90_000);

  it('sums a workload\'s pods (its selector, as kubectl top pod -l) into one series per round', async () => {
    const sub = subscribe<UsageHistoryEvent>(h, 'metrics.history', { context: ADMIN, kind: 'Workload', namespace: ns, name: 'busy', selector: 'app=busy' });
    ends.push(sub.end);
    const ev = await eventually(() => { const l = sub.last(); return l?.type === 'history' && l.series[0].samples.length >= 1 ? l : undefined; }, 60_000, 'a summed history');
    // The oracle: kubectl top's per-pod figures of the same selector, summed (KWOK's usage is constant).
    const top = rows(await kubectl(['top', 'pod', '-n', ns, '-l', 'app=busy', '--no-headers']));
    expect(top).toHaveLength(3);
    const milli = top.reduce((a, r) => a + Number(r[1].replace(/m$/, '')), 0);
    const mi = top.reduce((a, r) => a + Number(r[2].replace(/Mi$/, '')), 0);
    expect(ev.type === 'history' && ev.series.map((s) => s.key)).toEqual(['pods']);
    // The history keeps whole millicores per container (usageHistory.ts), kubectl top rounds each pod's
    // nanocore sum up: the chart may be under kubectl by less than 1m per pod, never more.
    const last = ev.type === 'history' ? ev.series[0].samples.at(-1)! : undefined;
    expect(last?.memoryBytes).toBe(mi * 1048576);
    expect(milli - last!.cpuNanos / 1e6).toBeGreaterThanOrEqual(0);
    expect(milli - last!.cpuNanos / 1e6).toBeLessThanOrEqual(top.length);
    // A selector that matches nothing says so.
    const none = subscribe<UsageHistoryEvent>(h, 'metrics.history', { context: ADMIN, kind: 'Workload', namespace: ns, name: 'ghost', selector: 'app=ghost' });
    ends.push(none.end);
    const e2 = await eventually(() => none.last(), 30_000, 'an event for a workload without pods');
    expect(e2).toMatchObject({ type: 'unavailable', unavailable: { reason: 'no-samples', message: 'ghost has no pods (selector app=ghost)' } });
  }, 90_000);

  it('sums every namespace\'s pods from one cluster-wide read: a namespace equals the sum of kubectl top pod -n', async () => {
    const sub = subscribe<NamespaceMetricsEvent>(h, 'metrics.namespaces', { context: ADMIN });
    ends.push(sub.end);
    const ev = await eventually(() => { const l = sub.last(); return l?.type === 'namespaces' && l.namespaces.some((n) => n.name === ns) ? l : undefined; }, 60_000, 'namespace totals');
    const ours = ev.type === 'namespaces' ? ev.namespaces.find((n) => n.name === ns)! : undefined;
    const top = rows(await kubectl(['top', 'pod', '-n', ns, '--no-headers']));
    expect(ours?.pods).toBe(top.length);
    // kubectl rounds each pod up to a millicore and down to a MiB; the namespace sum is exact.
    const milli = top.reduce((a, r) => a + Number(r[1].replace(/m$/, '')), 0);
    const mi = top.reduce((a, r) => a + Number(r[2].replace(/Mi$/, '')), 0);
    expect(milli - ours!.cpuNanos / 1e6).toBeGreaterThanOrEqual(0);
    expect(milli - ours!.cpuNanos / 1e6).toBeLessThan(top.length);
    expect(ours!.memoryBytes / 1048576 - mi).toBeGreaterThanOrEqual(0);
    expect(ours!.memoryBytes / 1048576 - mi).toBeLessThan(top.length);
    // Every namespace kubectl top pod -A lists is there, with its pod count.
    const all = rows(await kubectl(['top', 'pod', '-A', '--no-headers']));
    const counts = new Map<string, number>();
    for (const r of all) counts.set(r[0], (counts.get(r[0]) ?? 0) + 1);
    const latest = sub.last();
    if (latest.type === 'namespaces') for (const name of counts.keys()) if (name !== ns) expect(latest.namespaces.find((x) => x.name === name)?.pods, name).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('says a user may not read pod metrics, naming the verb and resource (kubectl agrees)', async () => {
    const canI = await kubectl(['auth', 'can-i', 'list', 'pods.metrics.k8s.io', '-n', 'demo'], { context: LIMITED }).catch((e) => String(e.stdout ?? e.message));
    expect(canI.trim()).toMatch(/^no/);
    await expect(kubectl(['top', 'pod', '-n', 'demo'], { context: LIMITED })).rejects.toThrow(/forbidden/i);
    const sub = subscribe<PodMetricsEvent>(h, 'metrics.pods', { context: LIMITED, namespace: 'demo' });
    ends.push(sub.end);
    const ev = await eventually(() => sub.last(), 20_000, 'first event');
    expect(ev).toMatchObject({ type: 'unavailable', unavailable: { reason: 'forbidden', verb: 'list', resource: 'pods.metrics.k8s.io' } });
    if (ev.type === 'unavailable') expect(ev.unavailable.message).toMatch(/^Not allowed to list pods\.metrics\.k8s\.io in namespace demo: .*limited-user/);
  }, 60_000);

  it('says a new pod has no samples yet, then its history grows', async () => {
    await kubectl(['run', 'fresh', '-n', ns, '--image=busybox:1.36', '--annotations=kwok.x-k8s.io/usage-cpu=50m']);
    const sub = subscribe<UsageHistoryEvent>(h, 'metrics.history', { context: ADMIN, kind: 'Pod', namespace: ns, name: 'fresh' });
    ends.push(sub.end);
    const first = await eventually(() => sub.last(), 20_000, 'first history event');
    expect(first).toMatchObject({ type: 'unavailable', unavailable: { reason: 'no-samples' } });
    const sizes = () => sub.sink.events.flatMap((e) => (e.type === 'history' ? [e.series[0].samples.length] : []));
    await eventually(() => Math.max(0, ...sizes()) >= 2, 120_000, 'two samples in the history of the new pod');
    const last = sub.last();
    expect(last.type === 'history' && last.series.map((s) => s.key)).toEqual(['fresh']);
    if (last.type === 'history') expect(last.series[0].samples.at(-1)!.cpuNanos).toBe(50e6);
  }, 150_000);
});
