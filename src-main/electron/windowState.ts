// The main window's remembered size and position (userData/window-state.json). Restored only where it
// is still visible on one of the current displays, so a window closed on an unplugged monitor does not
// reopen off-screen.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Rect { x: number; y: number; width: number; height: number }
export interface WindowState { x?: number; y?: number; width: number; height: number; maximized: boolean }

export const DEFAULT_WINDOW: WindowState = { width: 1400, height: 900, maximized: false };
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 500;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Validates what was read from disk; anything odd yields undefined (and so the defaults). */
export function parseWindowState(raw: unknown): WindowState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (!finite(r.width) || !finite(r.height)) return undefined;
  const s: WindowState = { width: Math.round(r.width), height: Math.round(r.height), maximized: r.maximized === true };
  if (finite(r.x) && finite(r.y)) { s.x = Math.round(r.x); s.y = Math.round(r.y); }
  return s;
}

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  return {
    w: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    h: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window. The saved size is clamped to the largest display; the saved position is
 * kept only if at least 100×50 px of the window's top (its title bar) lies on some display, else the
 * window is centred (x/y omitted).
 */
export function placeWindow(saved: WindowState | undefined, workAreas: Rect[]): WindowState {
  const s = saved ?? DEFAULT_WINDOW;
  const maxW = Math.max(MIN_WIDTH, ...workAreas.map((a) => a.width));
  const maxH = Math.max(MIN_HEIGHT, ...workAreas.map((a) => a.height));
  const placed: WindowState = {
    width: Math.min(Math.max(s.width, MIN_WIDTH), maxW),
    height: Math.min(Math.max(s.height, MIN_HEIGHT), maxH),
    maximized: s.maximized,
  };
  if (s.x !== undefined && s.y !== undefined) {
    const titleBar: Rect = { x: s.x, y: s.y, width: placed.width, height: 50 };
    if (workAreas.some((a) => { const o = overlap(titleBar, a); return o.w >= 100 && o.h >= 50; })) {
      placed.x = s.x;
      placed.y = s.y;
    }
  }
  return placed;
}

export function loadWindowState(file: string): WindowState | undefined {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Written atomically (temp file + rename) so a crash mid-write leaves the previous state. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch (err) {
    console.warn('[wheelhouse] could not save the window state:', err);
  }
}
