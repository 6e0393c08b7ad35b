import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { SearchIndex, type BufferedLine } from './logBuffer';
import { useFeedVersion, type LogFeed } from './logFeed';
import { FixedLogRows } from './FixedLogRows';
import { LOG_ROW_HEIGHT as ROW, type LogLineOptions } from './LogLine';
import type { LogRowsHandle, LogRowsProps } from './logRows';
import { WrappedLogRows } from './WrappedLogRows';
import { formatCount } from './formatCount';
import './logs.css';

export function lineForExport(l: BufferedLine, withTs: boolean): string {
  const src = l.pod ? `[${l.pod}/${l.container}] ` : '';
  return `${withTs && l.ts ? `${l.ts} ` : ''}${src}${l.plain}`;
}

/** Saves text as a file through a Blob URL (no server round trip, nothing interpreted). */
export function downloadText(name: string, parts: BlobPart[]): void {
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface LogPaneProps {
  feed: LogFeed;
  wrap: boolean;
  showTs: boolean;
  /** Prefix lines with their pod/container (workload logs). */
  showSource?: boolean;
  /** File name for "download visible". */
  fileName: string;
  /** Extra download entries (the whole log). */
  downloads?: ReactNode;
  label: string;
}

/**
 * The lines of a log feed: virtualized, following the end until the user scrolls up (then a
 * "resume" button with the count of lines that arrived meanwhile), search with highlight and
 * next/previous, and an "older lines dropped" marker when the ring buffer let lines go.
 */
export function LogPane({ feed, wrap, showTs, showSource, fileName, downloads, label }: LogPaneProps) {
  const version = useFeedVersion(feed);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState<number | undefined>(undefined);
  const search = useMemo(() => new SearchIndex(), [feed]); // eslint-disable-line react-hooks/exhaustive-deps
  // Whether a scroll comes from the user (wheel, keys, dragging the bar) rather than from following.
  const pointerDown = useRef(false);
  const userAt = useRef(0);
  const byUser = () => pointerDown.current || performance.now() - userAt.current < 400;
  const buffer = feed.buffer;
  const following = !feed.paused;

  search.setQuery(query, buffer);
  search.update(buffer);
  const matches = search.matches;
  const currentIdx = current === undefined ? -1 : matches.indexOf(current);

  const count = buffer.length;
  const rowsRef = useRef<LogRowsHandle>(null);
  const options = useMemo<LogLineOptions>(() => ({ query, current, showTs, showSource: !!showSource }), [query, current, showTs, showSource]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el || !byUser()) return;
    const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW;
    if (!atEnd && !feed.paused) feed.setPaused(true);
    else if (atEnd && feed.paused) feed.setPaused(false);
  }, [feed]);
  const markUser = useCallback(() => { userAt.current = performance.now(); }, []);
  const onPointerDown = useCallback(() => { pointerDown.current = true; userAt.current = performance.now(); }, []);
  const onPointerUp = useCallback(() => { pointerDown.current = false; userAt.current = performance.now(); }, []);

  const goTo = (n: number) => {
    setCurrent(n);
    const i = buffer.indexOfN(n);
    if (i < 0) return;
    feed.setPaused(true);
    userAt.current = 0;
    rowsRef.current?.scrollToIndex(i);
  };
  const step = (dir: 1 | -1) => {
    if (!matches.length) return;
    let k: number;
    if (currentIdx >= 0) k = (currentIdx + dir + matches.length) % matches.length;
    else if (dir === 1) { const firstVisible = rowsRef.current?.firstVisibleIndex() ?? 0; const n0 = buffer.at(firstVisible)?.n ?? 0; k = matches.findIndex((m) => m >= n0); if (k < 0) k = 0; }
    else k = matches.length - 1;
    goTo(matches[k]);
  };

  useEffect(() => { setCurrent(undefined); }, [query]);

  const resume = () => {
    feed.setPaused(false);
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  };

  const downloadVisible = () => downloadText(fileName, buffer.toArray().map((l) => `${lineForExport(l, showTs)}\n`));

  const rowsProps: LogRowsProps = {
    buffer, count, version, following, options, scrollRef, handle: rowsRef,
    scrollProps: {
      className: `log-scroll${wrap ? ' wrap' : ''}`, 'data-testid': 'log-scroll', tabIndex: 0,
      onScroll, onWheel: markUser, onPointerDown, onPointerUp, onKeyDown: markUser, onTouchMove: markUser,
    },
    children: count === 0 && <div className="log-empty muted">{feed.status.closed || feed.status.state === 'ended' ? 'The log is empty.' : 'No lines yet.'}</div>,
  };
  return (
    <div className="log-pane" data-testid="log-pane" aria-label={label}
      data-lines-received={buffer.lastN + 1 + feed.pendingCount} data-lines-dropped={buffer.dropped} data-lines-skipped={feed.status.skipped}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') { e.preventDefault(); searchRef.current?.focus(); searchRef.current?.select(); }
      }}>
      <div className="log-searchbar">
        <input ref={searchRef} className="log-search" type="search" placeholder="Search (Enter: next, Shift+Enter: previous)" value={query}
          aria-label="Search log" data-testid="log-search"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); step(e.shiftKey ? -1 : 1); } if (e.key === 'Escape') setQuery(''); }} />
        <span className="muted log-match-count" data-testid="log-match-count">
          {query ? (matches.length ? `${currentIdx >= 0 ? currentIdx + 1 : '–'} / ${matches.length}` : 'no matches') : ''}
        </span>
        <button onClick={() => step(-1)} disabled={!matches.length} aria-label="Previous match">↑</button>
        <button onClick={() => step(1)} disabled={!matches.length} aria-label="Next match">↓</button>
        <span className="log-spacer" />
        <button onClick={downloadVisible} disabled={!count} data-testid="log-download-visible">Download visible</button>
        {downloads}
      </div>
      {buffer.dropped > 0 && (
        <div className="log-dropped" data-testid="log-dropped" role="status">
          {formatCount(buffer.dropped)} older line{buffer.dropped === 1 ? '' : 's'} dropped (this view keeps the latest {formatCount(buffer.capacity)})
        </div>
      )}
      {feed.status.skipped > 0 && (
        <div className="log-dropped" data-testid="log-skipped" role="status">
          {formatCount(feed.status.skipped)} line{feed.status.skipped === 1 ? '' : 's'} skipped: this view fell more than {formatCount(buffer.capacity)} lines behind the log (download the whole log to see them)
        </div>
      )}
      {feed.status.malformed > 0 && (
        <div className="log-dropped" role="status">{feed.status.malformed} batch(es) of lines could not be read and were left out</div>
      )}
      {feed.status.serverDropped > 0 && (
        <div className="log-dropped" role="status">{feed.status.serverDropped} line(s) over 1 MiB were left out</div>
      )}
      {wrap ? <WrappedLogRows {...rowsProps} /> : <FixedLogRows {...rowsProps} />}
      {!following && (
        <button className="log-resume primary" onClick={resume} data-testid="log-resume">
          Resume following{feed.pendingCount ? ` (${formatCount(feed.pendingCount)} new)` : ''}
        </button>
      )}
    </div>
  );
}
