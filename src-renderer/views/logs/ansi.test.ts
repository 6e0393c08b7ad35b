import { describe, expect, it } from 'vitest';
import { clipSpans, cssColor, hasAnsi, parseAnsi, spanPresentation, stripAnsi } from './ansi';

const E = '\x1b';

describe('parseAnsi', () => {
  it('passes plain text through as one span', () => {
    expect(parseAnsi('hello <b>world</b>')).toEqual([{ text: 'hello <b>world</b>', style: {} }]);
    expect(parseAnsi('')).toEqual([]);
    expect(hasAnsi('tab\tstays plain')).toBe(false);
  });

  it('parses basic, bright, 256 and true colours with attributes', () => {
    expect(parseAnsi(`${E}[32mINFO${E}[0m ok`)).toEqual([{ text: 'INFO', style: { fg: 2 } }, { text: ' ok', style: {} }]);
    expect(parseAnsi(`${E}[1;31mERR${E}[22m x`)).toEqual([{ text: 'ERR', style: { bold: true, fg: 1 } }, { text: ' x', style: { fg: 1 } }]);
    expect(parseAnsi(`${E}[38;5;208morange${E}[39m`)).toEqual([{ text: 'orange', style: { fg: 208 } }]);
    expect(parseAnsi(`${E}[38;2;255;0;255mpink${E}[48;2;1;2;3mbg`)).toEqual([
      { text: 'pink', style: { fg: [255, 0, 255] } },
      { text: 'bg', style: { fg: [255, 0, 255], bg: [1, 2, 3] } },
    ]);
    expect(parseAnsi(`${E}[94;101mb${E}[4mu${E}[24m${E}[mz`)).toEqual([
      { text: 'b', style: { fg: 12, bg: 9 } },
      { text: 'u', style: { fg: 12, bg: 9, underline: true } },
      { text: 'z', style: {} },
    ]);
  });

  it('removes cursor movement, screen clears, OSC titles and control characters', () => {
    const line = `WARN ${E}[2J${E}[H${E}]0;pwned-title\x07 after-osc ${E}]8;;http://x${E}\\link${E}]8;;${E}\\ bell\x07 cr\r nul\x00`;
    expect(stripAnsi(line)).toBe('WARN  after-osc link bell cr nul');
    expect(parseAnsi(`${E}(Bcharset`)).toEqual([{ text: 'charset', style: {} }]);
  });

  it('shows bidirectional overrides and zero-width characters instead of obeying them', () => {
    expect(stripAnsi('unicode: \u202Eevil-rtl\u202C żółć 日本語')).toBe('unicode: ⟦U+202E⟧evil-rtl⟦U+202C⟧ żółć 日本語');
    expect(stripAnsi('a\u200Bb\uFEFF')).toBe('a⟦U+200B⟧b⟦U+FEFF⟧');
    expect(hasAnsi('\u2067x\u2069')).toBe(true);
  });

  it('hasAnsi flags exactly the characters the parser changes', () => {
    const special = (c: number) => (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || c === 0x061c
      || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064)
      || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
    for (let c = 0; c <= 0xffff; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      if (hasAnsi(text) !== special(c)) throw new Error(`U+${c.toString(16)}: hasAnsi ${hasAnsi(text)}`);
    }
  });

  it('keeps markup as text: nothing is interpreted as HTML', () => {
    const spans = parseAnsi(`${E}[31m<script>alert(1)</script>${E}[0m`);
    expect(spans).toEqual([{ text: '<script>alert(1)</script>', style: { fg: 1 } }]);
  });

  it('survives truncated and malformed sequences', () => {
    expect(stripAnsi(`abc${E}[31`)).toBe('abc');
    expect(stripAnsi(`abc${E}`)).toBe('abc');
    expect(stripAnsi(`x${E}]0;never terminated`)).toBe('x');
    expect(parseAnsi(`${E}[38;5mx`)).toEqual([{ text: 'x', style: {} }]);
    expect(parseAnsi(`${E}[38;2;999;0;5mx`)[0].style.fg).toEqual([255, 0, 5]);
  });
});

describe('presentation', () => {
  it('maps palette colours to classes and others to rgb() built from numbers', () => {
    expect(spanPresentation({ fg: 1, bold: true })).toEqual({ className: 'ansi-fg-1 ansi-bold', css: {} });
    expect(spanPresentation({ fg: 208 })).toEqual({ className: '', css: { color: 'rgb(255, 135, 0)' } });
    expect(spanPresentation({ fg: [1, 2, 3], inverse: true })).toEqual({ className: 'ansi-fg-inverse', css: { backgroundColor: 'rgb(1, 2, 3)' } });
    expect(cssColor(232)).toBe('rgb(8, 8, 8)');
    expect(cssColor(15)).toBe('#ffffff');
  });
});

describe('clipSpans', () => {
  it('keeps the first characters with their styles and counts the rest', () => {
    const spans = parseAnsi(`${E}[31mERROR${E}[0m some text`);
    expect(clipSpans(spans, 100)).toEqual({ spans, omitted: 0 });
    expect(clipSpans(spans, 5)).toEqual({ spans: [{ text: 'ERROR', style: { fg: 1 } }], omitted: 10 });
    expect(clipSpans(spans, 7)).toEqual({ spans: [{ text: 'ERROR', style: { fg: 1 } }, { text: ' s', style: {} }], omitted: 8 });
    expect(clipSpans(spans, 0)).toEqual({ spans: [], omitted: 15 });
  });
});
