import { describe, expect, it } from 'vitest';
import { findRanges, highlight, LogBuffer, SearchIndex } from './logBuffer';
import { parseAnsi } from './ansi';

const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ text: `line ${from + i}` }));

describe('LogBuffer', () => {
  it('keeps the latest lines and counts what it dropped', () => {
    const b = new LogBuffer(5);
    b.push(lines(0, 3));
    expect(b.length).toBe(3);
    b.push(lines(3, 9));
    expect(b.length).toBe(5);
    expect(b.dropped).toBe(4);
    expect(b.toArray().map((l) => l.text)).toEqual(['line 4', 'line 5', 'line 6', 'line 7', 'line 8']);
    expect(b.firstN).toBe(4);
    expect(b.indexOfN(6)).toBe(2);
    expect(b.indexOfN(2)).toBe(-1);
    b.clear();
    expect(b.length).toBe(0);
    expect(b.dropped).toBe(0);
  });

  it('takes packed batches like object ones: same numbering, stamps, and drops, even past its capacity at once', () => {
    const a = new LogBuffer(4);
    const b = new LogBuffer(4);
    const texts = Array.from({ length: 7 }, (_, i) => `line ${i}`);
    const ts = texts.map((_, i) => (i === 5 ? '' : `t${i}`));
    a.push(texts.slice(0, 2).map((text, i) => ({ text, ts: ts[i] })));
    a.push(texts.slice(2).map((text, i) => ({ text, ts: ts[i + 2] || undefined })));
    b.pushPacked(texts.slice(0, 2), ts.slice(0, 2));
    b.pushPacked(texts.slice(2), ts.slice(2));
    const fields = (l: { n: number; text: string; ts?: string; plain: string }) => ({ n: l.n, text: l.text, ts: l.ts, plain: l.plain });
    expect(b.toArray().map(fields)).toEqual(a.toArray().map(fields));
    expect(b.dropped).toBe(3);
    expect(b.firstN).toBe(3);
    expect(b.at(2)).toMatchObject({ n: 5, text: 'line 5', ts: undefined });
    b.pushPacked(['x'], undefined);
    expect(b.at(3)).toMatchObject({ n: 7, text: 'x', ts: undefined });
  });

  it('stores escape-free text for search and download', () => {
    const b = new LogBuffer(3);
    b.push([{ text: '\x1b[31mred\x1b[0m <b>', ts: 't', pod: 'p', container: 'c' }]);
    const l = b.at(0);
    expect({ n: l.n, text: l.text, plain: l.plain, ts: l.ts, pod: l.pod, container: l.container }).toEqual({ n: 0, text: '\x1b[31mred\x1b[0m <b>', plain: 'red <b>', ts: 't', pod: 'p', container: 'c' });
  });
});

describe('SearchIndex', () => {
  it('finds matches incrementally and forgets dropped lines', () => {
    const b = new LogBuffer(10);
    const s = new SearchIndex();
    b.push(lines(0, 10));
    s.setQuery('line 1', b);
    expect(s.matches).toEqual([1]);
    b.push(lines(10, 15));
    s.update(b);
    expect(s.matches).toEqual([10, 11, 12, 13, 14]);
    s.setQuery('LINE 1', b);
    expect(s.matches).toEqual([]);
    s.setQuery('', b);
    expect(s.active).toBe(false);
  });
});

describe('highlight', () => {
  it('splits styled spans at match edges', () => {
    const spans = parseAnsi('\x1b[32mINFO\x1b[0m find me here');
    const r = findRanges('INFO find me here', 'fo f', false);
    expect(r).toEqual([[2, 6]]);
    expect(highlight(spans, r)).toEqual([
      { text: 'IN', style: { fg: 2 }, mark: false },
      { text: 'FO', style: { fg: 2 }, mark: true },
      { text: ' f', style: {}, mark: true },
      { text: 'ind me here', style: {}, mark: false },
    ]);
  });

  it('marks several matches in one span', () => {
    expect(highlight([{ text: 'abcabc', style: {} }], findRanges('abcabc', 'b', false)).map((s) => `${s.mark ? '[' : ''}${s.text}${s.mark ? ']' : ''}`).join(''))
      .toBe('a[b]ca[b]c');
  });
});
