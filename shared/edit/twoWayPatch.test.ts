import { describe, expect, it } from 'vitest';
import { deepEqual, jsonMergePatch, strategicMergePatch, type PatchMetaLookup } from './twoWayPatch';

// The few fields of a Deployment these tests touch, as the cluster's OpenAPI describes them.
const meta: PatchMetaLookup = (path) => {
  const p = path.join('.');
  if (p === 'spec.template.spec.containers') return { mergeKey: 'name', strategies: ['merge'] };
  if (p === 'spec.template.spec.containers.env') return { mergeKey: 'name', strategies: ['merge'] };
  if (p === 'metadata.finalizers') return { strategies: ['merge'] };
  if (p === 'spec.strategy') return { strategies: ['retainKeys'] };
  return { strategies: [] };
};

const deploy = (over: any = {}) => ({
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '3' }, ...over.metadata },
  spec: {
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } },
    template: { spec: { containers: [
      { name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
      { name: 'side', image: 'busybox' },
    ] } },
    ...over.spec,
  },
});

describe('strategicMergePatch (CreateTwoWayMergePatch)', () => {
  it('sends only the changed scalar: nothing else, no controller annotation', () => {
    const a = deploy();
    const b = deploy({ spec: { replicas: 5 } });
    expect(strategicMergePatch(a, b, meta)).toEqual({ spec: { replicas: 5 } });
  });

  it('is empty when nothing changed', () => {
    expect(strategicMergePatch(deploy(), deploy(), meta)).toEqual({});
  });

  it('patches merge-keyed list items by key, with $setElementOrder, and deletes removed items', () => {
    const a = deploy();
    const b = structuredClone(a);
    b.spec.template.spec.containers[0].env = [{ name: 'B', value: '2' }, { name: 'C', value: '3' }];
    b.spec.template.spec.containers[1].image = 'busybox:1.36';
    expect(strategicMergePatch(a, b, meta)).toEqual({
      spec: { template: { spec: {
        containers: [
          { name: 'web', env: [{ name: 'C', value: '3' }, { name: 'A', $patch: 'delete' }], '$setElementOrder/env': [{ name: 'B' }, { name: 'C' }] },
          { name: 'side', image: 'busybox:1.36' },
        ],
        '$setElementOrder/containers': [{ name: 'web' }, { name: 'side' }],
      } } },
    });
  });

  it('removed keys become null; merge lists of scalars use $deleteFromPrimitiveList', () => {
    const a = deploy({ metadata: { finalizers: ['a', 'b'] } });
    const b = structuredClone(a);
    delete (b.metadata.labels as any).app;
    b.metadata.finalizers = ['b', 'c'];
    expect(strategicMergePatch(a, b, meta)).toEqual({ metadata: {
      labels: { app: null }, finalizers: ['c'], '$deleteFromPrimitiveList/finalizers': ['a'], '$setElementOrder/finalizers': ['b', 'c'],
    } });
  });

  it('adds $retainKeys where the strategy says so', () => {
    const a = deploy();
    const b = deploy({ spec: { strategy: { type: 'Recreate' } } });
    expect(strategicMergePatch(a, b, meta)).toEqual({ spec: { strategy: { type: 'Recreate', rollingUpdate: null, $retainKeys: ['type'] } } });
  });

  it('replaces lists without a merge strategy whole', () => {
    const a = { spec: { tolerations: [{ key: 'a' }] } };
    const b = { spec: { tolerations: [{ key: 'a' }, { key: 'b' }] } };
    expect(strategicMergePatch(a, b, meta)).toEqual({ spec: { tolerations: [{ key: 'a' }, { key: 'b' }] } });
  });
});

describe('jsonMergePatch (custom resources)', () => {
  it('replaces lists whole and nulls removed keys', () => {
    const a = { spec: { items: [1, 2], size: 'm', keep: true } };
    const b = { spec: { items: [2], keep: true } };
    expect(jsonMergePatch(a, b)).toEqual({ spec: { items: [2], size: null } });
  });
  it('deepEqual ignores key order', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
  });
});
