import { describe, expect, it } from 'vitest';
import { cullRegion, intersects, sameRect } from './cullRegion';

describe('cullRegion', () => {
  const inside = (r: ReturnType<typeof cullRegion>, x0: number, y0: number, x1: number, y1: number) => r.x0 <= x0 && r.y0 <= y0 && r.x1 >= x1 && r.y1 >= y1;

  it('holds the viewport with at least half a viewport of margin on every side', () => {
    for (const [tx, ty, zoom] of [[0, 0, 1], [-5000, 300, 0.6], [123, -9999, 2], [40, 40, 0.05]] as const) {
      const r = cullRegion([tx, ty, zoom], 1280, 800);
      const w = 1280 / zoom;
      const h = 800 / zoom;
      const x0 = -tx / zoom;
      const y0 = -ty / zoom;
      expect(inside(r, x0 - w / 2, y0 - w / 2, x0 + w * 1.5, y0 + h + w / 2)).toBe(true);
      // And not much more: at most 5 cells of at most the viewport's larger side.
      expect(r.x1 - r.x0).toBeLessThanOrEqual(5 * w);
    }
  });

  it('stays the same while the view pans a little and changes once it has moved far', () => {
    const a = cullRegion([-1000, -1000, 0.6], 1280, 800);
    // 50 pan frames of 8 px: the region changes at most once.
    let changes = 0;
    let prev = a;
    for (let dx = 0; dx < 400; dx += 8) {
      const r = cullRegion([-1000 - dx, -1000, 0.6], 1280, 800);
      if (!sameRect(r, prev)) changes++;
      prev = r;
    }
    expect(changes).toBeLessThanOrEqual(1);
    expect(sameRect(a, cullRegion([-1000 - 5000, -1000, 0.6], 1280, 800))).toBe(false);
  });

  it('intersects', () => {
    const r = { x0: 0, y0: 0, x1: 10, y1: 10 };
    expect(intersects(r, { x0: 5, y0: 5, x1: 20, y1: 20 })).toBe(true);
    expect(intersects(r, { x0: 11, y0: 0, x1: 20, y1: 10 })).toBe(false);
  });
});
