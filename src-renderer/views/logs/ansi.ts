/**
 * A small ANSI SGR parser for log lines: colours and text attributes become styled spans; every other
 * escape (cursor moves, screen clears, OSC titles and hyperlinks) and every control character is
 * removed. The output is plain data rendered as React text nodes, never HTML.
 */

/** A colour: a palette index 0–255, or an RGB triple. */
export type AnsiColor = number | readonly [number, number, number];

export interface AnsiStyle {
  fg?: AnsiColor;
  bg?: AnsiColor;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

export interface AnsiSpan { text: string; style: AnsiStyle }

import { INVISIBLE_CHAR_CLASS, isInvisibleChar, visibleCodePoint } from '../../../shared/model/visibleText';

const ESC = '\x1b';

/** C0/C1 controls (tab stays) and DEL: removed. */
function isControl(c: number): boolean {
  return c < 0x20 ? c !== 0x09 : c === 0x7f || (c >= 0x80 && c <= 0x9f);
}

/**
 * What `isControl` and the invisible characters (shared/model/visibleText.ts) match, as one character
 * class: every line of a log goes through `hasAnsi` as it arrives, and a regular expression scans it
 * several times faster than a loop does.
 */
const SPECIAL = new RegExp(`[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f${INVISIBLE_CHAR_CLASS}]`);
/** A run of characters the parser keeps as they are (the complement of SPECIAL), matched where it starts. */
const ORDINARY_RUN = new RegExp(`[^\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f${INVISIBLE_CHAR_CLASS}]+`, 'y');

/** True when the text has anything the parser would change (escapes, controls, invisible characters). */
export function hasAnsi(text: string): boolean {
  return SPECIAL.test(text);
}

const clamp255 = (n: number) => Math.max(0, Math.min(255, Number.isFinite(n) ? n : 0));

function applySgr(style: AnsiStyle, params: number[]): AnsiStyle {
  const s: AnsiStyle = { ...style };
  if (params.length === 0) params = [0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    if (p === 0) { for (const k of Object.keys(s) as (keyof AnsiStyle)[]) delete s[k]; }
    else if (p === 1) s.bold = true;
    else if (p === 2) s.dim = true;
    else if (p === 3) s.italic = true;
    else if (p === 4) s.underline = true;
    else if (p === 7) s.inverse = true;
    else if (p === 9) s.strike = true;
    else if (p === 21) s.underline = true;
    else if (p === 22) { delete s.bold; delete s.dim; }
    else if (p === 23) delete s.italic;
    else if (p === 24) delete s.underline;
    else if (p === 27) delete s.inverse;
    else if (p === 29) delete s.strike;
    else if (p >= 30 && p <= 37) s.fg = p - 30;
    else if (p === 39) delete s.fg;
    else if (p >= 40 && p <= 47) s.bg = p - 40;
    else if (p === 49) delete s.bg;
    else if (p >= 90 && p <= 97) s.fg = p - 90 + 8;
    else if (p >= 100 && p <= 107) s.bg = p - 100 + 8;
    else if (p === 38 || p === 48) {
      const key = p === 38 ? 'fg' : 'bg';
      if (params[i + 1] === 5 && i + 2 < params.length) {
        s[key] = clamp255(params[i + 2]);
        i += 2;
      } else if (params[i + 1] === 2 && i + 4 < params.length) {
        s[key] = [clamp255(params[i + 2]), clamp255(params[i + 3]), clamp255(params[i + 4])];
        i += 4;
      } else {
        break; // malformed extended colour: ignore the rest of this sequence
      }
    }
  }
  return s;
}

const sameColor = (a: AnsiColor | undefined, b: AnsiColor | undefined) =>
  a === b || (typeof a === 'object' && typeof b === 'object' && a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);
const sameStyle = (a: AnsiStyle, b: AnsiStyle) => a === b || (sameColor(a.fg, b.fg) && sameColor(a.bg, b.bg)
  && !a.bold === !b.bold && !a.dim === !b.dim && !a.italic === !b.italic && !a.underline === !b.underline
  && !a.inverse === !b.inverse && !a.strike === !b.strike);

/** Parses one line into styled spans (adjacent spans of equal style merged; empty spans dropped). */
export function parseAnsi(text: string): AnsiSpan[] {
  if (!hasAnsi(text)) return text ? [{ text, style: {} }] : [];
  const spans: AnsiSpan[] = [];
  let style: AnsiStyle = {};
  let buf = '';
  const pushText = () => {
    if (!buf) return;
    const last = spans[spans.length - 1];
    if (last && sameStyle(last.style, style)) last.text += buf;
    else spans.push({ text: buf, style });
    buf = '';
  };
  let i = 0;
  while (i < text.length) {
    // Ordinary text is copied a run at a time, not a character at a time.
    ORDINARY_RUN.lastIndex = i;
    const run = ORDINARY_RUN.exec(text);
    if (run) { buf += run[0]; i += run[0].length; continue; }
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (ch === ESC || code === 0x9b || code === 0x9d) {
      const csi = code === 0x9b || (ch === ESC && text[i + 1] === '[');
      const osc = code === 0x9d || (ch === ESC && text[i + 1] === ']');
      if (csi) {
        // CSI: parameter bytes 0x30–0x3F, intermediate 0x20–0x2F, final 0x40–0x7E.
        let j = i + (code === 0x9b ? 1 : 2);
        const start = j;
        while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x3f) j++;
        const paramText = text.slice(start, j);
        while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
        const final = text[j];
        if (final === 'm' && /^[\d;:]*$/.test(paramText)) {
          pushText();
          const params = paramText === '' ? [] : paramText.split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
          style = applySgr(style, params);
        }
        i = j < text.length ? j + 1 : j;
        continue;
      }
      if (osc) {
        // OSC: up to BEL or ST (ESC \); dropped entirely (titles, hyperlinks).
        let j = i + (code === 0x9d ? 1 : 2);
        while (j < text.length && text[j] !== '\x07' && !(text[j] === ESC && text[j + 1] === '\\')) j++;
        i = j >= text.length ? j : text[j] === '\x07' ? j + 1 : j + 2;
        continue;
      }
      if (ch === ESC) {
        // Other escapes: ESC plus intermediates plus one final byte.
        let j = i + 1;
        while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
        i = Math.min(text.length, j + 1);
        continue;
      }
      i++;
      continue;
    }
    if (isControl(code)) { i++; continue; }
    buf += isInvisibleChar(code) ? visibleCodePoint(code) : ch;
    i++;
  }
  pushText();
  return spans;
}

/** The first `limit` characters of styled spans, and how many characters were left out. */
export function clipSpans(spans: readonly AnsiSpan[], limit: number): { spans: AnsiSpan[]; omitted: number } {
  const out: AnsiSpan[] = [];
  let kept = 0;
  let omitted = 0;
  for (const span of spans) {
    const room = limit - kept;
    if (room >= span.text.length) { out.push(span); kept += span.text.length; continue; }
    if (room > 0) { out.push({ text: span.text.slice(0, room), style: span.style }); kept = limit; }
    omitted += span.text.length - Math.max(0, room);
  }
  return { spans: out, omitted };
}

/** The text with every escape and control character removed (for search, copy and download). */
export function stripAnsi(text: string): string {
  if (!hasAnsi(text)) return text;
  return parseAnsi(text).map((s) => s.text).join('');
}

// The xterm default palette for 16 colours; the 256-colour cube and grey ramp are computed.
const BASE16 = [
  '#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
  '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff',
];

/** A CSS colour for an ANSI colour; built only from numbers, so nothing from the log reaches CSS. */
export function cssColor(c: AnsiColor): string {
  if (typeof c !== 'number') return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
  if (c < 16) return BASE16[c];
  if (c < 232) {
    const n = c - 16;
    const v = (x: number) => (x === 0 ? 0 : 55 + x * 40);
    return `rgb(${v(Math.floor(n / 36))}, ${v(Math.floor(n / 6) % 6)}, ${v(n % 6)})`;
  }
  const g = 8 + (c - 232) * 10;
  return `rgb(${g}, ${g}, ${g})`;
}

/** Inline style for a span: palette colours 0–15 go through CSS classes so themes can adjust them. */
export function spanPresentation(style: AnsiStyle): { className: string; css: Record<string, string> } {
  const classes: string[] = [];
  const css: Record<string, string> = {};
  const put = (c: AnsiColor | undefined, kind: 'fg' | 'bg') => {
    if (c === undefined) {
      // Inverse video with a default colour: the theme's background as text, or its text as background.
      if (style.inverse) classes.push(`ansi-${kind}-inverse`);
      return;
    }
    if (typeof c === 'number' && c < 16) classes.push(`ansi-${kind}-${c}`);
    else css[kind === 'fg' ? 'color' : 'backgroundColor'] = cssColor(c);
  };
  put(style.inverse ? style.bg : style.fg, 'fg');
  put(style.inverse ? style.fg : style.bg, 'bg');
  if (style.bold) classes.push('ansi-bold');
  if (style.dim) classes.push('ansi-dim');
  if (style.italic) classes.push('ansi-italic');
  if (style.underline) classes.push('ansi-underline');
  if (style.strike) classes.push('ansi-strike');
  return { className: classes.join(' '), css };
}
