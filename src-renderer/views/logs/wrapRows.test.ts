import { describe, expect, it } from 'vitest';
import type { BufferedLine } from './logBuffer';
import { omittedNotice, SHOWN_CHARS } from './shownText';
import { columnsIn, wrappedLineRows, wrappedRowCount } from './wrapRows';

describe('wrappedRowCount', () => {
  it('a line that fits takes one row; an empty line takes one too', () => {
    expect(wrappedRowCount('abc', 10, 10)).toBe(1);
    expect(wrappedRowCount('abcdefghij', 10, 10)).toBe(1);
    expect(wrappedRowCount('', 10, 10)).toBe(1);
  });

  it('breaks anywhere, a full row at a time', () => {
    expect(wrappedRowCount('abcdefghijk', 10, 10)).toBe(2);
    expect(wrappedRowCount('x'.repeat(30), 10, 10)).toBe(3);
    expect(wrappedRowCount('x'.repeat(31), 10, 10)).toBe(4);
  });

  it('a prefix (timestamp) leaves fewer columns on the first row only', () => {
    expect(wrappedRowCount('x'.repeat(6), 4, 10)).toBe(2);
    expect(wrappedRowCount('x'.repeat(14), 4, 10)).toBe(2);
    expect(wrappedRowCount('x'.repeat(15), 4, 10)).toBe(3);
    // A prefix that fills the row: the text starts on the second.
    expect(wrappedRowCount('x', 0, 10)).toBe(2);
  });

  it('spaces reaching the end of a row hang there instead of starting the next one', () => {
    expect(wrappedRowCount(`${'x'.repeat(10)}   `, 10, 10)).toBe(1);
    // The next row starts at the next non-space: 10 + 3 spaces + 10 fits in two rows.
    expect(wrappedRowCount(`${'x'.repeat(10)}   ${'y'.repeat(10)}`, 10, 10)).toBe(2);
    // A space inside a row takes its column.
    expect(wrappedRowCount(`${'x'.repeat(4)} ${'y'.repeat(5)}`, 10, 10)).toBe(1);
    expect(wrappedRowCount(`${'x'.repeat(5)} ${'y'.repeat(5)}`, 10, 10)).toBe(2);
    // Only the spaces past the row's end hang: 9 + 1 fill it, the second space hangs, 10 fill the next.
    expect(wrappedRowCount(`${'x'.repeat(9)}  ${'y'.repeat(10)}`, 10, 10)).toBe(2);
  });

  it('estimates text beyond printable ASCII: wide characters take two columns, a tab moves to the next stop', () => {
    expect(wrappedRowCount('漢字漢字漢', 10, 10)).toBe(1);
    expect(wrappedRowCount('漢字漢字漢字', 10, 10)).toBe(2);
    expect(wrappedRowCount('a\tb', 10, 10)).toBe(1);
    expect(wrappedRowCount('a\tbcd', 10, 10)).toBe(2);
    // Same rules as the ASCII path for what it shares with it.
    expect(wrappedRowCount(`é${'x'.repeat(9)}   ${'y'.repeat(10)}`, 10, 10)).toBe(2);
    expect(wrappedRowCount(`é${'x'.repeat(10)}`, 10, 10)).toBe(2);
  });

  it('a very long line costs rows, not characters, on the ASCII path', () => {
    expect(wrappedRowCount('x'.repeat(10_000), 100, 100)).toBe(100);
    expect(wrappedRowCount('x'.repeat(10_001), 70, 100)).toBe(101);
  });
});

describe('columnsIn', () => {
  it('whole characters that fit, at least one', () => {
    expect(columnsIn(100, 7.2)).toBe(13);
    expect(columnsIn(72, 7.2)).toBe(10);
    expect(columnsIn(3, 7.2)).toBe(1);
  });
});

describe('wrappedLineRows', () => {
  const g = { rowWidth: 100, charWidth: 10 }; // 10 columns
  const line = (text: string, more: Partial<BufferedLine> = {}): BufferedLine => ({ n: 0, text, plain: text, ...more });
  const none = { showTs: false, showSource: false };

  it('wraps the text at the row width', () => {
    expect(wrappedLineRows(line('x'.repeat(10)), none, g)).toBe(1);
    expect(wrappedLineRows(line('x'.repeat(11)), none, g)).toBe(2);
  });

  it('counts the timestamp and source with their gaps only when shown', () => {
    const l = line('x'.repeat(6), { ts: '12', pod: 'p', container: 'c' });
    expect(wrappedLineRows(l, none, g)).toBe(1);
    // "12" + 8 px: 28 px, 7 columns left for the text.
    expect(wrappedLineRows(l, { showTs: true, showSource: false }, g)).toBe(1);
    // "p/c" + 8 px, then "12" + 8 px: 66 px, 3 columns left.
    expect(wrappedLineRows(l, { showTs: true, showSource: true }, g)).toBe(2);
  });

  it('escapes take no room', () => {
    expect(wrappedLineRows(line(`\x1b[31m${'x'.repeat(10)}\x1b[0m`), none, g)).toBe(1);
  });

  it('a line longer than what is shown takes the rows of its shown part and the notice', () => {
    const long = line('x'.repeat(SHOWN_CHARS + 5000));
    const notice = omittedNotice(5000).length;
    expect(wrappedLineRows(long, none, { rowWidth: 1000, charWidth: 10 })).toBe(100 + Math.ceil(notice / 100));
  });
});
