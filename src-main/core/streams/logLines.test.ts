import { describe, expect, it } from 'vitest';
import { LineSplitter, parseTimestamped, ResumePoint, tsKey, wholeSecond } from './logLines';

const enc = (s: string) => new TextEncoder().encode(s);

describe('LineSplitter', () => {
  it('splits across chunks and strips CR', () => {
    const s = new LineSplitter();
    expect(s.push(enc('a\r\nb'))).toEqual(['a']);
    expect(s.push(enc('c\n\nd'))).toEqual(['bc', '']);
    expect(s.end()).toEqual(['d']);
  });

  it('decodes UTF-8 split inside a character', () => {
    const s = new LineSplitter();
    const bytes = enc('héllo ✓\n');
    const out = [...s.push(bytes.slice(0, 2)), ...s.push(bytes.slice(2, 8)), ...s.push(bytes.slice(8))];
    expect(out).toEqual(['héllo ✓']);
  });

  it('drops an oversized line and counts it, keeping the next one', () => {
    const s = new LineSplitter(10);
    expect(s.push(enc('0123456789ABCDEF'))).toEqual([]);
    expect(s.push(enc('more'))).toEqual([]);
    expect(s.push(enc('tail\nok\n'))).toEqual(['ok']);
    expect(s.takeDropped()).toBe(1);
    expect(s.takeDropped()).toBe(0);
  });

  it('ends without a trailing newline', () => {
    const s = new LineSplitter();
    expect(s.push(enc('x'))).toEqual([]);
    expect(s.end()).toEqual(['x']);
    expect(s.end()).toEqual([]);
  });
});

describe('parseTimestamped', () => {
  it('splits the kubelet timestamp from the text', () => {
    expect(parseTimestamped('2024-05-01T10:00:00.123456789Z hello world')).toEqual({ ts: '2024-05-01T10:00:00.123456789Z', text: 'hello world' });
    expect(parseTimestamped('2024-05-01T10:00:00Z ')).toEqual({ ts: '2024-05-01T10:00:00Z', text: '' });
    expect(parseTimestamped('no stamp here')).toEqual({ text: 'no stamp here' });
  });
});

describe('tsKey', () => {
  it('orders stamps with different fraction widths', () => {
    const a = tsKey('2024-05-01T10:00:00Z');
    const b = tsKey('2024-05-01T10:00:00.1Z');
    const c = tsKey('2024-05-01T10:00:00.123456789Z');
    expect(a < c && c > b && b < c).toBe(true);
    expect(a < b).toBe(true);
    expect(tsKey('2024-05-01T12:00:00.5+02:00')).toBe('2024-05-01T10:00:00.500000000Z');
    expect(wholeSecond('2024-05-01T10:00:07.9Z')).toBe('2024-05-01T10:00:07Z');
  });
});

describe('ResumePoint', () => {
  const L = (ts: string, text: string) => ({ ts: `2024-05-01T10:00:${ts}Z`, text });

  it('skips what was already emitted when a stream is read again from the same second', () => {
    const r = new ResumePoint();
    const first = [L('01.000000001', 'a'), L('02.000000000', 'b'), L('02.000000000', 'c')];
    expect(first.map((l) => r.accept(l))).toEqual([true, true, true]);
    expect(r.lastTimestamp).toBe(first[2].ts);
    r.beginResume();
    // The server answers from the whole second 10:00:01 on.
    const again = [L('01.000000001', 'a'), L('02.000000000', 'b'), L('02.000000000', 'c'), L('02.000000000', 'd'), L('03.000000000', 'e')];
    expect(again.filter((l) => r.accept(l)).map((l) => l.text)).toEqual(['d', 'e']);
  });

  it('accepts everything when nothing was seen yet, and lines without stamps', () => {
    const r = new ResumePoint();
    r.beginResume();
    expect(r.accept(L('05.0', 'x'))).toBe(true);
    expect(r.accept({ text: 'plain' })).toBe(true);
  });

  it('resumes twice in a row', () => {
    const r = new ResumePoint();
    r.accept(L('01.0', 'a'));
    r.beginResume();
    expect(r.accept(L('01.0', 'a'))).toBe(false);
    r.beginResume();
    expect(r.accept(L('01.0', 'a'))).toBe(false);
    expect(r.accept(L('02.0', 'b'))).toBe(true);
  });
});
