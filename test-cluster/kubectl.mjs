// Runs the kubectl that build.sh built for the pinned Kubernetes version (never /usr/bin/kubectl), so
// tests talk to the test cluster with a client of the matching version.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { binDir } from './paths.mjs';

export function kubectlPath() {
  return path.join(binDir(), 'kubectl');
}

export class KubectlError extends Error {
  /** @param {string} message @param {{ args: string[], code: number | null, signal: string | null, stdout: string, stderr: string }} info */
  constructor(message, info) {
    super(message);
    this.name = 'KubectlError';
    this.args = info.args;
    this.code = info.code;
    this.signal = info.signal;
    this.stdout = info.stdout;
    this.stderr = info.stderr;
  }
}

/**
 * @param {string[]} args
 * @param {{ kubeconfig?: string, context?: string }} opts
 */
function fullArgs(args, opts) {
  const pre = [];
  if (opts.kubeconfig) pre.push(`--kubeconfig=${opts.kubeconfig}`);
  if (opts.context) pre.push(`--context=${opts.context}`);
  return [...pre, ...args];
}

function childEnv(extra = {}) {
  // kubectl caches discovery under $HOME/.kube/cache; keep the caller's HOME, drop KUBECONFIG so an
  // explicit --kubeconfig is the only source.
  const env = { ...process.env, ...extra };
  delete env.KUBECONFIG;
  return env;
}

/**
 * Runs kubectl to completion and resolves with its stdout; rejects with a KubectlError (carrying
 * stdout, stderr and exit code) when it exits non-zero or times out.
 * @param {string[]} args
 * @param {{ kubeconfig?: string, context?: string, input?: string, timeoutMs?: number, env?: Record<string,string> }} [opts]
 * @returns {Promise<string>}
 */
export function kubectl(args, opts = {}) {
  const argv = fullArgs(args, opts);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const child = spawn(kubectlPath(), argv, { stdio: ['pipe', 'pipe', 'pipe'], env: childEnv(opts.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { stderr += `\n[kubectl.mjs] timed out after ${timeoutMs} ms`; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new KubectlError(`kubectl ${argv.join(' ')} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`, { args: argv, code, signal, stdout, stderr }));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

/**
 * Starts a long-running kubectl (logs -f, port-forward, exec -i) and returns the child process; the
 * caller must kill it. stdio defaults to pipes.
 * @param {string[]} args
 * @param {{ kubeconfig?: string, context?: string, env?: Record<string,string>, stdio?: import('node:child_process').StdioOptions }} [opts]
 */
export function spawnKubectl(args, opts = {}) {
  return spawn(kubectlPath(), fullArgs(args, opts), { stdio: opts.stdio ?? ['pipe', 'pipe', 'pipe'], env: childEnv(opts.env) });
}
