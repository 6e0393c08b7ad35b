import { describe, expect, it } from 'vitest';
import { LineOffsets, syncLineOffsets } from './lineOffsets';

const heights = (layout: LineOffsets) => Array.from({ length: layout.length }, (_, i) => layout.heightOf(layout.first + i));

describe('LineOffsets', () => {
  it('offsets are running sums of the heights; lineAt finds the line covering an offset', () => {
    const l = new LineOffsets(10);
    for (const h of [18, 36, 18, 54]) l.append(h);
    expect(l.total).toBe(126);
    expect([0, 1, 2, 3, 4].map((n) => l.offsetOf(n))).toEqual([0, 18, 54, 72, 126]);
    expect(l.lineAt(0)).toBe(0);
    expect(l.lineAt(17)).toBe(0);
    expect(l.lineAt(18)).toBe(1);
    expect(l.lineAt(53)).toBe(1);
    expect(l.lineAt(54)).toBe(2);
    expect(l.lineAt(125)).toBe(3);
    expect(l.lineAt(10_000)).toBe(3);
    expect(l.lineAt(-5)).toBe(0);
  });

  it('keeps at most `capacity` lines: appending to a full layout drops the first, offsets start at it', () => {
    const l = new LineOffsets(3);
    for (let i = 0; i < 7; i++) l.append(18 * (i + 1));
    expect([l.first, l.end]).toEqual([4, 7]);
    expect(heights(l)).toEqual([90, 108, 126]);
    expect(l.offsetOf(4)).toBe(0);
    expect(l.offsetOf(5)).toBe(90);
    expect(l.total).toBe(324);
    expect(l.lineAt(100)).toBe(5);
  });

  it('a height set later moves the lines after it and nothing before', () => {
    const l = new LineOffsets(4);
    for (let i = 0; i < 6; i++) l.append(18); // lines 2..5 kept, slots wrapped
    l.setHeight(3, 54, true);
    expect(heights(l)).toEqual([18, 54, 18, 18]);
    expect(l.offsetOf(4)).toBe(72);
    expect(l.total).toBe(108);
    expect(l.isMeasured(3)).toBe(true);
    expect(l.isMeasured(4)).toBe(false);
    // A line that left is not touched.
    l.setHeight(1, 1000);
    expect(l.total).toBe(108);
  });

  it('recompute lays every kept line out again and forgets measurements', () => {
    const l = new LineOffsets(4);
    for (let i = 0; i < 5; i++) l.append(18);
    l.setHeight(2, 36, true);
    l.recompute((n) => 18 * n);
    expect(heights(l)).toEqual([18, 36, 54, 72]);
    expect(l.isMeasured(2)).toBe(false);
  });
});

describe('syncLineOffsets', () => {
  const buffer = (firstN: number, lastN: number) => ({ firstN, lastN });
  const h = (n: number) => 18 + (n % 3) * 18;

  it('appends new lines and drops the ones the buffer let go, calling heightOf only for new lines', () => {
    const l = new LineOffsets(5);
    const asked: number[] = [];
    const heightOf = (n: number) => { asked.push(n); return h(n); };
    expect(syncLineOffsets(l, buffer(0, 2), heightOf)).toBe(true);
    expect(syncLineOffsets(l, buffer(0, 2), heightOf)).toBe(false);
    syncLineOffsets(l, buffer(3, 7), heightOf);
    expect([l.first, l.end]).toEqual([3, 8]);
    expect(asked).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(heights(l)).toEqual([3, 4, 5, 6, 7].map(h));
  });

  it('a batch larger than the capacity lays out only what is kept', () => {
    const l = new LineOffsets(5);
    const asked: number[] = [];
    syncLineOffsets(l, buffer(0, 1), h);
    syncLineOffsets(l, buffer(95, 99), (n) => { asked.push(n); return h(n); });
    expect(asked).toEqual([95, 96, 97, 98, 99]);
    expect(heights(l)).toEqual([95, 96, 97, 98, 99].map(h));
    expect(l.offsetOf(95)).toBe(0);
  });

  it('a cleared buffer starts the layout again', () => {
    const l = new LineOffsets(5);
    syncLineOffsets(l, buffer(0, 4), h);
    syncLineOffsets(l, buffer(5, 4), h);
    expect(l.length).toBe(0);
    expect(l.total).toBe(0);
    syncLineOffsets(l, buffer(5, 6), h);
    expect(heights(l)).toEqual([h(5), h(6)]);
  });

  it('memory stays bounded by the capacity however many lines pass', () => {
    const l = new LineOffsets(100);
    for (let end = 0; end < 100_000; end += 37) syncLineOffsets(l, buffer(Math.max(0, end - 99), end), h);
    expect(l.length).toBe(100);
    expect(l.total).toBe(heights(l).reduce((a, b) => a + b, 0));
  });
});
