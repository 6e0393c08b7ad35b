import { describe, expect, it } from 'vitest';
import { TarReader, tarEnd, tarHeader, tarPadding, tarSize, RECORD, type TarEntry } from './tar';

// Interop with GNU tar itself (what containers run) is in src-main/core/files/tarWithGnuTar.test.ts.
describe('tar writer and reader', () => {
  it('round-trips entries with long UTF-8 names, read back in 1-byte chunks', () => {
    const enc = new TextEncoder();
    const long = `dir/${'ż'.repeat(70)}.txt`;
    const content = enc.encode('zawartość\n'.repeat(100));
    const parts = [tarHeader({ name: 'dir', type: 'dir', size: 0 }), tarHeader({ name: long, type: 'file', size: content.length }), content, tarPadding(content.length)];
    const n = parts.reduce((s, p) => s + p.length, 0);
    parts.push(tarEnd(n));
    const archive = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) { archive.set(p, o); o += p.length; }
    expect(archive.length % RECORD).toBe(0);
    expect(archive.length).toBe(tarSize([{ name: 'dir', type: 'dir', size: 0 }, { name: long, type: 'file', size: content.length }]));
    const seen: TarEntry[] = [];
    let bytes = 0;
    const r = new TarReader({ entry: (e) => seen.push(e), data: (c) => { bytes += c.length; }, entryEnd: () => {} });
    for (let i = 0; i < archive.length; i++) r.push(archive.subarray(i, i + 1));
    expect(seen.map((e) => [e.name, e.type])).toEqual([['dir/', 'dir'], [long, 'file']]);
    expect(bytes).toBe(content.length);
    expect(r.ended).toBe(true);
  });

  it('refuses names that climb out, and streams that are not tar', () => {
    expect(() => tarHeader({ name: '../x', type: 'file', size: 0 })).toThrow(/refusing/);
    expect(() => new TarReader({ entry: () => {}, data: () => {}, entryEnd: () => {} }).push(new TextEncoder().encode('x'.repeat(600)))).toThrow(/not a tar stream/);
  });
});
