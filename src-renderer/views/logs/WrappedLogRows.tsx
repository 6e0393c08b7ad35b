import { useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { LOG_ROW_HEIGHT as ROW, LogLineContent } from './LogLine';
import type { LogRowsProps } from './logRows';

/**
 * Wrapped log rows: a long line takes as many visual lines as the width needs, so each rendered row
 * is measured (@tanstack/react-virtual). Costlier per batch than FixedLogRows; used only while the
 * user has wrapping on.
 */
export function WrappedLogRows({ buffer, count, version, following, options, scrollRef, scrollProps, handle, children }: LogRowsProps) {
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 10,
    getItemKey: (i) => buffer.at(i)?.n ?? i,
  });

  // Follow the end: measured heights are only known after layout, so this one reads it.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && following) el.scrollTop = el.scrollHeight;
  }, [version, following, count, scrollRef]);

  // …and when the pane itself changes size (window resized, panel dragged).
  const followingRef = useRef(following);
  useEffect(() => { followingRef.current = following; }, [following]);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => { if (followingRef.current) el.scrollTop = el.scrollHeight; });
    ro.observe(el);
    return () => ro.disconnect();
  }, [scrollRef]);

  useImperativeHandle(handle, () => ({
    scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'center' }),
    firstVisibleIndex: () => virtualizer.getVirtualItems()[0]?.index ?? 0,
  }), [virtualizer]);

  return (
    <div ref={scrollRef} {...scrollProps}>
      <div className="log-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((it) => {
          const line = buffer.at(it.index);
          if (!line) return null;
          return (
            <div key={it.key} className="log-row measured" data-index={it.index} ref={virtualizer.measureElement}
              style={{ transform: `translateY(${it.start}px)` }}>
              <LogLineContent line={line} options={options} />
            </div>
          );
        })}
      </div>
      {children}
    </div>
  );
}
