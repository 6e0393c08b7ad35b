import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NamespaceTimeline } from './workloadTimeline';
import { ADMIN, eventually, newCore, randomName } from '../../testing/testCluster';
import { deploymentManifest, kubectl } from '../../testing/twinTestKit';
import { scaleWorkload } from '../actions/scale';
import type { Core } from '../core';
import type { KubeHttp } from '../cluster/kubeHttp';
import type { TimelineEntry, TimelineEvent } from '../../../shared/contract/timeline';

describe('workload timeline, recorded from the watch of a namespace (real test cluster)', () => {
  let core: Core;
  let http: KubeHttp;
  let ns: string;
  let timeline: NamespaceTimeline;

  beforeAll(async () => {
    core = newCore();
    http = core.connection(ADMIN).http;
    ns = randomName('wh-timeline');
    await http.request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns, labels: { 'wheelhouse.dev/test': 'timeline' } } } });
    await eventually(() => http.request('GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`), 30_000, 'default service account');
    await kubectl(['create', '-n', ns, '-f', '-'], { input: JSON.stringify(deploymentManifest('web', 'nginx:1.25', 1)) });
    await kubectl(['rollout', 'status', '-n', ns, 'deployment/web', '--timeout=60s']);
  });
  afterAll(async () => {
    await timeline?.stop();
    if (ns) await http.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => undefined);
    await core.dispose();
  });

  it('records creation, then scale, image, restart and the new ReplicaSets, each with the manager that made it', async () => {
    timeline = new NamespaceTimeline(core.hub, ADMIN, ns);
    const entries: TimelineEntry[] = [];
    const events: TimelineEvent[] = [];
    const unsubscribe = timeline.subscribe('Deployment', 'web', (e) => {
      events.push(e);
      if (e.type === 'snapshot') entries.splice(0, entries.length, ...e.entries);
      if (e.type === 'entry') entries.push(e.entry);
    });
    // The history it starts with: creation and revision 1, from the cluster (not observed live).
    await eventually(() => entries.some((e) => e.kind === 'revision' && e.revision === 1), 30_000, 'revision 1 from history');
    expect(entries.every((e) => !e.observed)).toBe(true);
    expect(entries[0]).toMatchObject({ kind: 'created', summary: 'Deployment web created' });
    await eventually(() => events.some((e) => e.type === 'freshness' && e.freshness.state === 'live') || timeline.freshness().state === 'live', 30_000, 'live');

    await scaleWorkload(http, { namespace: ns, kind: 'Deployment', name: 'web', replicas: 3 });
    const scale = await eventually(() => entries.find((e) => e.kind === 'scale'), 30_000, 'scale entry');
    expect(scale).toMatchObject({ summary: 'Scaled 1 → 3', manager: 'wheelhouse', subresource: 'scale', observed: true });

    await kubectl(['set', 'image', '-n', ns, 'deployment/web', 'main=nginx:1.26']);
    const image = await eventually(() => entries.find((e) => e.kind === 'image'), 30_000, 'image entry');
    expect(image).toMatchObject({ summary: 'main: nginx:1.25 → nginx:1.26', manager: 'kubectl-set' });
    const rs2 = await eventually(() => entries.find((e) => e.kind === 'revision' && e.observed && e.revision === 2), 30_000, 'revision 2');
    expect(rs2.summary).toMatch(/^New ReplicaSet web-[a-z0-9]+: revision 2 \(nginx:1\.26\)$/);

    await kubectl(['rollout', 'restart', '-n', ns, 'deployment/web']);
    const restart = await eventually(() => entries.find((e) => e.kind === 'restart'), 30_000, 'restart entry');
    expect(restart.manager).toBe('kubectl-rollout');

    // Ordered by id, increasing; the time of a live entry is when it was seen.
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => a - b));
    unsubscribe();
  });
});
