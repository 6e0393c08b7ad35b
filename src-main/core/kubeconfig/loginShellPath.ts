import { execFile } from 'node:child_process';
import { delimiter } from 'node:path';

/**
 * An app started from the Dock or a desktop menu does not inherit the login shell's PATH, so exec
 * credential plugins (aws, gke-gcloud-auth-plugin, kubelogin) are "not found". Ask the user's login
 * shell for its PATH once and append what is missing. Windows keeps its PATH.
 */
export function loginShellPath(shell = process.env.SHELL, timeoutMs = 3000): Promise<string | undefined> {
  if (process.platform === 'win32' || !shell) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile(shell, ['-ilc', 'printf "__WH_PATH__%s__WH_END__" "$PATH"'], { timeout: timeoutMs, env: { ...process.env, TERM: 'dumb' } }, (err, stdout) => {
      const m = /__WH_PATH__(.*)__WH_END__/s.exec(String(stdout ?? ''));
      resolve(err && !m ? undefined : m?.[1]);
    });
  });
}

export function mergePath(current: string | undefined, extra: string | undefined): string {
  const parts = (current ?? '').split(delimiter).filter(Boolean);
  for (const p of (extra ?? '').split(delimiter)) if (p && !parts.includes(p)) parts.push(p);
  return parts.join(delimiter);
}

export async function adoptLoginShellPath(): Promise<void> {
  process.env.PATH = mergePath(process.env.PATH, await loginShellPath());
}
