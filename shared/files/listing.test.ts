import { describe, expect, it } from 'vitest';
import { isMissingProgram, joinPath, normalisePath, parentPath, parseFindOutput, parseLsOutput } from './listing';

// Parsing what this machine's find and ls print is in src-main/core/files/listingWithRealTools.test.ts.
describe('listing', () => {
  it('parses NUL-separated find output with any characters in names', () => {
    const out = ['d', '4096', '1765141026.5', '755', 'a dir', '', 'f', '5', '1765141026', '644', 'tab\there\nnewline', '', 'l', '3', '1765141026', '777', 'lnk', 'x y', ''].join('\0');
    const e = parseFindOutput(out);
    expect(e.map((x) => x.name)).toEqual(['a dir', 'lnk', 'tab\there\nnewline']);
    expect(e[0]).toMatchObject({ type: 'dir', mode: 'drwxr-xr-x', modified: '2025-12-07T20:57:06.500Z' });
    expect(e[1]).toMatchObject({ type: 'symlink', linkTarget: 'x y', mode: 'lrwxrwxrwx' });
    expect(e[2]).toMatchObject({ type: 'file', size: 5, mode: '-rw-r--r--' });
  });

  it('parses busybox-style ls lines and device files', () => {
    const out = [
      'total 8',
      'drwxr-xr-x    2 root     root          4096 Dec  7 20:57 bin',
      'crw-rw-rw-    1 root     root        1,   3 Dec  7 20:57 null',
      '-rw-r--r--    1 root     root            12 Jan  2  2024 my file',
      'lrwxrwxrwx    1 root     root             7 Dec  7 20:57 sh -> busybox',
      'drwxr-xr-x    2 root     root          4096 Dec  7 20:57 .',
    ].join('\n');
    expect(parseLsOutput(out)).toEqual([
      { name: 'bin', type: 'dir', size: 4096, mode: 'drwxr-xr-x', modified: 'Dec 7 20:57' },
      { name: 'my file', type: 'file', size: 12, mode: '-rw-r--r--', modified: 'Jan 2 2024' },
      { name: 'null', type: 'other', size: 0, mode: 'crw-rw-rw-', modified: 'Dec 7 20:57' },
      { name: 'sh', type: 'symlink', size: 7, mode: 'lrwxrwxrwx', modified: 'Dec 7 20:57', linkTarget: 'busybox' },
    ]);
  });

  it('normalises paths and recognises a missing program', () => {
    expect(normalisePath('a//b/./c/../d/')).toBe('/a/b/d');
    expect(normalisePath('/..')).toBe('/');
    expect(joinPath('/x', '..')).toBe('/');
    expect(parentPath('/a/b')).toBe('/a');
    expect(isMissingProgram(null, 'exec: "tar": executable file not found in $PATH')).toBe(true);
    expect(isMissingProgram(127, '')).toBe(true);
    expect(isMissingProgram(1, 'tar: x: Cannot stat')).toBe(false);
  });
});
