import { describe, expect, it } from 'vitest';
import { decideDeploymentUndo, PAUSED_MESSAGE } from './deploymentUndo';
import type { PodTemplate, ReplicaSet, Workload } from './workloadShapes';

const tpl = (image: string, hash?: string): PodTemplate => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'web', image }] },
});
const deployment = (image: string, extra: Partial<Workload['spec']> = {}, annotations: Record<string, string> = {}): Workload => ({
  metadata: {
    name: 'web', uid: 'd1',
    annotations: { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'a', ...annotations },
  },
  spec: { template: tpl(image), ...extra },
});
const rs = (revision: number, image: string, annotations: Record<string, string> = {}): ReplicaSet => ({
  metadata: {
    name: `web-${revision}`, creationTimestamp: `2026-01-0${revision}T00:00:00Z`,
    annotations: { 'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3', ...annotations },
    ownerReferences: [{ uid: 'd1', controller: true, kind: 'Deployment', name: 'web' }],
  },
  spec: { template: tpl(image, `h${revision}`) },
});
const history = [rs(1, 'nginx:1', { 'kubernetes.io/change-cause': 'first' }), rs(2, 'nginx:2'), rs(3, 'nginx:3')];

describe('decideDeploymentUndo', () => {
  it('rolls back to the previous revision with kubectl\'s JSON patch', () => {
    const d = decideDeploymentUndo(deployment('nginx:3'), history);
    expect(d).toEqual({
      action: 'patch', revision: 2, patchType: 'application/json-patch+json', template: tpl('nginx:2'),
      patch: [
        { op: 'replace', path: '/spec/template', value: tpl('nginx:2') },
        // The Deployment's bookkeeping annotations stay; the ReplicaSet's others come back; the
        // Deployment's other annotations ("team") are dropped, exactly as kubectl does.
        { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      ],
    });
  });

  it('copies the change-cause of the target revision back', () => {
    const d = decideDeploymentUndo(deployment('nginx:3'), history, 1);
    expect(d.action === 'patch' && (d.patch as any)[1].value).toEqual({
      'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'kubernetes.io/change-cause': 'first',
    });
    expect(d.action === 'patch' && d.revision).toBe(1);
  });

  it('finds the previous revision whatever the list order', () => {
    const d = decideDeploymentUndo(deployment('nginx:3'), [history[2], history[0], history[1]]);
    expect(d.action === 'patch' && d.revision).toBe(2);
  });

  it('refuses an unknown revision, a negative one, and no history, with kubectl\'s messages', () => {
    expect(decideDeploymentUndo(deployment('nginx:3'), history, 7)).toEqual({ action: 'refuse', reason: 'revision-not-found', message: 'unable to find specified revision 7 in history' });
    expect(decideDeploymentUndo(deployment('nginx:3'), history, -1)).toMatchObject({ action: 'refuse', message: 'unable to find specified revision -1 in history' });
    expect(decideDeploymentUndo(deployment('nginx:3'), [history[2]])).toEqual({ action: 'refuse', reason: 'no-history', message: 'no rollout history found for deployment "web"' });
  });

  it('refuses a paused deployment after finding the revision, as kubectl orders it', () => {
    expect(decideDeploymentUndo(deployment('nginx:3', { paused: true }), history)).toEqual({ action: 'refuse', reason: 'paused', message: PAUSED_MESSAGE });
    expect(decideDeploymentUndo(deployment('nginx:3', { paused: true }), history, 9)).toMatchObject({ action: 'refuse', reason: 'revision-not-found' });
  });

  it('skips when the current template already matches the target', () => {
    expect(decideDeploymentUndo(deployment('nginx:3'), history, 3)).toEqual({
      action: 'skip', revision: 3, message: 'skipped rollback (current template already matches revision 3)',
    });
  });

  it('ignores ReplicaSets the deployment does not control', () => {
    const foreign = { ...rs(9, 'evil'), metadata: { ...rs(9, 'evil').metadata, ownerReferences: [{ uid: 'other', controller: true, kind: 'Deployment', name: 'other' }] } };
    const d = decideDeploymentUndo(deployment('nginx:3'), [...history, foreign]);
    expect(d.action === 'patch' && d.revision).toBe(2);
  });
});
