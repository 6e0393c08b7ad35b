import { describe, expect, it } from 'vitest';
import { packLines } from '../../../shared/contract/packedLines';
import { LogFeed } from './logFeed';

const packed = (from: number, to: number) => ({ type: 'packed' as const, ...packLines(Array.from({ length: to - from }, (_, i) => ({ ts: `t${from + i}`, text: `line ${from + i}` }))) });

describe('LogFeed', () => {
  it('takes packed batches into the buffer, and counts skipped lines and malformed batches apart', () => {
    const feed = new LogFeed(100);
    feed.receive(packed(0, 3), 1);
    feed.receive({ type: 'skipped', count: 500 }, 2);
    feed.receive(packed(503, 505), 3);
    feed.receive({ type: 'packed', count: 3, text: 'a\nb' }, 4);
    expect(feed.buffer.toArray().map((l) => [l.ts, l.text])).toEqual([['t0', 'line 0'], ['t1', 'line 1'], ['t2', 'line 2'], ['t503', 'line 503'], ['t504', 'line 504']]);
    expect(feed.status.skipped).toBe(500);
    expect(feed.status.malformed).toBe(1);
    // Skipped lines are not received lines: the buffer's numbering counts what arrived.
    expect(feed.buffer.lastN).toBe(4);
    feed.dispose();
  });

  it('while paused, packed lines wait in the bounded pending list and arrive on resume', () => {
    const feed = new LogFeed(4);
    feed.receive(packed(0, 2), 1);
    feed.setPaused(true);
    feed.receive(packed(2, 8), 2);
    expect(feed.buffer.length).toBe(2);
    expect(feed.pendingCount).toBe(4);
    feed.setPaused(false);
    expect(feed.buffer.toArray().map((l) => l.text)).toEqual(['line 4', 'line 5', 'line 6', 'line 7']);
    expect(feed.buffer.dropped).toBe(4);
    feed.dispose();
  });
});
