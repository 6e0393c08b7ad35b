import { findTool, runTool } from '../tools/externalTool';

/** HEAD's short sha and whether the work tree has changes, when `path` is inside a git work tree. */
export async function gitRevision(path: string): Promise<{ sha: string; dirty: boolean } | undefined> {
  let git;
  try { git = await findTool('git'); } catch { return undefined; }
  const head = await runTool(git, ['-C', path, 'rev-parse', '--short', 'HEAD'], { timeoutMs: 10_000, maxOutputBytes: 4096 });
  if (head.code !== 0) return undefined;
  // --no-optional-locks: a status must not rewrite .git/index (the folder watcher would see that as a change).
  const status = await runTool(git, ['--no-optional-locks', '-C', path, 'status', '--porcelain', '--', '.'], { timeoutMs: 10_000, maxOutputBytes: 1 << 20 });
  return { sha: head.stdout.trim(), dirty: status.code === 0 && status.stdout.trim().length > 0 };
}
