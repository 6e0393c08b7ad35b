import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_MANIFEST_BYTES, readManifestFiles } from './sourceFiles';

describe('readManifestFiles', () => {
  it('reads every manifest under the folder, reports a symlink loop and an oversized file, and keeps the rest', async () => {
    const root = mkdtempSync(join(tmpdir(), 'wh-src-'));
    mkdirSync(join(root, 'sub'));
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, 'a.yaml'), 'x: 1');
    writeFileSync(join(root, 'sub', 'b.yml'), 'x: 2');
    writeFileSync(join(root, 'sub', 'c.json'), '{}');
    writeFileSync(join(root, 'notes.txt'), 'no');
    writeFileSync(join(root, '.git', 'config.yaml'), 'ignored: true');
    symlinkSync(root, join(root, 'sub', 'loop'));
    writeFileSync(join(root, 'huge.yaml'), '');
    truncateSync(join(root, 'huge.yaml'), MAX_MANIFEST_BYTES + 1);
    const { files, problems } = await readManifestFiles(root);
    expect(files.map((f) => f.rel)).toEqual(['a.yaml', join('sub', 'b.yml'), join('sub', 'c.json')]);
    expect(problems).toEqual([
      { file: 'huge.yaml', message: expect.stringMatching(/over the 8 MiB limit/) },
      { file: join('sub', 'loop'), message: expect.stringMatching(/symlink loop/) },
    ]);
  });
  it('says when the folder cannot be read', async () => {
    const { files, problems } = await readManifestFiles(join(tmpdir(), 'wh-no-such-folder-xyz'));
    expect(files).toEqual([]);
    expect(problems[0].message).toMatch(/cannot resolve/);
  });
});
