import { describe, expect, it } from 'vitest';
import { packLines, unpackLines } from './packedLines';
import { LogEvent } from './streams';

describe('packed log lines', () => {
  it('round-trip texts and timestamps, empty lines and lines without a stamp included', () => {
    const lines = [{ ts: 'a', text: 'one' }, { text: '' }, { ts: 'c', text: '\x1b[31mred\x1b[0m \r x' }];
    const p = packLines(lines);
    expect(p).toEqual({ count: 3, text: 'one\n\n\x1b[31mred\x1b[0m \r x', ts: 'a\n\nc' });
    expect(unpackLines(p)).toEqual({ texts: ['one', '', '\x1b[31mred\x1b[0m \r x'], ts: ['a', '', 'c'] });
    expect(LogEvent.safeParse({ type: 'packed', ...p }).success).toBe(true);
  });

  it('leave timestamps out when no line has one', () => {
    const p = packLines([{ text: 'x' }, { text: 'y' }]);
    expect(p.ts).toBeUndefined();
    expect(unpackLines(p)).toEqual({ texts: ['x', 'y'], ts: undefined });
    expect(unpackLines(packLines([{ text: '' }]))).toEqual({ texts: [''], ts: undefined });
  });

  it('refuse a batch whose parts disagree with its count', () => {
    expect(unpackLines({ count: 2, text: 'a\nb\nc' })).toBeUndefined();
    expect(unpackLines({ count: 2, text: 'a\nb', ts: 't' })).toBeUndefined();
    expect(unpackLines({ count: 0, text: '' })).toBeUndefined();
    expect(LogEvent.safeParse({ type: 'packed', count: 0, text: '' }).success).toBe(false);
    expect(LogEvent.safeParse({ type: 'packed', count: 1, text: 5 }).success).toBe(false);
  });
});
