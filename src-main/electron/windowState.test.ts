import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, loadWindowState, parseWindowState, placeWindow, saveWindowState } from './windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('placeWindow', () => {
  it('uses the defaults, centred, when nothing was saved', () => {
    expect(placeWindow(undefined, [laptop])).toEqual({ width: 1400, height: 875, maximized: false });
    expect(placeWindow(undefined, [external])).toEqual(DEFAULT_WINDOW);
  });

  it('restores a position that is still on a display', () => {
    expect(placeWindow({ x: 1600, y: 100, width: 1200, height: 800, maximized: true }, [laptop, external]))
      .toEqual({ x: 1600, y: 100, width: 1200, height: 800, maximized: true });
  });

  it('centres a window whose monitor is gone', () => {
    expect(placeWindow({ x: 1600, y: 100, width: 1200, height: 800, maximized: false }, [laptop]))
      .toEqual({ width: 1200, height: 800, maximized: false });
    expect(placeWindow({ x: -5000, y: -5000, width: 1000, height: 700, maximized: false }, [laptop]))
      .toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('clamps the size between the minimum and the largest display', () => {
    expect(placeWindow({ width: 100, height: 100, maximized: false }, [laptop])).toMatchObject({ width: 800, height: 500 });
    expect(placeWindow({ width: 9000, height: 9000, maximized: false }, [laptop])).toMatchObject({ width: 1440, height: 875 });
  });
});

describe('window state file', () => {
  let dir: string | undefined;
  afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('round-trips and rejects garbage', () => {
    dir = mkdtempSync(join(tmpdir(), 'wh-winstate-'));
    const file = join(dir, 'sub', 'window-state.json');
    expect(loadWindowState(file)).toBeUndefined();
    saveWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
    writeFileSync(file, '{not json');
    expect(loadWindowState(file)).toBeUndefined();
  });

  it('validates fields', () => {
    expect(parseWindowState(null)).toBeUndefined();
    expect(parseWindowState({ width: '1000', height: 700 })).toBeUndefined();
    expect(parseWindowState({ width: 1000, height: Infinity })).toBeUndefined();
    expect(parseWindowState({ width: 1000.4, height: 700, x: 'a', y: 2, maximized: 'yes' })).toEqual({ width: 1000, height: 700, maximized: false });
  });
});
