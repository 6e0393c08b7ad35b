import { describe, expect, it } from 'vitest';
import { RowHighlights, type HighlightTiming } from './rowHighlight';

const T: HighlightTiming = { freshMs: 600, totalMs: 1600, restartMs: 500, grainMs: 200 };

describe('RowHighlights', () => {
  it('steps a changed row from fresh to fading to gone', () => {
    const h = new RowHighlights(T);
    h.note(['a'], 1000);
    expect(h.level('a', 1000)).toBe(1);
    expect(h.level('a', 1599)).toBe(1);
    expect(h.level('a', 1600)).toBe(2);
    expect(h.level('a', 2599)).toBe(2);
    expect(h.level('a', 2600)).toBe(0);
    expect(h.level('b', 1000)).toBe(0);
  });

  it('keeps the mark of a row that changes again within restartMs, renews it after', () => {
    const h = new RowHighlights(T);
    h.note(['a'], 1000);
    h.note(['a'], 1400);
    expect(h.level('a', 1700)).toBe(2); // still timed from 1000
    h.note(['a'], 1700);
    expect(h.level('a', 1700)).toBe(1); // renewed: 700 ms after the first mark
  });

  it('says when the next step is due, rounded up to the grain, and nothing once all are gone', () => {
    const h = new RowHighlights(T);
    h.note(['a'], 1010);
    h.note(['b'], 1150);
    expect(h.nextStep(1200)).toBe(1800); // a turns fading at 1610 → 1800
    expect(h.nextStep(1800)).toBe(2800); // both fading now; a is gone at 2610 → 2800
    h.note([], 3000);
    expect(h.nextStep(3000)).toBeUndefined();
    expect(h.size).toBe(0);
  });

  it('forgets rows whose highlight ran out, so a row scrolled back into view is calm', () => {
    const h = new RowHighlights(T);
    h.note(['a', 'b'], 0);
    h.note(['c'], 2000);
    expect(h.size).toBe(1);
    expect(h.level('a', 2000)).toBe(0);
  });
});
