import { describe, expect, it } from 'vitest';
import { LineQueue } from './lineQueue';

const line = (i: number, text = `line ${i}`) => ({ ts: `t${i}`, text });

describe('LineQueue', () => {
  it('without keepLatest it never drops: it says when it is full, and hands lines out in order', () => {
    const q = new LineQueue({ maxLines: 5, maxChars: 1 << 20 });
    for (let i = 0; i < 7; i++) q.push(line(i));
    expect(q.full).toBe(true);
    expect(q.takeSkipped()).toBe(0);
    expect(q.take(3, 1 << 20).map((l) => l.ts)).toEqual(['t0', 't1', 't2']);
    expect(q.full).toBe(false);
    expect(q.take(100, 1 << 20).map((l) => l.ts)).toEqual(['t3', 't4', 't5', 't6']);
    expect(q.length).toBe(0);
  });

  it('with keepLatest it keeps the newest lines and counts the ones it let go', () => {
    const q = new LineQueue({ maxLines: 5, maxChars: 1 << 20, keepLatest: 4 });
    for (let i = 0; i < 10; i++) q.push(line(i));
    expect(q.full).toBe(false);
    expect(q.length).toBe(4);
    expect(q.takeSkipped()).toBe(6);
    expect(q.takeSkipped()).toBe(0);
    expect(q.take(100, 1 << 20).map((l) => l.ts)).toEqual(['t6', 't7', 't8', 't9']);
  });

  it('the char bound also skips, but always keeps the newest line', () => {
    const q = new LineQueue({ maxLines: 5, maxChars: 100, keepLatest: 1000 });
    q.push(line(0, 'x'.repeat(30)));
    q.push(line(1, 'x'.repeat(30)));
    expect(q.takeSkipped()).toBe(1);
    q.push(line(2, 'x'.repeat(500)));
    expect(q.takeSkipped()).toBe(1);
    expect(q.take(10, 1 << 20).map((l) => l.ts)).toEqual(['t2']);
  });

  it('take is bounded by lines and chars, and returns at least one line', () => {
    const q = new LineQueue({ maxLines: 100, maxChars: 1 << 20 });
    for (let i = 0; i < 10; i++) q.push(line(i, 'x'.repeat(60)));
    expect(q.take(3, 1 << 20)).toHaveLength(3);
    expect(q.take(100, 150)).toHaveLength(2); // 100 chars per line counted: stops once past 150
    expect(q.take(100, 1)).toHaveLength(1);
    expect(q.length).toBe(4);
  });

  it('stays in order across many pushes, skips and takes (the front is compacted)', () => {
    const q = new LineQueue({ maxLines: 10, maxChars: 1 << 30, keepLatest: 3000 });
    const got: number[] = [];
    let skipped = 0;
    for (let i = 0; i < 20_000; i++) {
      q.push(line(i));
      if (i % 7 === 0) got.push(...q.take(2, 1 << 20).map((l) => Number(l.ts!.slice(1))));
      skipped += q.takeSkipped();
    }
    got.push(...q.take(1e9, 1 << 30).map((l) => Number(l.ts!.slice(1))));
    expect(got.length + skipped).toBe(20_000);
    for (let k = 1; k < got.length; k++) expect(got[k]).toBeGreaterThan(got[k - 1]);
    expect(got.at(-1)).toBe(19_999);
    expect(q.maxLength).toBeLessThanOrEqual(3000);
  });
});
