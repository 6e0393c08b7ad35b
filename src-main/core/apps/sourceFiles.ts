import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ManifestProblem } from '../../../shared/apps/manifestDocuments';

/** A manifest file bigger than this is reported, not read: no real manifest is, and a 50 MB file would stall every re-render. */
export const MAX_MANIFEST_BYTES = 8 << 20;
const MANIFEST = /\.(ya?ml|json)$/i;
/** Folders that hold tooling, not manifests. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.github', '.vscode', '.idea']);

export interface SourceFile { path: string; rel: string; text: string }

/**
 * Every *.yaml, *.yml and *.json under `root` (sorted, so the order is stable), following symlinks
 * once: a link back into a folder already visited is reported as a loop instead of walking forever.
 */
export async function readManifestFiles(root: string, maxFiles = 5000): Promise<{ files: SourceFile[]; problems: ManifestProblem[] }> {
  const files: SourceFile[] = [];
  const problems: ManifestProblem[] = [];
  const seenDirs = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try { real = await realpath(dir); } catch (err) { problems.push({ file: relative(root, dir) || '.', message: `cannot resolve: ${(err as Error).message}` }); return; }
    if (seenDirs.has(real)) { problems.push({ file: relative(root, dir), message: 'symlink loop: this folder links back to one already read; skipped' }); return; }
    seenDirs.add(real);
    let entries;
    try { entries = await readdir(dir, { withFileTypes: true }); } catch (err) { problems.push({ file: relative(root, dir) || '.', message: `cannot read the folder: ${(err as Error).message}` }); return; }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = join(dir, e.name);
      const rel = relative(root, full);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try { const s = await stat(full); isDir = s.isDirectory(); isFile = s.isFile(); } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          problems.push({ file: rel, message: code === 'ELOOP' ? 'symlink loop; skipped' : `broken symlink: ${(err as Error).message}` });
          continue;
        }
      }
      if (isDir) { if (!SKIP_DIRS.has(e.name)) await walk(full); continue; }
      if (!isFile || !MANIFEST.test(e.name)) continue;
      if (files.length >= maxFiles) { problems.push({ file: rel, message: `more than ${maxFiles} manifest files; the rest are not read` }); return; }
      const size = (await lstat(full).then((s) => (s.isSymbolicLink() ? stat(full) : s))).size;
      if (size > MAX_MANIFEST_BYTES) { problems.push({ file: rel, message: `${(size / 1048576).toFixed(1)} MiB is over the ${MAX_MANIFEST_BYTES >> 20} MiB limit for one manifest file; not read` }); continue; }
      try { files.push({ path: full, rel, text: await readFile(full, 'utf8') }); } catch (err) { problems.push({ file: rel, message: `cannot read: ${(err as Error).message}` }); }
    }
  };
  await walk(root);
  return { files, problems };
}
