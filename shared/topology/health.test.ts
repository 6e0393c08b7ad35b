import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../model/kubeObject';
import { computeHealth, HEALTH_ORDER, isWorse, rollupHealth, worstHealth, type HealthStatus } from './health';

const k = (apiVersion: string, kind: string, spec: any, status: any, meta: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion, kind, metadata: { name: 'x', namespace: 'ns', uid: 'u', ...meta }, spec, status });
const status = (o: KubeObject) => computeHealth(o).status;

describe('Deployment', () => {
  const dep = (spec: any, st: any, generation = 1) => k('apps/v1', 'Deployment', { replicas: 3, ...spec }, { observedGeneration: 1, ...st }, { generation });
  const done = { replicas: 3, updatedReplicas: 3, availableReplicas: 3, readyReplicas: 3 };
  it('is Healthy when rolled out', () => expect(status(dep({}, done))).toBe('Healthy'));
  it('is Suspended when paused, whatever its status', () => expect(computeHealth(dep({ paused: true }, {}))).toEqual({ status: 'Suspended', message: 'Deployment is paused' }));
  it('is Progressing until the controller observes the generation', () => expect(status(dep({}, done, 2))).toBe('Progressing'));
  it('is Degraded past its progress deadline', () => {
    const h = computeHealth(dep({}, { ...done, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] }));
    expect(h.status).toBe('Degraded');
    expect(h.message).toMatch(/exceeded its progress deadline/);
  });
  it('is Progressing while updated < desired', () => expect(computeHealth(dep({}, { ...done, updatedReplicas: 2 })).message).toMatch(/2 out of 3 new replicas/));
  it('is Progressing while old replicas terminate', () => expect(computeHealth(dep({}, { ...done, replicas: 4 })).message).toMatch(/1 old replicas are pending/));
  it('is Progressing while updated replicas are not available', () => expect(computeHealth(dep({}, { ...done, availableReplicas: 2 })).message).toMatch(/2 of 3 updated replicas/));
});

describe('StatefulSet', () => {
  const sts = (spec: any, st: any) => k('apps/v1', 'StatefulSet', { replicas: 2, ...spec }, { observedGeneration: 1, ...st }, { generation: 1 });
  it('is Progressing before the spec is observed', () => expect(status(sts({}, { observedGeneration: 0 }))).toBe('Progressing'));
  it('is Progressing while pods are not ready', () => expect(status(sts({}, { readyReplicas: 1 }))).toBe('Progressing'));
  it('waits for a partitioned rollout', () => {
    const strategy = { type: 'RollingUpdate', rollingUpdate: { partition: 1 } };
    expect(status(sts({ updateStrategy: strategy, replicas: 3 }, { readyReplicas: 3, updatedReplicas: 1 }))).toBe('Progressing');
    expect(status(sts({ updateStrategy: strategy, replicas: 3 }, { readyReplicas: 3, updatedReplicas: 2 }))).toBe('Healthy');
  });
  it('is Healthy with OnDelete once ready', () => expect(status(sts({ updateStrategy: { type: 'OnDelete' } }, { readyReplicas: 2, updateRevision: 'b', currentRevision: 'a' }))).toBe('Healthy'));
  it('compares revisions without a rollingUpdate block', () => {
    expect(status(sts({}, { readyReplicas: 2, updateRevision: 'b', currentRevision: 'a' }))).toBe('Progressing');
    expect(status(sts({}, { readyReplicas: 2, updateRevision: 'a', currentRevision: 'a' }))).toBe('Healthy');
  });
});

describe('DaemonSet', () => {
  const ds = (st: any, strategy = 'RollingUpdate') => k('apps/v1', 'DaemonSet', { updateStrategy: { type: strategy } }, { observedGeneration: 1, desiredNumberScheduled: 3, ...st }, { generation: 1 });
  it('is Progressing while pods update', () => expect(status(ds({ updatedNumberScheduled: 2, numberAvailable: 3 }))).toBe('Progressing'));
  it('is Progressing while pods are unavailable', () => expect(status(ds({ updatedNumberScheduled: 3, numberAvailable: 2 }))).toBe('Progressing'));
  it('is Healthy when all are updated and available', () => expect(status(ds({ updatedNumberScheduled: 3, numberAvailable: 3 }))).toBe('Healthy'));
  it('is Healthy with OnDelete', () => expect(status(ds({ updatedNumberScheduled: 0 }, 'OnDelete'))).toBe('Healthy'));
});

describe('ReplicaSet', () => {
  const rs = (st: any, replicas = 2) => k('apps/v1', 'ReplicaSet', { replicas }, { observedGeneration: 1, ...st }, { generation: 1 });
  it('is Degraded on ReplicaFailure', () => expect(computeHealth(rs({ conditions: [{ type: 'ReplicaFailure', status: 'True', message: 'quota exceeded' }] }))).toEqual({ status: 'Degraded', message: 'quota exceeded' }));
  it('is Progressing while replicas are unavailable', () => expect(status(rs({ availableReplicas: 1 }))).toBe('Progressing'));
  it('is Healthy at 0 desired', () => expect(status(rs({}, 0))).toBe('Healthy'));
});

describe('Pod', () => {
  const pod = (st: any, restartPolicy?: string) => k('v1', 'Pod', restartPolicy ? { restartPolicy } : {}, st);
  const waiting = (reason: string) => ({ name: 'app', state: { waiting: { reason, message: `msg ${reason}` } } });
  it.each(['CrashLoopBackOff', 'ImagePullBackOff', 'ErrImagePull', 'CreateContainerConfigError'])('%s is Degraded', (reason) => {
    expect(computeHealth(pod({ phase: 'Pending', containerStatuses: [waiting(reason)] }))).toEqual({ status: 'Degraded', message: `msg ${reason}` });
  });
  it('counts stuck init containers too', () => expect(status(pod({ phase: 'Pending', initContainerStatuses: [waiting('CrashLoopBackOff')] }))).toBe('Degraded'));
  it('leaves waiting reasons of run-to-completion pods to the phase', () => {
    expect(status(pod({ phase: 'Pending', containerStatuses: [waiting('ImagePullBackOff')] }, 'Never'))).toBe('Progressing');
  });
  it('is Progressing while ContainerCreating', () => expect(status(pod({ phase: 'Pending', containerStatuses: [waiting('ContainerCreating')] }))).toBe('Progressing'));
  it('is Healthy when Succeeded', () => expect(status(pod({ phase: 'Succeeded' }, 'OnFailure'))).toBe('Healthy'));
  it('is Degraded when Failed, with the best message', () => {
    expect(computeHealth(pod({ phase: 'Failed', message: 'evicted' }))).toEqual({ status: 'Degraded', message: 'evicted' });
    expect(computeHealth(pod({ phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }] })).message).toBe('OOMKilled');
    expect(computeHealth(pod({ phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 2 } } }] })).message).toBe('container "app" failed with exit code 2');
  });
  it('is Healthy when Running and Ready', () => expect(status(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }))).toBe('Healthy'));
  it('is Degraded when Running, not Ready and restarted', () => {
    expect(status(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [{ name: 'app', lastState: { terminated: { exitCode: 1 } } }] }))).toBe('Degraded');
  });
  it('is Progressing when Running, not Ready, never restarted', () => expect(status(pod({ phase: 'Running', containerStatuses: [{ name: 'app', state: { running: {} } }] }))).toBe('Progressing'));
  it('is Progressing when a run-to-completion pod runs', () => expect(status(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }, 'OnFailure'))).toBe('Progressing'));
  it('is Unknown in phase Unknown', () => expect(status(pod({ phase: 'Unknown' }))).toBe('Unknown'));
  it('is Progressing while being deleted', () => {
    expect(computeHealth({ ...pod({ phase: 'Running' }), metadata: { name: 'p', deletionTimestamp: '2026-01-01T00:00:00Z' } })).toEqual({ status: 'Progressing', message: 'Pending deletion' });
  });
});

describe('Job and CronJob', () => {
  const job = (spec: any, conditions: any[]) => k('batch/v1', 'Job', spec, { conditions });
  it('is Progressing while running', () => expect(status(job({}, []))).toBe('Progressing'));
  it('is Healthy when complete', () => expect(status(job({}, [{ type: 'Complete', status: 'True' }]))).toBe('Healthy'));
  it('is Degraded when failed', () => expect(computeHealth(job({}, [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }]))).toEqual({ status: 'Degraded', message: 'Job has reached the specified backoff limit' }));
  it('ignores interim success conditions', () => expect(status(job({}, [{ type: 'SuccessCriteriaMet', status: 'True' }]))).toBe('Progressing'));
  it('is Suspended by spec or condition', () => {
    expect(status(job({ suspend: true }, []))).toBe('Suspended');
    expect(status(job({}, [{ type: 'Suspended', status: 'True' }]))).toBe('Suspended');
  });
  it('is Progressing again once resumed', () => expect(status(job({ suspend: false }, [{ type: 'Suspended', status: 'False', reason: 'JobResumed' }]))).toBe('Progressing'));
  const cron = (spec: any, st: any) => k('batch/v1', 'CronJob', { schedule: '* * * * *', ...spec }, st);
  it('CronJob: suspend → Suspended', () => expect(status(cron({ suspend: true }, {}))).toBe('Suspended'));
  it('CronJob: no status → Progressing; never scheduled → Healthy', () => {
    expect(status(cron({}, undefined))).toBe('Progressing');
    expect(status(cron({}, {}))).toBe('Healthy');
  });
  it('CronJob: last run failed → Degraded; running or succeeded → Healthy', () => {
    expect(status(cron({}, { lastScheduleTime: '2026-01-02T00:00:00Z', lastSuccessfulTime: '2026-01-01T00:00:00Z' }))).toBe('Degraded');
    expect(status(cron({}, { lastScheduleTime: '2026-01-02T00:00:00Z', lastSuccessfulTime: '2026-01-01T00:00:00Z', active: [{ name: 'j' }] }))).toBe('Healthy');
    expect(status(cron({}, { lastScheduleTime: '2026-01-02T00:00:00Z', lastSuccessfulTime: '2026-01-02T00:01:00Z' }))).toBe('Healthy');
  });
});

describe('PVC, Service, Ingress', () => {
  const pvc = (phase?: string) => k('v1', 'PersistentVolumeClaim', {}, phase ? { phase } : {});
  it.each([['Bound', 'Healthy'], ['Pending', 'Progressing'], ['Lost', 'Degraded'], [undefined, 'Unknown']])('PVC %s → %s', (phase, expected) => expect(status(pvc(phase))).toBe(expected));
  it('Service: LoadBalancer without an address is Progressing', () => {
    expect(status(k('v1', 'Service', { type: 'LoadBalancer' }, { loadBalancer: {} }))).toBe('Progressing');
    expect(status(k('v1', 'Service', { type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } }))).toBe('Healthy');
    expect(status(k('v1', 'Service', { type: 'ClusterIP' }, {}))).toBe('Healthy');
  });
  it('Ingress: Healthy only with an address', () => {
    expect(status(k('networking.k8s.io/v1', 'Ingress', {}, { loadBalancer: {} }))).toBe('Progressing');
    expect(status(k('networking.k8s.io/v1', 'Ingress', {}, { loadBalancer: { ingress: [{ hostname: 'lb' }] } }))).toBe('Healthy');
  });
});

describe('HorizontalPodAutoscaler', () => {
  const hpa = (conditions: any[]) => k('autoscaling/v2', 'HorizontalPodAutoscaler', {}, { conditions });
  const ableToScale = { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale' };
  it('is Healthy when able to scale', () => expect(status(hpa([ableToScale]))).toBe('Healthy'));
  it('is Degraded when it cannot read the target scale', () => expect(status(hpa([{ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: 'no scale' }]))).toBe('Degraded'));
  it('is Degraded when metrics fail, even after AbleToScale=True', () => {
    const h = computeHealth(hpa([ableToScale, { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'no metrics' }]));
    expect(h).toEqual({ status: 'Degraded', message: 'no metrics' });
  });
  it('is not Degraded when scaling is disabled at 0 replicas', () => expect(status(hpa([ableToScale, { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled' }]))).toBe('Healthy'));
  it('is Progressing without a telling condition', () => expect(status(hpa([{ type: 'ScalingLimited', status: 'False' }]))).toBe('Progressing'));
  it('reads autoscaling/v1 conditions from the annotation', () => {
    const v1 = k('autoscaling/v1', 'HorizontalPodAutoscaler', {}, {}, { annotations: { 'autoscaling.alpha.kubernetes.io/conditions': JSON.stringify([{ type: 'ScalingActive', status: 'False', reason: 'InvalidSelector' }]) } });
    expect(status(v1)).toBe('Degraded');
    expect(status(k('autoscaling/v1', 'HorizontalPodAutoscaler', {}, {}))).toBe('Progressing');
  });
  it('is Unknown when the annotation is not JSON', () => {
    const bad = k('autoscaling/v1', 'HorizontalPodAutoscaler', {}, {}, { annotations: { 'autoscaling.alpha.kubernetes.io/conditions': '{' } });
    expect(status(bad)).toBe('Unknown');
  });
});

describe('kinds without a rule', () => {
  it.each([['v1', 'ConfigMap'], ['v1', 'Secret'], ['v1', 'PersistentVolume'], ['discovery.k8s.io/v1', 'EndpointSlice'], ['example.com/v1', 'Deployment']])('%s %s is Healthy', (apiVersion, kind) => {
    expect(computeHealth(k(apiVersion, kind, {}, {}))).toEqual({ status: 'Healthy' });
  });
});

describe('order and rollup', () => {
  it("follows Argo's healthOrder", () => {
    expect(HEALTH_ORDER).toEqual(['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown']);
    expect(isWorse('Progressing', 'Degraded')).toBe(true);
    expect(isWorse('Degraded', 'Missing')).toBe(false);
    expect(isWorse('Degraded', 'Unknown')).toBe(true);
    expect(worstHealth(['Suspended', 'Healthy', 'Progressing'])).toBe('Progressing');
    expect(worstHealth([])).toBe('Healthy');
  });
  it('keeps the parent when no child is worse', () => {
    const parent: HealthStatus = { status: 'Progressing', message: 'rolling' };
    expect(rollupHealth(parent, [{ status: 'Healthy' }, { status: 'Suspended' }])).toBe(parent);
    expect(rollupHealth(parent, [])).toBe(parent);
  });
  it('takes the worst child and says how many', () => {
    const h = rollupHealth({ status: 'Healthy' }, [{ status: 'Degraded', message: 'CrashLoopBackOff' }, { status: 'Healthy' }, { status: 'Degraded' }, { status: 'Progressing' }]);
    expect(h).toEqual({ status: 'Degraded', message: '2 of 4 children Degraded: CrashLoopBackOff' });
  });
  it('a Suspended parent shows a Degraded child', () => expect(rollupHealth({ status: 'Suspended' }, [{ status: 'Degraded' }]).status).toBe('Degraded'));
});
