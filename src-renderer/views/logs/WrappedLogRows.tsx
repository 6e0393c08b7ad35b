import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { LOG_ROW_HEIGHT as ROW, LogLineContent } from './LogLine';
import { LineOffsets, syncLineOffsets } from './lineOffsets';
import type { LogRowsProps } from './logRows';
import { slotCount } from './rowWindow';
import { wrappedLineRows, type WrapGeometry } from './wrapRows';

const OVERSCAN = 10;
/** Measures the font's character width (and, through its row, the row's width). */
const PROBE = 'M'.repeat(64);

/** Where a reader is: a line, and how far below its top the viewport's top is. */
interface Anchor { n: number; within: number }

/**
 * Wrapped log rows: a long line takes as many visual rows as the width needs. Each line's height is
 * worked out from its text and the measured character and row widths (wrapRows.ts), kept per line in
 * a layout that mirrors the ring buffer (lineOffsets.ts): a batch costs O(its lines), and the layout's
 * memory is bounded by the buffer's. A row shown for the first time is measured once in the DOM and
 * its height corrected if the estimate was off (characters from a fallback font, tabs).
 *
 * Following keeps the end in view; a reader keeps the same line at the top of the viewport when lines
 * above it change height or drop out, or the width changes.
 */
export function WrappedLogRows({ buffer, following, options, scrollRef, scrollProps, handle, children }: LogRowsProps) {
  const probeRef = useRef<HTMLSpanElement>(null);
  const windowRef = useRef<HTMLDivElement>(null);
  const [geometry, setGeometry] = useState<WrapGeometry | undefined>(undefined);
  const [viewport, setViewport] = useState(0);
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const layout = useMemo(() => new LineOffsets(buffer.capacity), [buffer]);
  const laidOutFor = useRef('');
  const anchor = useRef<Anchor | undefined>(undefined);
  const followingRef = useRef(following);
  const viewportRef = useRef(viewport);
  const scrollTopSeen = useRef(0);
  // The lines at the viewport's top and bottom in the last render: a scroll that changes neither needs none.
  const shownEdges = useRef({ top: -1, bottom: -1 });
  useLayoutEffect(() => { followingRef.current = following; viewportRef.current = viewport; });

  // Bring the layout up to date: new lines appended, dropped ones let go (O(batch)); everything laid
  // out again only when the geometry or the prefixes change. Idempotent, so safe during render.
  const { showTs, showSource } = options;
  if (geometry) {
    const heightOf = (n: number) => ROW * wrappedLineRows(buffer.at(n - buffer.firstN), options, geometry);
    const key = `${geometry.rowWidth}/${geometry.charWidth}/${showTs}/${showSource}`;
    if (key !== laidOutFor.current) {
      laidOutFor.current = key;
      layout.reset(buffer.firstN);
    }
    syncLineOffsets(layout, buffer, heightOf);
  }

  const total = layout.total;
  const maxTop = Math.max(0, total - viewport);
  const topFor = (a: Anchor) => !layout.has(a.n) ? (a.n < layout.first ? 0 : maxTop)
    : Math.min(maxTop, layout.offsetOf(a.n) + Math.min(a.within, layout.heightOf(a.n) - 1));
  const top = following ? maxTop : anchor.current ? topFor(anchor.current) : Math.min(maxTop, scrollTopSeen.current);
  const topN = layout.lineAt(top);
  const bottomN = layout.lineAt(top + viewport);
  shownEdges.current = { top: topN, bottom: bottomN };
  const firstN = Math.max(layout.first, topN - OVERSCAN);
  const endN = Math.min(layout.end, bottomN + 1 + OVERSCAN);
  // Every row is at least ROW high (min-height), so the window never holds more rows than slots.
  const slots = slotCount(ROW, viewport, OVERSCAN);

  const anchorAt = useCallback((offset: number): Anchor => {
    const n = layout.lineAt(offset);
    return { n, within: Math.max(0, offset - layout.offsetOf(n)) };
  }, [layout]);

  // The row and character widths, and the viewport's height: from resize notifications (no polling).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const probe = probeRef.current;
    const probeRow = probe?.parentElement;
    if (!el || !probe || !probeRow) return;
    setViewport(el.clientHeight);
    const measure = () => {
      const rowWidth = probeRow.getBoundingClientRect().width;
      const style = getComputedStyle(probeRow);
      const next = {
        rowWidth: rowWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        charWidth: probe.getBoundingClientRect().width / PROBE.length,
      };
      if (next.rowWidth > 0 && next.charWidth > 0) {
        setGeometry((g) => (g && g.rowWidth === next.rowWidth && g.charWidth === next.charWidth ? g : next));
      }
    };
    measure();
    const ro = new ResizeObserver((entries) => {
      for (const e of entries) if (e.target === el) setViewport(e.contentRect.height);
      measure();
    });
    ro.observe(el);
    ro.observe(probeRow);
    ro.observe(probe);
    return () => ro.disconnect();
  }, [scrollRef]);

  // After each commit: measure the rows shown for the first time, then put the scroll position where
  // following or the reader's anchor wants it.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const win = windowRef.current;
    if (!el || !win) return;
    let corrected = false;
    for (const row of win.children as HTMLCollectionOf<HTMLElement>) {
      const n = Number(row.dataset.n);
      if (layout.isMeasured(n)) continue;
      const h = row.getBoundingClientRect().height;
      if (h !== layout.heightOf(n)) corrected = true;
      layout.setHeight(n, h, true);
    }
    if (corrected) { rerender(); return; }
    if (following) {
      anchor.current = undefined;
      el.scrollTop = total;
      scrollTopSeen.current = el.scrollTop;
      return;
    }
    anchor.current ??= anchorAt(el.scrollTop);
    const wanted = topFor(anchor.current);
    if (Math.abs(el.scrollTop - wanted) >= 1) el.scrollTop = wanted;
  });

  // The reader's scrolling moves the anchor and, when other lines come into view, the window; committed
  // in the scroll event itself so no frame shows blank rows.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      scrollTopSeen.current = el.scrollTop;
      if (followingRef.current) return;
      anchor.current = anchorAt(el.scrollTop);
      const edges = shownEdges.current;
      if (anchor.current.n !== edges.top || layout.lineAt(el.scrollTop + viewportRef.current) !== edges.bottom) flushSync(rerender);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scrollRef, anchorAt, layout]);

  useImperativeHandle(handle, () => ({
    scrollToIndex: (index: number) => {
      const el = scrollRef.current;
      const line = buffer.at(index);
      if (!el || !line || !layout.has(line.n)) return;
      const offset = Math.max(0, layout.offsetOf(line.n) - (el.clientHeight - layout.heightOf(line.n)) / 2);
      anchor.current = anchorAt(offset);
      el.scrollTop = offset;
      rerender();
    },
    firstVisibleIndex: () => Math.max(0, layout.lineAt(scrollRef.current?.scrollTop ?? 0) - buffer.firstN),
  }), [scrollRef, buffer, layout, anchorAt]);

  const rows = [];
  for (let n = firstN; n < endN; n++) {
    const line = buffer.at(n - buffer.firstN);
    rows.push(
      <div key={n % slots} className="log-row" data-n={n}>
        <LogLineContent line={line} options={options} />
      </div>,
    );
  }
  return (
    <div ref={scrollRef} {...scrollProps}>
      <div className="log-inner" style={{ height: total }}>
        <div className="log-row log-probe" aria-hidden="true"><span ref={probeRef}>{PROBE}</span></div>
        <div ref={windowRef} className="log-window" style={{ transform: `translateY(${layout.offsetOf(firstN)}px)` }}>{rows}</div>
      </div>
      {children}
    </div>
  );
}
