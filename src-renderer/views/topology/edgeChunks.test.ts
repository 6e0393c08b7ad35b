import { describe, expect, it } from 'vitest';
import { cachedEdgeChunks, cubicLength, edgeChunks, parseCubic, pointAt, splitAt, type Cubic } from './edgeChunks';

const long: Cubic = { p0: { x: 0, y: 0 }, c1: { x: 2000, y: 0 }, c2: { x: -1000, y: 9000 }, p3: { x: 1000, y: 9000 } };

describe('edgeChunks', () => {
  it('reads the path React Flow\'s getBezierPath writes', () => {
    expect(parseCubic('M10,20 C60.5,20 -40,300 100,300')).toEqual({ p0: { x: 10, y: 20 }, c1: { x: 60.5, y: 20 }, c2: { x: -40, y: 300 }, p3: { x: 100, y: 300 } });
    expect(parseCubic('M1e2,2 C3,4 5,6 7,8')?.p0).toEqual({ x: 100, y: 2 });
    // Not a single cubic: left alone.
    expect(parseCubic('M0,0 L10,10')).toBeUndefined();
    expect(parseCubic('M0,0 C1,1 2,2 3,3 C4,4 5,5 6,6')).toBeUndefined();
  });

  it('the two halves of a cut lie on the curve', () => {
    const [head, tail] = splitAt(long, 0.25);
    for (const u of [0, 0.3, 0.5, 1]) {
      const a = pointAt(head, u);
      const b = pointAt(long, u * 0.25);
      expect(a.x).toBeCloseTo(b.x, 6);
      expect(a.y).toBeCloseTo(b.y, 6);
      const c = pointAt(tail, u);
      const d = pointAt(long, 0.25 + u * 0.75);
      expect(c.x).toBeCloseTo(d.x, 6);
      expect(c.y).toBeCloseTo(d.y, 6);
    }
  });

  it('a short edge stays one path; a long one is cut into pieces of about the given length that join end to end', () => {
    const short: Cubic = { p0: { x: 0, y: 0 }, c1: { x: 50, y: 0 }, c2: { x: 50, y: 100 }, p3: { x: 100, y: 100 } };
    expect(edgeChunks(short, 600)).toEqual([{ d: 'M0,0 C50,0 50,100 100,100', offset: 0, box: { x0: 0, y0: 0, x1: 100, y1: 100 } }]);

    const total = cubicLength(long, 64);
    const pieces = edgeChunks(long, 600);
    expect(pieces.length).toBe(Math.ceil(cubicLength(long, 16) / 600));
    const cubics = pieces.map((p) => parseCubic(p.d)!);
    expect(cubics[0].p0).toEqual(long.p0);
    expect(cubics.at(-1)!.p3).toEqual(long.p3);
    for (let i = 1; i < cubics.length; i++) expect(cubics[i].p0).toEqual(cubics[i - 1].p3);
    // Each piece's box holds its points.
    for (const [i, c] of cubics.entries()) {
      for (const u of [0, 0.25, 0.5, 0.75, 1]) {
        const p = pointAt(c, u);
        const b = pieces[i].box;
        expect(p.x >= b.x0 - 0.01 && p.x <= b.x1 + 0.01 && p.y >= b.y0 - 0.01 && p.y <= b.y1 + 0.01).toBe(true);
      }
    }
    // Each piece is short (equal steps of t: within a factor of the mean), and its dash offset is the
    // length drawn before it.
    let before = 0;
    for (let i = 0; i < cubics.length; i++) {
      const len = cubicLength(cubics[i], 16);
      expect(len).toBeLessThan((total / pieces.length) * 2);
      expect(Math.abs(pieces[i].offset - before)).toBeLessThan(total * 0.01);
      before += len;
    }
    expect(Math.abs(before - total)).toBeLessThan(total * 0.01);
  });

  it('caches the pieces of a path', () => {
    const path = 'M0,0 C2000,0 -1000,9000 1000,9000';
    const a = cachedEdgeChunks(path, 600);
    expect(a).toBe(cachedEdgeChunks(path, 600));
    expect(a).toEqual(edgeChunks(parseCubic(path)!, 600));
    expect(cachedEdgeChunks('M0,0 L1,1', 600)).toBeUndefined();
  });
});
