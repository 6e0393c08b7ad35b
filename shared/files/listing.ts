// Reading a container's directory listing from what runs there: GNU/busybox `find -printf` with
// NUL-separated fields (names may hold any byte but NUL and '/'), else `ls -la` (busybox, GNU, BSD
// style), parsed by columns. Names are kept as text and shown as text.

export type FileType = 'file' | 'dir' | 'symlink' | 'other';
export interface FileEntry {
  name: string;
  type: FileType;
  /** Bytes; 0 for devices. */
  size: number;
  /** Permission bits as `ls` shows them (`rwxr-xr-x`), with the type letter first. */
  mode: string;
  /** ISO time when the listing gives a full one; otherwise what ls printed. */
  modified?: string;
  linkTarget?: string;
}

/** The argv of the first attempt: six NUL-terminated fields per entry. */
export function findCommand(dir: string): string[] {
  return ['find', dir, '-mindepth', '1', '-maxdepth', '1', '-printf', '%y\\0%s\\0%T@\\0%m\\0%f\\0%l\\0'];
}

/** Fallbacks when find has no -printf (busybox builds without it, BSD). */
export function lsCommands(dir: string): string[][] {
  const d = dir.endsWith('/') ? dir : `${dir}/`;
  return [['ls', '-la', '--full-time', d], ['ls', '-la', d]];
}

const TYPE_LETTER: Record<string, FileType> = { f: 'file', d: 'dir', l: 'symlink', '-': 'file' };

function permString(typeLetter: string, octal: number): string {
  const bits = 'rwxrwxrwx';
  let s = '';
  for (let i = 0; i < 9; i++) s += octal & (1 << (8 - i)) ? bits[i] : '-';
  return `${typeLetter === 'f' ? '-' : typeLetter}${s}`;
}

export function parseFindOutput(out: string): FileEntry[] {
  const f = out.split('\0');
  const entries: FileEntry[] = [];
  for (let i = 0; i + 5 < f.length; i += 6) {
    const [y, size, t, mode, name, link] = f.slice(i, i + 6);
    const secs = Number(t);
    entries.push({
      name,
      type: TYPE_LETTER[y] ?? 'other',
      size: Number(size) || 0,
      mode: permString(y, parseInt(mode, 8) || 0),
      ...(Number.isFinite(secs) ? { modified: new Date(secs * 1000).toISOString() } : {}),
      ...(y === 'l' ? { linkTarget: link } : {}),
    });
  }
  return sortEntries(entries);
}

const MODE = /^[-dlcbps][-rwxsStTl]{9}[.+@]?$/;

/**
 * `ls -la` lines: mode, links, owner, group, size (or "major, minor"), a date of three columns
 * (`Jan  2 03:04` / `Jan  2  2024` / `2026-12-07 20:57:06.1 +0000`), then the name (spaces kept;
 * `name -> target` for links). `.` and `..` and the `total` line are left out.
 */
export function parseLsOutput(out: string): FileEntry[] {
  const entries: FileEntry[] = [];
  for (const line of out.split('\n')) {
    const cols = [...line.matchAll(/\S+/g)];
    if (cols.length < 9 || !MODE.test(cols[0][0])) continue;
    let i = 4;
    let size = Number(cols[i][0]);
    if (cols[i][0].endsWith(',')) { i++; size = 0; }
    const dateCols = cols.slice(i + 1, i + 4).map((m) => m[0]);
    const nameAt = cols[i + 4]?.index;
    if (nameAt === undefined) continue;
    let name = line.slice(nameAt);
    const t = cols[0][0][0];
    let linkTarget: string | undefined;
    if (t === 'l') {
      const arrow = name.indexOf(' -> ');
      if (arrow >= 0) { linkTarget = name.slice(arrow + 4); name = name.slice(0, arrow); }
    }
    if (name === '.' || name === '..') continue;
    const full = /^\d{4}-\d\d-\d\d$/.test(dateCols[0]) ? Date.parse(`${dateCols[0]}T${dateCols[1]}${dateCols[2].replace(/^([+-]\d\d)(\d\d)$/, '$1:$2')}`) : NaN;
    entries.push({
      name,
      type: t === 'd' ? 'dir' : t === '-' ? 'file' : t === 'l' ? 'symlink' : 'other',
      size: Number.isFinite(size) ? size : 0,
      mode: cols[0][0].slice(0, 10),
      modified: Number.isFinite(full) ? new Date(full).toISOString() : dateCols.join(' '),
      ...(linkTarget !== undefined ? { linkTarget } : {}),
    });
  }
  return sortEntries(entries);
}

/** Folders first, then by name. */
export function sortEntries(e: FileEntry[]): FileEntry[] {
  return e.sort((a, b) => Number(b.type === 'dir') - Number(a.type === 'dir') || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** An absolute, normalised path ('/a/b'), refusing nothing: `..` climbs, empty parts go. */
export function normalisePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function joinPath(dir: string, name: string): string {
  return normalisePath(`${dir}/${name}`);
}

export function parentPath(p: string): string {
  return normalisePath(`${p}/..`);
}

/** Whether an exec failure means the program is not in the image (exit 126/127, runtime wording). */
export function isMissingProgram(code: number | null, text: string): boolean {
  return code === 126 || code === 127 || /executable file not found|no such file or directory.*exec|not found in \$PATH|: not found\b|command not found/i.test(text);
}

