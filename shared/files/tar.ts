// A minimal tar (ustar + GNU long names + pax path/size) reader and writer: what `tar cf -` in a
// container produces for `kubectl cp`-style downloads, and what `tar -xmf -` there needs for uploads.
// Pure: Uint8Array only, so the renderer builds upload archives and the core reads download streams.

export const BLOCK = 512;
/** GNU tar reads in records of 20 blocks; an archive padded to a whole record is read to its end. */
export const RECORD = 20 * BLOCK;

export type TarEntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
export interface TarEntry { name: string; type: TarEntryType; size: number; mode: number; mtime: number; linkName: string }

const enc = new TextEncoder();
const dec = new TextDecoder();

function readString(b: Uint8Array, off: number, len: number): string {
  let end = off;
  while (end < off + len && b[end] !== 0) end++;
  return dec.decode(b.subarray(off, end));
}

/** Octal, or GNU base-256 (high bit set) for sizes of 8 GiB and more. */
function readNumber(b: Uint8Array, off: number, len: number): number {
  if (b[off] & 0x80) {
    let v = b[off] & 0x7f;
    for (let i = off + 1; i < off + len; i++) v = v * 256 + b[i];
    return v;
  }
  const s = readString(b, off, len).trim();
  return s ? parseInt(s, 8) : 0;
}

function checksumOf(b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : b[i];
  return sum;
}

function typeOf(flag: number): TarEntryType {
  const c = String.fromCharCode(flag);
  if (c === '0' || flag === 0 || c === '7') return 'file';
  if (c === '5') return 'dir';
  if (c === '2') return 'symlink';
  if (c === '1') return 'hardlink';
  return 'other';
}

/** The `path`/`size`/`linkpath` records of a pax extended header. */
export function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    let sp = i;
    while (sp < data.length && data[sp] !== 0x20) sp++;
    const len = parseInt(dec.decode(data.subarray(i, sp)), 10);
    if (!Number.isFinite(len) || len <= 0) break;
    const rec = dec.decode(data.subarray(sp + 1, i + len - 1));
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

export interface TarReaderHandlers {
  entry(e: TarEntry): void;
  data(chunk: Uint8Array): void;
  entryEnd(): void;
}

/**
 * Reads a tar stream pushed in arbitrary chunks. Entry data is handed on as it arrives (a 20 MB file
 * is never held whole). Throws on a header whose checksum is wrong: the stream is not a tar (a shell's
 * error text, say), which the caller reports.
 */
export class TarReader {
  private buf = new Uint8Array(0);
  /** Bytes of the current entry's (or meta header's) data still to come, then its padding. */
  private remaining = 0;
  private padding = 0;
  private size = 0;
  /** A GNU long name ('L'), long link ('K') or pax ('x') header's data is being gathered. */
  private meta: 'L' | 'K' | 'x' | 'g' | undefined;
  private metaBytes: Uint8Array[] = [];
  private pending: { name?: string; linkName?: string; size?: number } = {};
  private inEntry = false;
  /** The end-of-archive blocks were read. */
  ended = false;

  constructor(private readonly h: TarReaderHandlers) {}

  push(chunk: Uint8Array): void {
    let c = chunk;
    while (c.length > 0 && !this.ended) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, c.length);
        const part = c.subarray(0, n);
        if (this.meta) this.metaBytes.push(part.slice());
        else this.h.data(part);
        this.remaining -= n;
        c = c.subarray(n);
        if (this.remaining === 0) this.closeEntry();
        continue;
      }
      if (this.padding > 0) {
        const n = Math.min(this.padding, c.length);
        this.padding -= n;
        c = c.subarray(n);
        continue;
      }
      const take = c.subarray(0, BLOCK - this.buf.length);
      const joined = new Uint8Array(this.buf.length + take.length);
      joined.set(this.buf);
      joined.set(take, this.buf.length);
      this.buf = joined;
      c = c.subarray(take.length);
      if (this.buf.length < BLOCK) return;
      const header = this.buf;
      this.buf = new Uint8Array(0);
      this.header(header);
    }
  }

  private header(b: Uint8Array): void {
    if (b.every((x) => x === 0)) { this.ended = true; return; }
    if (readNumber(b, 148, 8) !== checksumOf(b)) throw new Error('not a tar stream (bad header checksum)');
    const flag = String.fromCharCode(b[156]);
    const size = readNumber(b, 124, 12);
    if (flag === 'L' || flag === 'K' || flag === 'x' || flag === 'g') {
      this.meta = flag;
      this.metaBytes = [];
      this.begin(size);
      return;
    }
    const prefix = readString(b, 345, 155);
    const base = readString(b, 0, 100);
    const ustar = readString(b, 257, 5) === 'ustar';
    const type = typeOf(b[156]);
    const entry: TarEntry = {
      name: this.pending.name ?? (ustar && prefix ? `${prefix}/${base}` : base),
      type,
      size: this.pending.size ?? size,
      mode: readNumber(b, 100, 8),
      mtime: readNumber(b, 136, 12),
      linkName: this.pending.linkName ?? readString(b, 157, 100),
    };
    this.pending = {};
    this.inEntry = true;
    this.h.entry(entry);
    // Links and directories carry no data whatever their size field says.
    this.begin(type === 'file' || type === 'other' ? entry.size : 0);
  }

  private begin(size: number): void {
    this.size = size;
    this.remaining = size;
    this.padding = 0;
    if (size === 0) this.closeEntry();
  }

  private closeEntry(): void {
    this.padding = (BLOCK - (this.size % BLOCK)) % BLOCK;
    if (this.meta) {
      const all = concat(this.metaBytes);
      if (this.meta === 'L') this.pending.name = readString(all, 0, all.length);
      else if (this.meta === 'K') this.pending.linkName = readString(all, 0, all.length);
      else if (this.meta === 'x') {
        const pax = parsePax(all);
        if (pax.path) this.pending.name = pax.path;
        if (pax.linkpath) this.pending.linkName = pax.linkpath;
        if (pax.size && /^\d+$/.test(pax.size)) this.pending.size = Number(pax.size);
      }
      this.meta = undefined;
      return;
    }
    if (this.inEntry) { this.inEntry = false; this.h.entryEnd(); }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let o = 0;
  for (const x of parts) { out.set(x, o); o += x.length; }
  return out;
}

function writeString(b: Uint8Array, off: number, len: number, s: string): void {
  b.set(enc.encode(s).subarray(0, len), off);
}

function writeOctal(b: Uint8Array, off: number, len: number, n: number): void {
  writeString(b, off, len, n.toString(8).padStart(len - 1, '0'));
}

function headerBlock(name: string, flag: string, size: number, mode: number, mtime: number): Uint8Array {
  const b = new Uint8Array(BLOCK);
  writeString(b, 0, 100, name);
  writeOctal(b, 100, 8, mode);
  writeOctal(b, 108, 8, 0);
  writeOctal(b, 116, 8, 0);
  if (size >= 8 ** 11) {
    // GNU base-256 for 8 GiB and more.
    b[124] = 0x80;
    let v = size;
    for (let i = 135; i > 124; i--) { b[i] = v % 256; v = Math.floor(v / 256); }
  } else writeOctal(b, 124, 12, size);
  writeOctal(b, 136, 12, Math.max(0, Math.floor(mtime)));
  b[156] = flag.charCodeAt(0);
  writeString(b, 257, 6, 'ustar');
  writeString(b, 263, 2, '00');
  writeOctal(b, 148, 7, checksumOf(b));
  b[155] = 0x20;
  return b;
}

export interface TarWriteEntry { name: string; type: 'file' | 'dir'; size: number; mode?: number; mtime?: number }

/**
 * The header block(s) of one entry: a GNU long-name entry first when the name does not fit in 100
 * bytes (GNU tar and busybox tar read it; kubectl cp writes the same). Names are relative ("a/b.txt").
 */
export function tarHeader(e: TarWriteEntry): Uint8Array {
  if (e.name.startsWith('/') || e.name.split('/').includes('..')) throw new Error(`refusing an absolute or parent path in an archive: ${e.name}`);
  const name = e.type === 'dir' && !e.name.endsWith('/') ? `${e.name}/` : e.name;
  const mode = e.mode ?? (e.type === 'dir' ? 0o755 : 0o644);
  const mtime = e.mtime ?? Math.floor(Date.now() / 1000);
  const size = e.type === 'dir' ? 0 : e.size;
  const flag = e.type === 'dir' ? '5' : '0';
  const bytes = enc.encode(name);
  if (bytes.length <= 100) return headerBlock(name, flag, size, mode, mtime);
  const long = headerBlock('././@LongLink', 'L', bytes.length + 1, 0o644, 0);
  const data = new Uint8Array(Math.ceil((bytes.length + 1) / BLOCK) * BLOCK);
  data.set(bytes);
  return concat([long, data, headerBlock(name.slice(0, 99), flag, size, mode, mtime)]);
}

/** Zero bytes after `size` bytes of data, up to the block boundary. */
export function tarPadding(size: number): Uint8Array {
  return new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK);
}

/** The end-of-archive blocks, padding the archive to a whole record (`written` bytes so far). */
export function tarEnd(written: number): Uint8Array {
  const total = written + 2 * BLOCK;
  return new Uint8Array(2 * BLOCK + ((RECORD - (total % RECORD)) % RECORD));
}

/** The archive's size before it is built: each header, data and padding, and the end. */
export function tarSize(entries: TarWriteEntry[]): number {
  let n = 0;
  for (const e of entries) {
    n += tarHeader(e).length;
    if (e.type === 'file') n += e.size + tarPadding(e.size).length;
  }
  return n + tarEnd(n).length;
}
