import { describe, expect, it } from 'vitest';
import { LogMerger } from './logMerger';

const t = (s: number) => `2024-05-01T10:00:${String(s).padStart(2, '0')}.000000000Z`;
const line = (s: number, text: string) => ({ ts: t(s), text });

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

describe('LogMerger', () => {
  it('interleaves backlogs of several pods by timestamp', () => {
    const c = clock();
    const m = new LogMerger(300, 2_000, c.now);
    m.add('a', 'pod-a', 'app');
    m.add('b', 'pod-b', 'app');
    m.push('a', [line(1, 'a1'), line(3, 'a3'), line(5, 'a5')]);
    // b has not answered yet: nothing may go, its backlog could be older.
    expect(m.take()).toEqual([]);
    m.push('b', [line(2, 'b2'), line(4, 'b4')]);
    // a5 waits: b could still send something between 4 and 5.
    expect(m.take().map((l) => l.text)).toEqual(['a1', 'b2', 'a3', 'b4']);
    c.advance(301);
    expect(m.take().map((l) => `${l.pod}:${l.text}`)).toEqual(['pod-a:a5']);
    expect(m.size).toBe(0);
  });

  it('does not wait for a quiet or removed source, and waits at most the join hold for a silent one', () => {
    const c = clock();
    const m = new LogMerger(300, 2_000, c.now);
    m.add('a', 'pod-a', 'app');
    m.add('b', 'pod-b', 'app');
    m.push('a', [line(1, 'a1')]);
    c.advance(500);
    expect(m.take()).toEqual([]);
    c.advance(1_600);
    expect(m.take().map((l) => l.text)).toEqual(['a1']);

    m.add('c', 'pod-c', 'app');
    m.push('a', [line(2, 'a2')]);
    m.setQuiet('c', true);
    c.advance(301);
    expect(m.take().map((l) => l.text)).toEqual(['a2']);
  });

  it('releases the lines of a removed source in order', () => {
    const c = clock();
    const m = new LogMerger(300, 0, c.now);
    m.add('a', 'pod-a', 'app');
    m.add('b', 'pod-b', 'app');
    m.push('a', [line(1, 'a1'), line(9, 'a9')]);
    m.push('b', [line(2, 'b2')]);
    m.remove('b');
    expect(m.take().map((l) => l.text)).toEqual(['a1', 'b2', 'a9']);
  });

  it('respects a maximum batch size', () => {
    const c = clock();
    const m = new LogMerger(0, 0, c.now);
    m.add('a', 'p', 'c');
    m.push('a', Array.from({ length: 10 }, (_, i) => line(i, `l${i}`)));
    expect(m.take(4).length).toBe(4);
    expect(m.take().length).toBe(6);
  });
});
