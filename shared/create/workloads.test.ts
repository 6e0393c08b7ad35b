import { describe, expect, it } from 'vitest';
import { buildDeployment, buildJob, buildJobFromCronJob, buildNamespace, containerNameFromImage, manualJobName } from './workloads';
import { CreateInputError } from './createInput';

describe('kubectl create namespace / deployment / job', () => {
  it('namespace: name only, and a bad name is refused in the API server words', () => {
    expect(buildNamespace({ name: 'shop' })).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' }, spec: {}, status: {} });
    expect(() => buildNamespace({ name: 'Shop' })).toThrow(/RFC 1123 label/);
  });

  it('container names come from the image like kubectl (path, tag, digest; _ and . made unique)', () => {
    expect(containerNameFromImage('registry.k8s.io/pause:3.10')).toBe('pause');
    expect(containerNameFromImage('nginx@sha256:abc')).toBe('nginx');
    expect(containerNameFromImage('my_app.v2:1', () => 'xyz12')).toBe('my-app-v2-xyz12');
  });

  it('deployment: app=NAME labels and selector, replicas, the first container port, empty strategy/resources', () => {
    expect(buildDeployment({ name: 'web', namespace: 'foo', images: ['nginx:1.27'], replicas: 2, port: '80' })).toEqual({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { labels: { app: 'web' }, name: 'web', namespace: 'foo' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, strategy: {},
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx:1.27', name: 'nginx', ports: [{ containerPort: 80 }], resources: {} }] } } },
      status: {},
    });
    expect(buildDeployment({ name: 'web', namespace: 'foo', images: ['a', 'b'] }).spec.replicas).toBe(1);
    expect(() => buildDeployment({ name: 'web', namespace: 'foo', images: [] })).toThrow(CreateInputError);
    expect(() => buildDeployment({ name: 'web', namespace: '', images: ['x'] })).toThrow(/namespace/);
    expect(() => buildDeployment({ name: 'web', namespace: 'foo', images: ['x'], port: '70000' })).toThrow(/port/);
  });

  it('job: one container named after the job, restartPolicy Never, the command', () => {
    expect(buildJob({ name: 'j', namespace: 'n', image: 'busybox', command: ['sh', '-c', 'echo hi'] }).spec.template).toEqual({
      metadata: {}, spec: { containers: [{ command: ['sh', '-c', 'echo hi'], image: 'busybox', name: 'j', resources: {} }], restartPolicy: 'Never' },
    });
  });

  it('job from a cronjob: template labels and spec, annotations over instantiate=manual, controller owner', () => {
    const cj = { metadata: { name: 'nightly', namespace: 'n', uid: 'u1' }, spec: { jobTemplate: { metadata: { labels: { a: 'b' }, annotations: { x: 'y' } }, spec: { backoffLimit: 2 } } } };
    const job = buildJobFromCronJob('nightly-manual-abcde', cj);
    expect(job.metadata).toEqual({
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', x: 'y' }, labels: { a: 'b' }, name: 'nightly-manual-abcde', namespace: 'n',
      ownerReferences: [{ apiVersion: 'batch/v1', controller: true, kind: 'CronJob', name: 'nightly', uid: 'u1' }],
    });
    expect(job.spec).toEqual({ backoffLimit: 2 });
    expect(manualJobName('x'.repeat(70), () => 'abcde')).toHaveLength(63);
  });
});
