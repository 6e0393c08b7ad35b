import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleWorkload } from './scale';
import { createInBoth, createTwinNamespaces, deleteNamespaces, deploymentManifest, expectSameAt, kubectl, rolledOut, type TwinNamespaces } from '../../testing/twinTestKit';
import { ADMIN, LIMITED, newCore } from '../../testing/testCluster';
import type { Core } from '../core';
import type { KubeHttp } from '../cluster/kubeHttp';

describe('scale, like kubectl scale', () => {
  let core: Core;
  let http: KubeHttp;
  let twins: TwinNamespaces;

  beforeAll(async () => {
    core = newCore();
    http = core.connection(ADMIN).http;
    twins = await createTwinNamespaces(http, 'wh-scale');
  });
  afterAll(async () => {
    if (twins) await deleteNamespaces(http, twins.ours, twins.theirs);
    await core.dispose();
  });

  it('a Deployment through /scale ends exactly as `kubectl scale --replicas=3`', async () => {
    await createInBoth(twins, [deploymentManifest('web', 'nginx:1.25', 1)]);
    const r = await scaleWorkload(http, { namespace: twins.ours, kind: 'Deployment', name: 'web', replicas: 3 });
    await kubectl(['scale', '-n', twins.theirs, 'deployment/web', '--replicas=3']);
    expect(r).toMatchObject({ replicas: 3, previousReplicas: 1, dryRun: false, autoscalers: [], warnings: [], message: 'deployment.apps/web scaled' });
    const ours = await rolledOut(http, twins.ours, 'web');
    const theirs = await rolledOut(http, twins.theirs, 'web');
    expectSameAt(ours, theirs, ['metadata.generation', 'metadata.labels', 'metadata.annotations', 'spec', 'status.replicas', 'status.availableReplicas']);
    expect(ours.spec.replicas).toBe(3);
  });

  it('a StatefulSet too, and a server-side dry run changes nothing', async () => {
    const sts = {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' },
      spec: { replicas: 1, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:16' }] } } },
    };
    await createInBoth(twins, [sts]);
    const dry = await scaleWorkload(http, { namespace: twins.ours, kind: 'StatefulSet', name: 'db', replicas: 4, dryRun: true });
    expect(dry).toMatchObject({ replicas: 4, previousReplicas: 1, dryRun: true });
    expect((await http.request('GET', `/apis/apps/v1/namespaces/${twins.ours}/statefulsets/db`)).spec.replicas).toBe(1);

    await scaleWorkload(http, { namespace: twins.ours, kind: 'StatefulSet', name: 'db', replicas: 2 });
    await kubectl(['scale', '-n', twins.theirs, 'statefulset/db', '--replicas=2']);
    const ours = await http.request('GET', `/apis/apps/v1/namespaces/${twins.ours}/statefulsets/db`);
    const theirs = await http.request('GET', `/apis/apps/v1/namespaces/${twins.theirs}/statefulsets/db`);
    expectSameAt(ours, theirs, ['metadata.generation', 'metadata.annotations', 'spec']);
  });

  it('warns, and still scales, when a HorizontalPodAutoscaler targets the object', async () => {
    await createInBoth(twins, [deploymentManifest('auto', 'nginx:1.25', 1), {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'auto-hpa' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'auto' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] },
    }]);
    const r = await scaleWorkload(http, { namespace: twins.ours, kind: 'Deployment', name: 'auto', replicas: 2 });
    expect(r.replicas).toBe(2);
    expect(r.autoscalers).toEqual([{ name: 'auto-hpa', minReplicas: 1, maxReplicas: 5 }]);
    expect(r.warnings[0]).toMatch(/HorizontalPodAutoscaler "auto-hpa" manages the replicas of Deployment "auto"/);
  });

  it('is refused with `forbidden` and the reason when RBAC does not allow it, before any write', async () => {
    const limited = core.connection(LIMITED).http;
    await expect(scaleWorkload(limited, { namespace: twins.ours, kind: 'Deployment', name: 'web', replicas: 5 }))
      .rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/not allowed to get deployments\.apps\/scale "web" in namespace/) });
    expect((await http.request('GET', `/apis/apps/v1/namespaces/${twins.ours}/deployments/web`)).spec.replicas).toBe(3);
  });
});
