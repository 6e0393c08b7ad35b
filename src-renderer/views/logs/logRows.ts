import type { HTMLAttributes, ReactNode, Ref, RefObject } from 'react';
import type { LogBuffer } from './logBuffer';
import type { LogLineOptions } from './LogLine';

/** What the pane asks of its list of rows, whichever layout (fixed-height or wrapped) it uses. */
export interface LogRowsHandle {
  /** Scrolls so that row `index` is in the middle of the viewport. */
  scrollToIndex(index: number): void;
  /** Index of the first row in view. */
  firstVisibleIndex(): number;
}

export interface LogRowsProps {
  buffer: LogBuffer;
  /** The buffer's length at this render (the buffer itself is mutated in place). */
  count: number;
  /** Bumped by the feed once per animation frame in which anything changed. */
  version: number;
  /** Keep the last line in view as lines arrive. */
  following: boolean;
  options: LogLineOptions;
  /** The scroll container, shared with the pane (pause on scroll-up, resume). */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Attributes and handlers of the scroll container. */
  scrollProps: HTMLAttributes<HTMLDivElement> & { 'data-testid'?: string };
  handle: Ref<LogRowsHandle>;
  /** Shown inside the scroll container under the rows (the "no lines" note). */
  children?: ReactNode;
}
