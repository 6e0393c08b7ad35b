import { describe, expect, it } from 'vitest';
import { buildFromForm, initialValues, visibleFields, type BuildEnv } from './createForms';
import { CreateInputError } from '../../../shared/create/createInput';

const env: BuildEnv = {
  files: [],
  resolve: (r) => (r === 'pods' ? { group: '', resource: 'pods' } : undefined),
  cronJob: async (ns, name) => ({ metadata: { name, namespace: ns, uid: 'u' }, spec: { jobTemplate: { spec: { parallelism: 1 } } } }),
};

describe('the New forms', () => {
  it('start from the shown namespace and the flags’ defaults; fields follow the chosen variant', () => {
    expect(initialValues('deployment', 'shop')).toMatchObject({ namespace: 'shop', replicas: '1', name: '' });
    expect(visibleFields('service', { type: 'NodePort' }).map((f) => f.key)).toContain('nodePort');
    expect(visibleFields('service', { type: 'LoadBalancer' }).map((f) => f.key)).not.toContain('nodePort');
    expect(visibleFields('job', { from: 'cronjob' }).map((f) => f.key)).toEqual(['name', 'namespace', 'from', 'cronjob']);
  });

  it('lines are repeated flags; a missing namespace is said on the namespace field', async () => {
    const d = await buildFromForm('deployment', { name: 'web', namespace: 'shop', images: 'nginx\n\nbusybox', replicas: '2', port: '' }, env);
    expect(d.spec.template.spec.containers.map((c: any) => c.image)).toEqual(['nginx', 'busybox']);
    await expect(buildFromForm('deployment', { name: 'web', namespace: '', images: 'nginx' }, env)).rejects.toMatchObject({ field: 'namespace' });
    await expect(buildFromForm('role', { name: 'r', namespace: 'n', verbs: 'get', resources: 'gizmos' }, env)).rejects.toBeInstanceOf(CreateInputError);
  });

  it('a Job from a CronJob reads it and builds the trigger’s Job; an unreadable one is said on its field', async () => {
    const job = await buildFromForm('job', { name: 'now', namespace: 'n', from: 'cronjob', cronjob: 'nightly' }, env);
    expect(job.metadata.ownerReferences[0]).toMatchObject({ kind: 'CronJob', name: 'nightly' });
    await expect(buildFromForm('job', { name: 'now', namespace: 'n', from: 'cronjob', cronjob: 'x' }, { ...env, cronJob: async () => { throw new Error('not found'); } }))
      .rejects.toMatchObject({ field: 'cronjob', message: 'CronJob x in n could not be read: not found' });
  });
});
