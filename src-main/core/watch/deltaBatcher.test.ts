import { describe, expect, it, vi } from 'vitest';
import { DeltaBatcher } from './deltaBatcher';

describe('DeltaBatcher', () => {
  it('coalesces many changes to one object into one upsert per flush, and delete wins over upsert', () => {
    vi.useFakeTimers();
    const out: [unknown[], string[]][] = [];
    const b = new DeltaBatcher<number>((u, d) => out.push([u, d]), 30);
    for (let i = 0; i < 100; i++) b.upsert('a', i);
    b.upsert('b', 1);
    b.delete('b');
    vi.advanceTimersByTime(31);
    expect(out).toEqual([[[99], ['b']]]);
    vi.useRealTimers();
  });
  it('holds changes while the consumer is congested, memory bounded by distinct keys', () => {
    vi.useFakeTimers();
    let congested = true;
    const out: unknown[][] = [];
    const b = new DeltaBatcher<number>((u) => out.push(u), 30, () => !congested);
    for (let i = 0; i < 1000; i++) b.upsert(`k${i % 10}`, i);
    vi.advanceTimersByTime(100);
    expect(out).toHaveLength(0);
    expect(b.pending).toBe(10);
    congested = false;
    vi.advanceTimersByTime(31);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(10);
    vi.useRealTimers();
  });
  it('sends the first change after a quiet interval at once, then at most one flush per interval', () => {
    vi.useFakeTimers();
    const out: unknown[][] = [];
    const b = new DeltaBatcher<number>((u) => out.push(u), 30);
    b.upsert('a', 1);
    b.upsert('b', 2); // same turn of the event loop: joins the first flush
    vi.advanceTimersByTime(1);
    expect(out).toEqual([[1, 2]]);
    b.upsert('a', 3);
    vi.advanceTimersByTime(10);
    expect(out).toHaveLength(1); // within the interval of the last flush: waits
    vi.advanceTimersByTime(20);
    expect(out).toEqual([[1, 2], [3]]);
    vi.advanceTimersByTime(100); // quiet again
    b.upsert('c', 4);
    vi.advanceTimersByTime(1);
    expect(out).toEqual([[1, 2], [3], [4]]);
    vi.useRealTimers();
  });
});
