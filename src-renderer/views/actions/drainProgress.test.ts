import { describe, expect, it } from 'vitest';
import { applyDrainEvent, initialDrain, notEvicted } from './drainProgress';
import type { DrainEvent } from '../../../shared/contract/actions';

describe('drainProgress', () => {
  it('follows a drain from plan to report, with PDB-blocked pods reported as not evicted', () => {
    const events: DrainEvent[] = [
      { type: 'cordoned', node: 'n1', changed: true },
      { type: 'plan', evict: [{ namespace: 'a', name: 'p1' }, { namespace: 'a', name: 'p2' }], skipped: [{ namespace: 'kube-system', name: 'ds-x', reason: 'DaemonSet-managed' }], refused: [] },
      { type: 'pod', pod: { namespace: 'a', name: 'p1' }, state: 'evicting' },
      { type: 'pod', pod: { namespace: 'a', name: 'p2' }, state: 'retrying', attempt: 2, message: 'Cannot evict pod as it would violate the pod\'s disruption budget.' },
      { type: 'pod', pod: { namespace: 'a', name: 'p1' }, state: 'gone' },
      { type: 'done', result: {
        node: 'n1', outcome: 'blocked', message: '1 pod could not be evicted', evicted: [{ namespace: 'a', name: 'p1' }],
        blocked: [{ namespace: 'a', name: 'p2', reason: 'PodDisruptionBudget pdb allows no disruption' }], failed: [], skipped: [{ namespace: 'kube-system', name: 'ds-x', reason: 'DaemonSet-managed' }], refused: [], warnings: [],
      } },
    ];
    const s = events.reduce(applyDrainEvent, initialDrain);
    expect(s.phase).toBe('done');
    expect(s.cordonChanged).toBe(true);
    expect(s.pods.map((p) => [p.name, p.state])).toEqual([['p1', 'gone'], ['p2', 'blocked']]);
    expect(s.pods[1].message).toBe('PodDisruptionBudget pdb allows no disruption');
    expect(notEvicted(s)).toEqual([{ namespace: 'a', name: 'p2', why: 'PodDisruptionBudget pdb allows no disruption', kind: 'blocked' }]);
    expect(s.skipped).toHaveLength(1);
  });
});

describe('a drain that ends early', () => {
  it('leaves no pod "waiting" once it is over', () => {
    let s = applyDrainEvent(initialDrain, { type: 'plan', evict: [{ namespace: 'a', name: 'p1' }, { namespace: 'a', name: 'p2' }], skipped: [], refused: [] });
    s = applyDrainEvent(s, { type: 'pod', pod: { namespace: 'a', name: 'p1' }, state: 'evicting' });
    s = applyDrainEvent(s, { type: 'done', result: { node: 'n', outcome: 'cancelled', message: 'cancelled', evicted: [], blocked: [], failed: [], skipped: [], refused: [], warnings: [] } });
    expect(s.pods.map((p) => p.state)).toEqual(['untouched', 'untouched']);
    expect(s.pods[0].message).toBe('not evicted: the drain ended cancelled');
  });
});
