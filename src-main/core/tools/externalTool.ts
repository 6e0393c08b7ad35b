import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { loginShellPath, mergePath } from '../kubeconfig/loginShellPath';
import { ContractError } from '../../../shared/contract/contractError';

// External programs the app runs for features (helm, kustomize): found on the PATH the user's login
// shell has (an app started from the Dock or a desktop menu does not inherit it, exactly like exec
// credential plugins), run without a shell, with a timeout and capped output.

let shellPath: Promise<string | undefined> | undefined;

/** The login shell's PATH, asked once per process (3 s at most; undefined where there is none). */
function loginPathOnce(): Promise<string | undefined> {
  shellPath ??= loginShellPath();
  return shellPath;
}

/** The folders searched, in order: this process's PATH, then what the login shell adds. */
export async function toolSearchPath(explicit?: string): Promise<string[]> {
  const path = explicit ?? mergePath(process.env.PATH, await loginPathOnce());
  return path.split(delimiter).filter((d) => d && isAbsolute(d));
}

export interface FoundTool { name: string; path: string; searched: string[] }

/** `helm` not found: names the binary and every folder looked in, so the user can fix their PATH. */
export class ToolMissingError extends ContractError {
  constructor(readonly tool: string, readonly searched: string[]) {
    super('refused', `The \`${tool}\` program was not found. Looked in: ${searched.length ? searched.join(', ') : '(an empty PATH)'}. Install ${tool} or add its folder to your login shell's PATH, then try again.`);
  }
}

function isExecutableFile(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds `name` (a bare program name) on the search path; throws ToolMissingError naming where it looked. */
export async function findTool(name: string, opts: { searchPath?: string } = {}): Promise<FoundTool> {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`not a program name: ${name}`);
  const searched = await toolSearchPath(opts.searchPath);
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of searched) {
    for (const ext of exts) {
      const candidate = join(dir, name + ext);
      if (isExecutableFile(candidate)) return { name, path: candidate, searched };
    }
  }
  throw new ToolMissingError(name, searched);
}

export interface RunOptions {
  /** Killed (SIGKILL after SIGTERM) past this; the result says so. Default 5 minutes. */
  timeoutMs?: number;
  /** Bytes kept of each of stdout and stderr; the rest is dropped and `truncated` set. Default 4 MiB. */
  maxOutputBytes?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
  /** Each chunk of output as it comes (for streaming progress into the activity log). */
  onOutput?(stream: 'stdout' | 'stderr', text: string): void;
  signal?: AbortSignal;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  truncated: boolean;
  durationMs: number;
}

/** Runs a program found by findTool, never through a shell; resolves whatever its exit code. */
export function runTool(tool: FoundTool | string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const file = typeof tool === 'string' ? tool : tool.path;
  const cap = opts.maxOutputBytes ?? 4 << 20;
  const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { shell: false, env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
    const size = { stdout: 0, stderr: 0 };
    let truncated = false;
    let timedOut = false;
    const take = (which: 'stdout' | 'stderr') => (chunk: Buffer) => {
      opts.onOutput?.(which, chunk.toString('utf8'));
      const room = cap - size[which];
      if (room <= 0) { truncated = true; return; }
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      if (part !== chunk) truncated = true;
      out[which].push(part);
      size[which] += part.length;
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    const kill = () => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    };
    const timer = setTimeout(() => { timedOut = true; kill(); }, timeoutMs);
    const onAbort = () => kill();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({
        code, signal, timedOut, truncated,
        stdout: Buffer.concat(out.stdout).toString('utf8'),
        stderr: Buffer.concat(out.stderr).toString('utf8'),
        durationMs: Date.now() - started,
      });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}
