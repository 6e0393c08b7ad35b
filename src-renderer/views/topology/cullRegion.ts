/**
 * The part of the graph worth drawing: the viewport (in flow coordinates) with a margin, snapped to a
 * grid. It stays the same while the view pans within the margin and changes only when the viewport
 * crosses a grid line, so whatever is culled by it re-renders once per few hundred pixels of panning,
 * not on every frame. The grid cell is half the viewport's larger side rounded up to a power of two:
 * zooming by less than 2× keeps the cell size, and the region is 2.5-5 viewports across.
 */
export interface Rect { x0: number; y0: number; x1: number; y1: number }

/** [tx, ty, zoom] as React Flow keeps it, and the pane's size in pixels. */
export function cullRegion(transform: readonly [number, number, number], width: number, height: number): Rect {
  const [tx, ty, zoom] = transform;
  const vx0 = -tx / zoom;
  const vy0 = -ty / zoom;
  const vx1 = vx0 + Math.max(width, 1) / zoom;
  const vy1 = vy0 + Math.max(height, 1) / zoom;
  const cell = 2 ** Math.ceil(Math.log2(Math.max(vx1 - vx0, vy1 - vy0) / 2));
  // From the cell the viewport's corner is in, one cell back and enough cells forward to hold the
  // viewport and one more: it moves only when the corner moves into another cell.
  const cx = Math.floor(vx0 / cell);
  const cy = Math.floor(vy0 / cell);
  return {
    x0: (cx - 1) * cell,
    y0: (cy - 1) * cell,
    x1: (cx + Math.ceil((vx1 - vx0) / cell) + 2) * cell,
    y1: (cy + Math.ceil((vy1 - vy0) / cell) + 2) * cell,
  };
}

export const sameRect = (a: Rect, b: Rect) => a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;

export const intersects = (a: Rect, b: Rect) => a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
