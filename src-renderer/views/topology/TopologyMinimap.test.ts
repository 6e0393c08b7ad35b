import { describe, expect, it } from 'vitest';
import { minimapPaths } from './TopologyMinimap';
import type { TopologyFlowNode } from './flowModel';

const node = (id: string, x: number, y: number, health: string, hidden = false) =>
  ({ id, type: 'object', position: { x, y }, width: 256, height: 100, hidden, data: { health } }) as unknown as TopologyFlowNode;
const colorOf = (n: TopologyFlowNode) => (n.data as unknown as { health: string }).health;

describe('minimapPaths', () => {
  it('draws one path per colour over the shown nodes, inside padded bounds', () => {
    const { box, paths } = minimapPaths([node('a', 0, 0, 'green'), node('b', 300, 200, 'red'), node('c', 0, 400, 'green'), node('h', 5000, 5000, 'red', true)], colorOf);
    expect(new Map(paths)).toEqual(new Map([
      ['green', 'M0,0h256v100h-256zM0,400h256v100h-256z'],
      ['red', 'M300,200h256v100h-256z'],
    ]));
    // Bounds 0..556 × 0..500, padded by 4 % of the larger side; the hidden node is left out.
    const pad = 556 * 0.04;
    expect(box).toEqual({ x: -pad, y: -pad, width: 556 + 2 * pad, height: 500 + 2 * pad });
  });

  it('has an empty drawing for an empty graph', () => {
    expect(minimapPaths([], colorOf)).toEqual({ box: { x: 0, y: 0, width: 1, height: 1 }, paths: [] });
  });
});
