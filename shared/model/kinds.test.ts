import { describe, expect, it } from 'vitest';
import { RolloutKind, ScalableKind } from '../contract/actions';
import { WorkloadOwnerKind } from '../contract/streams';
import { apiVersionOf, isScaleTarget, KINDS, kindInfo, LOG_KINDS, RESTARTABLE_KINDS, ROLLOUT_KINDS, SCALABLE_KINDS, WORKLOAD_KINDS } from './kinds';

const sorted = (s: Iterable<string>) => [...s].sort();

describe('the kinds table', () => {
  it('has one row per kind and per resource', () => {
    expect(new Set(KINDS.map((k) => k.kind)).size).toBe(KINDS.length);
    expect(new Set(KINDS.map((k) => `${k.group}/${k.resource}`)).size).toBe(KINDS.length);
  });

  it('answers per kind what kubectl polymorphichelpers answer', () => {
    expect(sorted(SCALABLE_KINDS)).toEqual(['Deployment', 'ReplicaSet', 'StatefulSet']);
    expect(sorted(RESTARTABLE_KINDS)).toEqual(['DaemonSet', 'Deployment', 'StatefulSet']);
    expect(sorted(ROLLOUT_KINDS)).toEqual(['DaemonSet', 'Deployment', 'StatefulSet']);
    expect(sorted(LOG_KINDS)).toEqual(['DaemonSet', 'Deployment', 'Job', 'Pod', 'ReplicaSet', 'StatefulSet']);
    expect(sorted(WORKLOAD_KINDS)).toEqual(['CronJob', 'DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);
    expect(KINDS.filter((k) => k.pausable).map((k) => k.kind)).toEqual(['Deployment']);
  });

  it('agrees with the contract: the kinds each action and stream accepts are the table capabilities', () => {
    expect(sorted(ScalableKind.options)).toEqual(sorted(SCALABLE_KINDS));
    expect(sorted(RolloutKind.options)).toEqual(sorted(ROLLOUT_KINDS));
    expect(sorted(WorkloadOwnerKind.options)).toEqual(sorted([...LOG_KINDS].filter((k) => k !== 'Pod')));
  });

  it('addresses kinds like the API server', () => {
    expect(apiVersionOf(kindInfo('Deployment')!)).toBe('apps/v1');
    expect(apiVersionOf(kindInfo('Pod')!)).toBe('v1');
    expect(kindInfo('Node')?.namespaced).toBe(false);
    expect(kindInfo('Widget')).toBeUndefined();
  });

  it('offers scaling only where nothing scales it back', () => {
    expect(isScaleTarget('ReplicaSet', [])).toBe(true);
    expect(isScaleTarget('ReplicaSet', [{ controller: true }])).toBe(false);
    expect(isScaleTarget('Deployment', undefined)).toBe(true);
    expect(isScaleTarget('DaemonSet', undefined)).toBe(false);
  });
});
