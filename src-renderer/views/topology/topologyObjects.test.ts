import { describe, expect, it } from 'vitest';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import { collectObjects } from './topologyObjects';
import { topologyKind } from './topologyKinds';

describe('collectObjects', () => {
  it('gives objects without kind/apiVersion those of the list they came in, keeping identity per input', () => {
    const bare = { uid: 'a', kind: '', apiVersion: '', name: 'web', namespace: 'demo', health: { status: 'Healthy' } } as TopoObject;
    const full = { uid: 'b', kind: 'Service', apiVersion: 'v1', name: 'web', namespace: 'demo', health: { status: 'Healthy' } } as TopoObject;
    const lists = [
      { kind: topologyKind('Deployment')!, items: new Map([['a', bare]]) },
      { kind: topologyKind('Service')!, items: new Map([['b', full]]) },
    ];
    const first = collectObjects(lists);
    expect(first.map((o) => [o.kind, o.apiVersion])).toEqual([['Deployment', 'apps/v1'], ['Service', 'v1']]);
    expect(first[1]).toBe(full);
    expect(collectObjects(lists)[0]).toBe(first[0]);
  });
});
