import { formatCount } from './formatCount';

/**
 * Characters of a line put on screen; the rest is counted, and kept for search, copy-all and
 * download. Laying out a 1 MiB line took tens of ms in every frame it was in view (as VS Code's
 * editor.stopRenderingLineAfter, whose default this is).
 */
export const SHOWN_CHARS = 10_000;

/** What a row shows after the first SHOWN_CHARS characters of a longer line. */
export function omittedNotice(omitted: number): string {
  return ` … ${formatCount(omitted)} more characters (download to see the whole line)`;
}
