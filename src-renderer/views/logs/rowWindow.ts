/**
 * The geometry of a list of fixed-height rows: which rows to render for a scroll position, where the
 * end is, and a recycling key per row. Everything is arithmetic on the row count and height, so
 * following a fast log never has to read layout from the DOM.
 */

export interface RowWindow {
  /** Index of the first row to render. */
  first: number;
  /** One past the last row to render. */
  end: number;
}

export interface RowWindowInput {
  count: number;
  rowHeight: number;
  viewportHeight: number;
  scrollTop: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan: number;
}

/** The rows to render: those in view plus `overscan` on each side, clamped to the list. */
export function rowWindow({ count, rowHeight, viewportHeight, scrollTop, overscan }: RowWindowInput): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, Math.min(scrollTop, endScrollTop(count, rowHeight, viewportHeight)));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}

/** The scroll position that shows the last row at the bottom of the viewport. */
export function endScrollTop(count: number, rowHeight: number, viewportHeight: number): number {
  return Math.max(0, count * rowHeight - Math.max(0, viewportHeight));
}

/**
 * How many recycling slots a viewport needs: at least the largest window `rowWindow` can return for
 * it. Rows are keyed by `line number % slots`, so a line keeps its DOM node while it stays in the
 * window and a line entering reuses the node of one that left, instead of React unmounting and
 * creating rows on every batch.
 */
export function slotCount(rowHeight: number, viewportHeight: number, overscan: number): number {
  const needed = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1 + 2 * overscan;
  // Rounded up, so that a banner appearing or a small resize keeps the keys (and the DOM rows).
  return Math.ceil(needed / SLOT_STEP) * SLOT_STEP;
}

const SLOT_STEP = 32;
