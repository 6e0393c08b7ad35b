import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../model/kubeObject';
import { podReferences, projectTopoObject } from './topologyObject';

const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'shop', uid: `uid-${name}`, creationTimestamp: '2026-01-01T00:00:00Z', resourceVersion: '7', ...extra });

describe('projectTopoObject', () => {
  it('keeps identity, owners and health, and drops everything else', () => {
    const pod: KubeObject = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: {
        ...meta('web-1', { labels: { app: 'web' }, annotations: { big: 'x'.repeat(1000) }, generation: 1 }),
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'uid-rs', controller: true, blockOwnerDeletion: true }],
      },
      spec: { containers: [{ name: 'a', image: 'img:1' }], nodeName: 'node-1' },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'a', ready: true, restartCount: 2, state: { running: {} } }] },
    };
    expect(projectTopoObject(pod)).toEqual({
      uid: 'uid-web-1', kind: 'Pod', apiVersion: 'v1', name: 'web-1', namespace: 'shop', labels: { app: 'web' },
      creationTimestamp: '2026-01-01T00:00:00Z',
      ownerReferences: [{ uid: 'uid-rs', kind: 'ReplicaSet', name: 'web-abc', controller: true }],
      health: { status: 'Healthy' },
      images: ['img:1'],
      pod: { phase: 'Running', reason: 'Running', ready: 1, total: 1, restartCount: 2, nodeName: 'node-1', configMaps: [], secrets: [], pvcs: [], podReady: true },
    });
  });

  it('takes kind and apiVersion from the caller for LIST items, which carry neither', () => {
    const item: KubeObject = { metadata: meta('data'), spec: { volumeName: 'pv-1' }, status: { phase: 'Pending' } };
    const o = projectTopoObject(item, { kind: 'PersistentVolumeClaim', apiVersion: 'v1' });
    expect(o.kind).toBe('PersistentVolumeClaim');
    expect(o.health.status).toBe('Progressing');
    expect(o.pvc).toEqual({ phase: 'Pending', volumeName: 'pv-1' });
  });

  it('marks objects being deleted', () => {
    const o = projectTopoObject({ apiVersion: 'v1', kind: 'Pod', metadata: meta('p', { deletionTimestamp: '2026-01-02T00:00:00Z' }), spec: {}, status: { phase: 'Running' } });
    expect(o.deleting).toBe(true);
    expect(o.pod?.reason).toBe('Terminating');
  });

  it('projects a Deployment: selector with expressions, replica counts, revision, images, paused', () => {
    const o = projectTopoObject({
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: meta('web', { annotations: { 'deployment.kubernetes.io/revision': '4' }, generation: 2 }),
      spec: {
        replicas: 3, paused: true,
        selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] },
        template: { spec: { containers: [{ name: 'a', image: 'web:2' }, { name: 'b', image: 'proxy:1' }, { name: 'c', image: 'web:2' }] } },
      },
      status: { replicas: 4, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3 },
    });
    expect(o.selector).toEqual({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] });
    expect(o.replicas).toEqual({ desired: 3, updated: 2, ready: 3, available: 3, current: 4 });
    expect(o.revision).toBe('4');
    expect(o.images).toEqual(['web:2', 'proxy:1']);
    expect(o.paused).toBe(true);
    expect(o.health.status).toBe('Suspended');
  });

  it('projects DaemonSet counts from its own status fields', () => {
    const o = projectTopoObject({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta('agent'), spec: { selector: { matchLabels: { app: 'a' } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 1, numberAvailable: 2 } });
    expect(o.replicas).toEqual({ desired: 3, updated: 1, ready: 2, available: 2, current: 3 });
    expect(o.revision).toBeUndefined();
  });

  it('projects a ReplicaSet at 0 with its revision', () => {
    const o = projectTopoObject({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('web-old', { annotations: { 'deployment.kubernetes.io/revision': '1' } }), spec: { replicas: 0 }, status: { replicas: 0 } });
    expect(o.replicas).toEqual({ desired: 0, updated: 0, ready: 0, available: 0, current: 0 });
    expect(o.revision).toBe('1');
  });

  it("turns a Service's selector map into matchLabels, and an empty one into none", () => {
    const svc = (selector: any) => projectTopoObject({ apiVersion: 'v1', kind: 'Service', metadata: meta('web'), spec: { type: 'NodePort', clusterIP: '10.0.0.1', selector, ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } });
    expect(svc({ app: 'web' }).selector).toEqual({ matchLabels: { app: 'web' } });
    expect(svc({}).selector).toBeUndefined();
    expect(svc(undefined).selector).toBeUndefined();
    expect(svc(undefined).service).toMatchObject({ type: 'NodePort', clusterIP: '10.0.0.1', ports: ['80:30080/TCP'] });
  });

  it('collects Ingress backends from rules and the default backend, v1 and v1beta1', () => {
    const v1 = projectTopoObject({
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('web'),
      spec: {
        ingressClassName: 'nginx', defaultBackend: { service: { name: 'fallback', port: { number: 80 } } },
        rules: [{ host: 'b.example', http: { paths: [{ backend: { service: { name: 'web' } } }, { backend: { service: { name: 'api' } } }] } }, { host: 'a.example', http: { paths: [{ backend: { service: { name: 'web' } } }] } }, { http: { paths: [{ backend: { resource: { kind: 'Bucket', name: 'b' } } }] } }],
      },
    });
    expect(v1.ingress).toMatchObject({ backends: ['api', 'fallback', 'web'], hosts: ['a.example', 'b.example'], className: 'nginx' });
    expect(v1.ingress?.rules?.map((r) => r.service)).toEqual(['web', 'api', 'web', undefined, 'fallback']);
    const beta = projectTopoObject({ apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: meta('old'), spec: { backend: { serviceName: 'legacy', servicePort: 80 }, rules: [{ http: { paths: [{ backend: { serviceName: 'other' } }] } }] } });
    expect(beta.ingress?.backends).toEqual(['legacy', 'other']);
  });

  it('projects an HPA target and replica counts', () => {
    const o = projectTopoObject({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: meta('web'), spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 10 }, status: { currentReplicas: 3, desiredReplicas: 5 } });
    expect(o.hpa).toEqual({ target: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 10, currentReplicas: 3, desiredReplicas: 5 });
  });

  it('projects Job counts, finished and suspend, and CronJob schedule', () => {
    const job = projectTopoObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: meta('j'), spec: { completions: 3, parallelism: 2, suspend: true, template: { spec: { containers: [{ image: 'job:1' }] } } }, status: { succeeded: 1, failed: 2, conditions: [{ type: 'Failed', status: 'True' }] } });
    expect(job.job).toEqual({ completions: 3, parallelism: 2, succeeded: 1, failed: 2, active: 0, finished: true });
    expect(job.suspended).toBe(true);
    expect(job.images).toEqual(['job:1']);
    const cron = projectTopoObject({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('c'), spec: { schedule: '0 2 * * *', suspend: true, jobTemplate: { spec: { template: { spec: { containers: [{ image: 'r:1' }] } } } } }, status: { active: [{ name: 'c-1' }], lastScheduleTime: '2026-01-01T02:00:00Z' } });
    expect(cron.cronJob).toEqual({ schedule: '0 2 * * *', lastScheduleTime: '2026-01-01T02:00:00Z', active: 1 });
    expect(cron.suspended).toBe(true);
    expect(cron.images).toEqual(['r:1']);
  });

  it('projects PersistentVolumes and EndpointSlices', () => {
    const pv = projectTopoObject({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-1', uid: 'pv' }, spec: { capacity: { storage: '5Gi' }, storageClassName: 'standard', claimRef: { namespace: 'shop', name: 'data' } }, status: { phase: 'Bound' } });
    expect(pv.namespace).toBeUndefined();
    expect(pv.pv).toEqual({ phase: 'Bound', storageClass: 'standard', capacity: '5Gi', claim: { namespace: 'shop', name: 'data' } });
    const slice = projectTopoObject({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta('web-abc', { labels: { 'kubernetes.io/service-name': 'web' } }), endpoints: [{ conditions: { ready: true } }, { conditions: {} }, { conditions: { ready: false } }] } as KubeObject);
    expect(slice.endpointSlice).toMatchObject({ serviceName: 'web', ready: 2, total: 3 });
    expect(slice.endpointSlice?.endpoints?.map((e) => e.ready)).toEqual([true, true, false]);
  });
});

describe('pod status reason', () => {
  const reason = (status: any) => projectTopoObject({ apiVersion: 'v1', kind: 'Pod', metadata: meta('p'), spec: { containers: [{ name: 'a' }] }, status }).pod?.reason;
  it('names what kubectl would', () => {
    expect(reason({ phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } } }] })).toBe('CrashLoopBackOff');
    expect(reason({ phase: 'Failed', reason: 'Evicted' })).toBe('Evicted');
    expect(reason({ phase: 'Pending', initContainerStatuses: [{ state: { terminated: { exitCode: 0 } } }, { state: { waiting: { reason: 'PodInitializing' } } }] })).toBe('Init:1/2');
    expect(reason({ phase: 'Pending', initContainerStatuses: [{ state: { waiting: { reason: 'ImagePullBackOff' } } }] })).toBe('Init:ImagePullBackOff');
    expect(reason({ phase: 'Running', initContainerStatuses: [{ started: true, state: { running: {} } }], containerStatuses: [{ state: { running: {} } }] })).toBe('Running');
    expect(reason({ phase: 'Running', containerStatuses: [{ state: { terminated: { reason: 'OOMKilled' } } }] })).toBe('OOMKilled');
    expect(reason({ phase: 'Succeeded', containerStatuses: [{ state: { terminated: { reason: 'Completed' } } }] })).toBe('Succeeded');
  });
});

describe('podReferences', () => {
  it('finds ConfigMaps, Secrets and claims in volumes, projected volumes, env and envFrom of every container', () => {
    const refs = podReferences({
      volumes: [
        { name: 'a', configMap: { name: 'cm-vol' } },
        { name: 'b', secret: { secretName: 'sec-vol' } },
        { name: 'c', persistentVolumeClaim: { claimName: 'data' } },
        { name: 'd', projected: { sources: [{ configMap: { name: 'cm-proj' } }, { secret: { name: 'sec-proj' } }, { serviceAccountToken: { path: 't' } }] } },
        { name: 'e', emptyDir: {} },
      ],
      initContainers: [{ envFrom: [{ secretRef: { name: 'sec-init' } }] }],
      containers: [
        { env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cm-env', key: 'x' } } }, { name: 'Y', valueFrom: { secretKeyRef: { name: 'sec-env', key: 'y' } } }, { name: 'Z', value: 'z' }] },
        { envFrom: [{ configMapRef: { name: 'cm-from' } }, { configMapRef: { name: 'cm-vol' } }] },
      ],
    });
    expect(refs).toEqual({
      configMaps: ['cm-env', 'cm-from', 'cm-proj', 'cm-vol'],
      secrets: ['sec-env', 'sec-init', 'sec-proj', 'sec-vol'],
      pvcs: ['data'],
    });
  });
  it('copes with a pod spec that has none', () => expect(podReferences(undefined)).toEqual({ configMaps: [], secrets: [], pvcs: [] }));
});

describe('service-account volume', () => {
  it('does not link every pod to kube-root-ca.crt through the injected kube-api-access volume, but keeps explicit projections', () => {
    const pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { uid: 'p', name: 'p', namespace: 'n' },
      spec: { containers: [{ name: 'c' }], volumes: [
        { name: 'kube-api-access-x', projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'kube-root-ca.crt' } }] } },
        { name: 'mine', projected: { sources: [{ configMap: { name: 'kube-root-ca.crt' } }] } },
      ] },
    } as any;
    const onlyInjected = { ...pod, spec: { ...pod.spec, volumes: [pod.spec.volumes[0]] } };
    expect(projectTopoObject(onlyInjected).pod?.configMaps).toEqual([]);
    expect(projectTopoObject(pod).pod?.configMaps).toEqual(['kube-root-ca.crt']);
  });
});

describe('a ReplicationController in the topology', () => {
  it('carries its plain-map spec.selector (not an empty selector that matches every pod), replicas and images', () => {
    const rc = projectTopoObject({
      apiVersion: 'v1', kind: 'ReplicationController', metadata: meta('legacy'),
      spec: { replicas: 2, selector: { app: 'legacy' }, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'c', image: 'registry.example/legacy:1' }] } } },
      status: { replicas: 2, readyReplicas: 1, availableReplicas: 1 },
    });
    expect(rc.selector).toEqual({ matchLabels: { app: 'legacy' } });
    expect(rc.replicas).toMatchObject({ desired: 2, current: 2, ready: 1 });
    expect(rc.images).toEqual(['registry.example/legacy:1']);
  });
});
