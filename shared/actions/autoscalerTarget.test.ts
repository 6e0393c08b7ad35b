import { describe, expect, it } from 'vitest';
import { autoscalerTargets, scaleTargetGroup } from './autoscalerTarget';

describe('the HPA rule', () => {
  const web = { group: 'apps', kind: 'Deployment', name: 'web' };
  it('matches kind, name and the group of apiVersion', () => {
    expect(autoscalerTargets({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, web)).toBe(true);
    expect(autoscalerTargets({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, web)).toBe(false);
    expect(autoscalerTargets({ apiVersion: 'example.com/v1', kind: 'Deployment', name: 'web' }, web)).toBe(false);
    expect(autoscalerTargets({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web' }, web)).toBe(false);
    expect(autoscalerTargets(undefined, web)).toBe(false);
  });
  it('takes the built-in kind group when apiVersion is absent', () => {
    expect(autoscalerTargets({ kind: 'Deployment', name: 'web' }, web)).toBe(true);
    expect(scaleTargetGroup({ kind: 'ReplicationController' })).toBe('');
    expect(scaleTargetGroup({ kind: 'Widget' })).toBe('');
  });
});
