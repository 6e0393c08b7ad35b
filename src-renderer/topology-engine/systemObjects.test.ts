import { describe, expect, it } from 'vitest';
import { isSystemObject, withoutSystemObjects } from './systemObjects';
import { configMap, demoNamespace } from '../testing/topologyTestObjects';

describe('system objects', () => {
  const d = demoNamespace('demo', 2);

  it('leaves kube-root-ca.crt out of the graph, and the input untouched when there is none', () => {
    const root = configMap('kube-root-ca.crt');
    expect(withoutSystemObjects([...d.all, root])).toEqual(d.all);
    expect(withoutSystemObjects(d.all)).toBe(d.all);
    expect(isSystemObject(d.cm)).toBe(false);
  });
});
