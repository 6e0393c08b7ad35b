import { describe, expect, it } from 'vitest';
import { hpaSummary } from './hpaStatus';

describe('hpaSummary', () => {
  it('pairs each metric with its current value and says the conditions in words', () => {
    const s = hpaSummary({
      spec: { minReplicas: 1, maxReplicas: 4, metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } },
      ] },
      status: {
        currentReplicas: 2, desiredReplicas: 4,
        currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 200, averageValue: '200m' } } }],
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 4' },
          { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' },
        ],
      },
    });
    expect(s).toMatchObject({ currentReplicas: 2, desiredReplicas: 4, minReplicas: 1, maxReplicas: 4 });
    expect(s.metrics).toEqual([
      { name: 'resource cpu', target: '50% of request', current: '200% (200m per pod)' },
      { name: 'resource memory', target: '100Mi per pod', current: '<unknown>' },
    ]);
    expect(s.conditions[0].words).toBe('Can change the replica count: the HPA controller was able to update the target scale to 4');
    expect(s.conditions[1].words).toMatch(/^Held at its minimum or maximum: /);
  });
});
