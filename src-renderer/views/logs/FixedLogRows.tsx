import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { LOG_ROW_HEIGHT as ROW, LogLineContent } from './LogLine';
import type { LogRowsProps } from './logRows';
import { endScrollTop, rowWindow, slotCount } from './rowWindow';

const OVERSCAN = 10;

/**
 * Unwrapped log rows, all one height: the list's geometry is arithmetic (rowWindow.ts), so following
 * the end writes the scroll position without reading layout, a batch of lines costs the same whatever
 * the buffer holds, and the pane commits at most once per frame (when the feed says so, or when the
 * user's scrolling moves the window). Rows are recycled by slot, so a batch updates text in place.
 */
export function FixedLogRows({ buffer, count, following, options, scrollRef, scrollProps, handle, children }: LogRowsProps) {
  const [viewport, setViewport] = useState(0);
  // The first row in view while the user reads (not following); while following it is the last page.
  const [topRow, setTopRow] = useState(0);
  const followingRef = useRef(following);
  const topRowRef = useRef(topRow);
  useLayoutEffect(() => { followingRef.current = following; }, [following]);
  useLayoutEffect(() => { topRowRef.current = topRow; }, [topRow]);

  const total = count * ROW;
  const scrollTop = following ? endScrollTop(count, ROW, viewport) : topRow * ROW;
  const { first, end } = rowWindow({ count, rowHeight: ROW, viewportHeight: viewport, scrollTop, overscan: OVERSCAN });
  const slots = slotCount(ROW, viewport, OVERSCAN);

  // The viewport's height, from the first layout and then from resize notifications (no polling).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    setViewport(el.clientHeight);
    const ro = new ResizeObserver(([entry]) => setViewport(entry.contentRect.height));
    ro.observe(el);
    return () => ro.disconnect();
  }, [scrollRef]);

  // Follow the end: the position comes from the row count (the browser clamps it), never from layout.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && following) el.scrollTop = total;
  }, [following, total, viewport, scrollRef]);

  // When following stops, the window starts where the view is.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && !following) setTopRow(Math.floor(el.scrollTop / ROW));
  }, [following, scrollRef]);

  // The user's scrolling moves the window; committed in the scroll event itself so no frame shows
  // blank rows. Scroll events come at most once per frame; the end-following ones change nothing.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      if (followingRef.current) return;
      const row = Math.floor(el.scrollTop / ROW);
      if (row !== topRowRef.current) { topRowRef.current = row; flushSync(() => setTopRow(row)); }
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scrollRef]);

  const scrollToIndex = useCallback((index: number) => {
    const el = scrollRef.current;
    if (el) el.scrollTop = Math.max(0, index * ROW - (el.clientHeight - ROW) / 2);
  }, [scrollRef]);
  useImperativeHandle(handle, () => ({
    scrollToIndex,
    firstVisibleIndex: () => Math.floor((scrollRef.current?.scrollTop ?? 0) / ROW),
  }), [scrollToIndex, scrollRef]);

  const rows = [];
  for (let i = first; i < end; i++) {
    const line = buffer.at(i);
    rows.push(
      <div key={line.n % slots} className="log-row">
        <LogLineContent line={line} options={options} />
      </div>,
    );
  }
  return (
    <div ref={scrollRef} {...scrollProps}>
      <div className="log-inner" style={{ height: total }}>
        <div className="log-window" style={{ transform: `translateY(${first * ROW}px)` }}>{rows}</div>
      </div>
      {children}
    </div>
  );
}
