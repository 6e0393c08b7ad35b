import { memo } from 'react';
import { clipSpans, parseAnsi, spanPresentation, type AnsiSpan } from './ansi';
import { findRanges, highlight, type BufferedLine } from './logBuffer';
import { omittedNotice, SHOWN_CHARS } from './shownText';

/** Height of one unwrapped log row in px (the CSS line-height of .log-row). */
export const LOG_ROW_HEIGHT = 18;

interface ShownText { spans: AnsiSpan[]; omitted: number }

// Parsed once per line, and only for lines that are rendered.
const shownCache = new WeakMap<BufferedLine, ShownText>();
const shownOf = (l: BufferedLine) => {
  let s = shownCache.get(l);
  if (!s) { s = clipSpans(parseAnsi(l.text), SHOWN_CHARS); shownCache.set(l, s); }
  return s;
};

// Distinguishable on light and dark backgrounds (Tableau 10, slightly darkened).
const SOURCE_COLORS = ['#2f6fb0', '#d9730d', '#2e9e44', '#c83a3a', '#8657b8', '#8c564b', '#c2418f', '#5f6b7a', '#8f9a12', '#0f9aa8'];

/** A stable colour per pod name (FNV-1a hash into a fixed palette). */
export function sourceColor(name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return SOURCE_COLORS[(h >>> 0) % SOURCE_COLORS.length];
}

/** What a row shows besides its line: the same for every row of a pane. */
export interface LogLineOptions {
  query: string;
  /** `n` of the current search match. */
  current: number | undefined;
  showTs: boolean;
  showSource: boolean;
}

const LineText = memo(function LineText({ line, query, current }: { line: BufferedLine; query: string; current: boolean }) {
  const { spans, omitted } = shownOf(line);
  const sensitive = query !== query.toLowerCase();
  const segments = highlight(spans, query ? findRanges(line.plain, sensitive ? query : query.toLowerCase(), sensitive) : []);
  return (
    <span className="log-text">
      {segments.map((seg, i) => {
        const p = spanPresentation(seg.style);
        const style = Object.keys(p.css).length ? p.css : undefined;
        if (seg.mark) return <mark key={i} className={`${current ? 'log-match current' : 'log-match'} ${p.className}`} style={style}>{seg.text}</mark>;
        return p.className || style ? <span key={i} className={p.className} style={style}>{seg.text}</span> : seg.text;
      })}
      {omitted > 0 && <span className="log-omitted">{omittedNotice(omitted)}</span>}
    </span>
  );
});

/** The content of one row: source, timestamp, and the line's text with its colours and search marks (text nodes, never HTML). */
export function LogLineContent({ line, options }: { line: BufferedLine; options: LogLineOptions }) {
  return (
    <>
      {options.showSource && line.pod && <span className="log-source" style={{ color: sourceColor(line.pod) }}>{line.pod}{line.container ? `/${line.container}` : ''}</span>}
      {options.showTs && line.ts && <span className="log-ts">{line.ts}</span>}
      <LineText line={line} query={options.query} current={line.n === options.current} />
    </>
  );
}
