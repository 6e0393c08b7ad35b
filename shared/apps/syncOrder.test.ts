import { describe, expect, it } from 'vitest';
import { sortForSync } from './syncOrder';
import { differingPaths } from './normalizeForDiff';

describe('sortForSync', () => {
  it('puts Namespaces and CRDs first, custom resources last, stable otherwise', () => {
    const items = [
      { apiVersion: 'example.com/v1', kind: 'Widget' }, { apiVersion: 'apps/v1', kind: 'Deployment' },
      { apiVersion: 'v1', kind: 'Service' }, { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' },
      { apiVersion: 'v1', kind: 'ConfigMap' }, { apiVersion: 'v1', kind: 'Namespace' },
    ];
    expect(sortForSync(items, (x) => x).map((x) => x.kind)).toEqual(['Namespace', 'CustomResourceDefinition', 'ConfigMap', 'Deployment', 'Service', 'Widget']);
  });
});

describe('differingPaths', () => {
  it('walks lists and quotes odd keys', () => {
    expect(differingPaths({ a: [{ i: 1 }, { i: 2 }], 'x/y': 1 }, { a: [{ i: 1 }, { i: 3 }], 'x/y': 2 })).toEqual(['a[1].i', '["x/y"]']);
  });
});
