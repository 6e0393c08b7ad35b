import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles from 800 ms to a 30 s cap, with jitter up to +100 %', () => {
    const b = new Backoff(800, 30_000, 120_000, () => 0, () => 0);
    expect(Array.from({ length: 8 }, () => b.next())).toEqual([800, 1600, 3200, 6400, 12800, 25600, 30000, 30000]);
    const j = new Backoff(800, 30_000, 120_000, () => 0, () => 1);
    expect(j.next()).toBe(1600);
  });
  it('resets after two minutes of healthy operation', () => {
    let now = 0;
    const b = new Backoff(800, 30_000, 120_000, () => now, () => 0);
    b.next(); b.next(); b.next();
    b.healthy();
    now = 119_000;
    expect(b.next()).toBe(6400);
    b.healthy();
    now += 121_000;
    expect(b.next()).toBe(800);
  });
});
