import { describe, expect, it } from 'vitest';
import { endScrollTop, rowWindow, slotCount } from './rowWindow';

const base = { rowHeight: 18, viewportHeight: 180, overscan: 2 };

describe('rowWindow', () => {
  it('renders the rows in view plus the overscan, clamped to the list', () => {
    expect(rowWindow({ ...base, count: 1000, scrollTop: 0 })).toEqual({ first: 0, end: 12 });
    expect(rowWindow({ ...base, count: 1000, scrollTop: 18 * 100 })).toEqual({ first: 98, end: 112 });
    // A position between rows shows the partly visible rows at both edges.
    expect(rowWindow({ ...base, count: 1000, scrollTop: 18 * 100 + 9 })).toEqual({ first: 98, end: 113 });
  });

  it('at the end, ends with the last row however far past it the position is', () => {
    expect(rowWindow({ ...base, count: 1000, scrollTop: endScrollTop(1000, 18, 180) })).toEqual({ first: 988, end: 1000 });
    expect(rowWindow({ ...base, count: 1000, scrollTop: 1e9 })).toEqual({ first: 988, end: 1000 });
  });

  it('renders everything when the list is shorter than the viewport, and nothing when empty', () => {
    expect(rowWindow({ ...base, count: 4, scrollTop: 500 })).toEqual({ first: 0, end: 4 });
    expect(rowWindow({ ...base, count: 0, scrollTop: 0 })).toEqual({ first: 0, end: 0 });
    expect(rowWindow({ ...base, count: 10, viewportHeight: 0, scrollTop: 0 })).toEqual({ first: 0, end: 2 });
  });

  it('never returns more rows than the slots of its viewport, so slot keys stay unique', () => {
    for (const viewportHeight of [0, 17, 18, 19, 180, 181, 900]) {
      const slots = slotCount(18, viewportHeight, 3);
      for (let scrollTop = 0; scrollTop < 18 * 40; scrollTop += 5) {
        const w = rowWindow({ count: 500, rowHeight: 18, viewportHeight, scrollTop, overscan: 3 });
        expect(w.end - w.first).toBeLessThanOrEqual(slots);
      }
    }
  });
});

describe('slotCount', () => {
  it('stays the same for small changes of the viewport', () => {
    expect(slotCount(18, 826, 10)).toBe(slotCount(18, 800, 10));
  });
});

describe('endScrollTop', () => {
  it('is the list height minus the viewport, never negative', () => {
    expect(endScrollTop(100, 18, 180)).toBe(1620);
    expect(endScrollTop(5, 18, 180)).toBe(0);
  });
});
