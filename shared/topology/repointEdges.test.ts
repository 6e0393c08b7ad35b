import { describe, expect, it } from 'vitest';
import { edgeId, type EdgeKind, type TopoEdge } from './edges';
import { repointEdges } from './repointEdges';

const edge = (kind: EdgeKind, source: string, target: string): TopoEdge => ({ id: edgeId(kind, source, target), kind, source, target });

describe('repointEdges', () => {
  const groupOfPod = new Map([['p1', 'g'], ['p2', 'g']]);
  const hidden = new Set(['oldrs']);
  const visible = (uid: string) => !hidden.has(uid);

  it('keeps edges between visible nodes, re-points folded pods\' edges at their group once per kind, drops the rest', () => {
    const out = repointEdges([
      edge('owns', 'dep', 'rs'),
      edge('owns', 'rs', 'p1'), edge('owns', 'rs', 'p2'),
      edge('selects', 'svc', 'p1'), edge('selects', 'svc', 'p2'),
      edge('mounts', 'p1', 'cm'), edge('mounts', 'p2', 'cm'),
      edge('owns', 'dep', 'oldrs'), edge('owns', 'oldrs', 'p1'),
      edge('mounts', 'p1', 'p2'),
    ], groupOfPod, visible);
    expect(out.map((e) => e.id).sort()).toEqual([
      edgeId('mounts', 'g', 'cm'), edgeId('owns', 'dep', 'rs'), edgeId('owns', 'rs', 'g'), edgeId('selects', 'svc', 'g'),
    ].sort());
  });

  it('gives the same result whatever the input order', () => {
    const edges = [edge('owns', 'rs', 'p1'), edge('owns', 'dep', 'rs'), edge('selects', 'svc', 'p2')];
    expect(repointEdges([...edges].reverse(), groupOfPod, visible)).toEqual(repointEdges(edges, groupOfPod, visible));
  });
});
