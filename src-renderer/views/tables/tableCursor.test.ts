import { describe, expect, it } from 'vitest';
import { cursorPosition } from './tableCursor';

describe('cursorPosition', () => {
  it('follows its row wherever the row moves', () => {
    expect(cursorPosition(['a', 'b', 'c'], 'c', 0)).toBe(2);
  });
  it('stays at the same position when its row goes', () => {
    expect(cursorPosition(['a', 'c', 'd'], 'b', 1)).toBe(1);
  });
  it('clamps to the last row when the rows shrink below it', () => {
    expect(cursorPosition(['a'], 'z', 3)).toBe(0);
  });
  it('is nowhere without a cursor, without rows, or without a position ever held', () => {
    expect(cursorPosition(['a'], undefined, 0)).toBe(-1);
    expect(cursorPosition([], 'a', 0)).toBe(-1);
    expect(cursorPosition(['a'], 'z', -1)).toBe(-1);
  });
});
