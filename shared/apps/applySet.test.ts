import { describe, expect, it } from 'vitest';
import { applySetId, parentAnnotations, parentRefusal, readParent, secretParent } from './applySet';

describe('applySet', () => {
  it('computes the id of kubectl\'s test vector (Secret my-set in namespace test)', async () => {
    expect(await applySetId(secretParent('my-set', 'test'))).toBe('applyset-0eFHV8ySqp7XoShsGvyWFQD3s96yqwHmzc4e0HR1dsY-v1');
  });
  it('writes sorted group kinds and the other namespaces', () => {
    const a = parentAnnotations([
      { kind: 'Deployment', group: 'apps', namespace: 'a' }, { kind: 'ConfigMap', group: '', namespace: 'b' },
      { kind: 'Namespace', group: '' }, { kind: 'ConfigMap', group: '', namespace: 'a' },
    ], 'a');
    expect(a['applyset.kubernetes.io/contains-group-kinds']).toBe('ConfigMap,Deployment.apps,Namespace');
    expect(a['applyset.kubernetes.io/additional-namespaces']).toBe('b');
    expect(a['applyset.kubernetes.io/tooling']).toMatch(/^kubectl\//);
  });
  it('reads a parent and refuses foreign tooling or a wrong id', () => {
    const scope = readParent({ metadata: { namespace: 'a', labels: { 'applyset.kubernetes.io/id': 'x' }, annotations: {
      'applyset.kubernetes.io/contains-group-kinds': 'ConfigMap,Widget.example.com', 'applyset.kubernetes.io/additional-namespaces': 'b', 'applyset.kubernetes.io/tooling': 'kubectl/v1.35.4' } } });
    expect(scope.groupKinds).toEqual([{ kind: 'ConfigMap', group: '' }, { kind: 'Widget', group: 'example.com' }]);
    expect(scope.namespaces).toEqual(['a', 'b']);
    expect(parentRefusal(scope, 'x')).toBeUndefined();
    expect(parentRefusal(scope, 'y')).toMatch(/expected "y"/);
    expect(parentRefusal({ ...scope, tooling: 'helm/v3' }, 'x')).toMatch(/"helm"/);
  });
});
