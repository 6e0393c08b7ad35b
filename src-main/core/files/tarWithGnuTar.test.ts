import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TarReader, tarEnd, tarHeader, tarPadding, tarSize, RECORD, type TarEntry } from '../../../shared/files/tar';

function read(bytes: Uint8Array, chunk = 7): { entries: (TarEntry & { data: string })[]; ended: boolean } {
  const entries: (TarEntry & { data: string })[] = [];
  let parts: Buffer[] = [];
  const r = new TarReader({
    entry: (e) => { parts = []; entries.push({ ...e, data: '' }); },
    data: (c) => parts.push(Buffer.from(c)),
    entryEnd: () => { entries[entries.length - 1].data = Buffer.concat(parts).toString('utf8'); },
  });
  for (let i = 0; i < bytes.length; i += chunk) r.push(bytes.subarray(i, i + chunk));
  return { entries, ended: r.ended };
}

describe('tar', () => {
  it('reads what GNU tar writes (long names, a folder, a symlink, an empty file), in small chunks', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tar-test-'));
    const long = 'n'.repeat(150);
    mkdirSync(path.join(dir, 'top/sub'), { recursive: true });
    writeFileSync(path.join(dir, 'top/a.txt'), 'hello\n');
    writeFileSync(path.join(dir, 'top/sub', long), 'x'.repeat(1000));
    writeFileSync(path.join(dir, 'top/empty'), '');
    execFileSync('ln', ['-s', 'a.txt', path.join(dir, 'top/link')]);
    const out = execFileSync('tar', ['cf', '-', '-C', dir, 'top']);
    const { entries, ended } = read(out);
    expect(ended).toBe(true);
    const byName = Object.fromEntries(entries.map((e) => [e.name, e]));
    expect(byName['top/'].type).toBe('dir');
    expect(byName['top/a.txt']).toMatchObject({ type: 'file', size: 6, data: 'hello\n' });
    expect(byName[`top/sub/${long}`]).toMatchObject({ type: 'file', size: 1000, data: 'x'.repeat(1000) });
    expect(byName['top/empty']).toMatchObject({ type: 'file', size: 0 });
    expect(byName['top/link']).toMatchObject({ type: 'symlink', linkName: 'a.txt' });
  });

  it('writes archives GNU tar extracts byte for byte, padded to whole records, of the size announced', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tar-test-'));
    const long = `d/${'é'.repeat(80)}.bin`;
    const content = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 251));
    const files = [{ name: 'd', type: 'dir' as const, size: 0 }, { name: long, type: 'file' as const, size: content.length }, { name: 'd/b.txt', type: 'file' as const, size: 3 }];
    const parts: Uint8Array[] = [];
    let n = 0;
    const add = (b: Uint8Array) => { parts.push(b); n += b.length; };
    add(tarHeader(files[0]));
    add(tarHeader(files[1])); add(content); add(tarPadding(content.length));
    add(tarHeader(files[2])); add(Buffer.from('abc')); add(tarPadding(3));
    add(tarEnd(n));
    const archive = Buffer.concat(parts);
    expect(archive.length % RECORD).toBe(0);
    expect(archive.length).toBe(tarSize(files));
    execFileSync('tar', ['-xmf', '-', '-C', dir], { input: archive });
    expect(readFileSync(path.join(dir, long)).equals(content)).toBe(true);
    expect(readFileSync(path.join(dir, 'd/b.txt'), 'utf8')).toBe('abc');
    expect(read(archive, 1000).entries.map((e) => e.name)).toEqual(['d/', long, 'd/b.txt']);
  });

});
