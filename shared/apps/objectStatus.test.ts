import { describe, expect, it } from 'vitest';
import { conflictManagersOf, decideStatus, summarizeSync } from './objectStatus';

const live = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w', uid: 'u', resourceVersion: '5', generation: 2, managedFields: [{ manager: 'a' }] }, spec: { replicas: 3 }, status: { replicas: 3 } };

describe('decideStatus', () => {
  it('is Synced when only server noise differs', () => {
    const wouldBe = { ...live, metadata: { ...live.metadata, resourceVersion: '6', managedFields: [{ manager: 'b' }] } };
    expect(decideStatus(wouldBe, live).state).toBe('Synced');
  });
  it('names the differing paths', () => {
    const d = decideStatus({ ...live, spec: { replicas: 2 }, metadata: { ...live.metadata, labels: { 'a.b/c': 'x' } } }, live);
    expect(d.state).toBe('OutOfSync');
    expect(d.paths).toEqual(['metadata.labels', 'spec.replicas']);
  });
  it('is Missing without a live object', () => {
    expect(decideStatus(undefined, undefined).state).toBe('Missing');
  });
  it('mentions conflicting managers', () => {
    expect(decideStatus({ ...live, spec: { replicas: 2 } }, live, ['kubectl-scale']).reason).toMatch(/kubectl-scale/);
  });
});

describe('summarizeSync and conflicts', () => {
  it('summarizes', () => {
    expect(summarizeSync(['Synced', 'Synced'])).toBe('Synced');
    expect(summarizeSync(['Synced', 'Extra'])).toBe('OutOfSync');
    expect(summarizeSync(['Synced', 'Error'])).toBe('Unknown');
  });
  it('reads manager names from 409 causes', () => {
    expect(conflictManagersOf([{ message: 'conflict with "kubectl-scale" using apps/v1', field: '.spec.replicas' }])).toEqual(['kubectl-scale']);
  });
});
