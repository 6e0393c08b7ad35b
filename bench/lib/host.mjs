// Runs node_modules/.cache/wheelhouse-bench/host.mjs (the app core) as a child process and talks to it over stdin/stdout JSON lines.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { HOST_BUNDLE, REPO_DIR } from './build.mjs';

/**
 * Runs `host.mjs sync` once in a fresh process: the core's time to hold pods, rs, deploy, svc.
 * @returns {Promise<{ ms: number, wallMs: number, counts: Record<string, number>, perKindMs: Record<string, number>, mem: any }>}
 */
export function runSync(kubeconfig, context, { nodeArgs = [] } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, HOST_BUNDLE, 'sync', kubeconfig, context], { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      const line = stdout.trim().split('\n').pop();
      if (code !== 0 || !line) return reject(new Error(`host sync exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ ...JSON.parse(line), wallMs });
    });
  });
}

/**
 * Starts `host.mjs serve` (core + serve mode). Returns { url, openUrl, pid, call(cmd, args), close() }.
 * @param {string} kubeconfig @param {string} context @param {{ nodeArgs?: string[], log?: (m: string) => void }} [opts]
 */
export async function startServeHost(kubeconfig, context, opts = {}) {
  const child = spawn(process.execPath, ['--expose-gc', ...(opts.nodeArgs ?? []), HOST_BUNDLE, 'serve', kubeconfig, context], {
    cwd: REPO_DIR, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; if (stderr.length > 20000) stderr = stderr.slice(-10000); });
  const lines = createInterface({ input: child.stdout });
  const waiting = new Map();
  let nextId = 1;
  let ready;
  const readyP = new Promise((res, rej) => {
    ready = res;
    child.on('exit', (code) => {
      rej(new Error(`serve host exited ${code}: ${stderr.slice(-2000)}`));
      for (const w of waiting.values()) w.reject(new Error(`serve host exited ${code}: ${stderr.slice(-2000)}`));
      waiting.clear();
    });
  });
  lines.on('line', (line) => {
    let msg;
    try { msg = JSON.parse(line); } catch { return; }
    if (msg.type === 'ready') return ready(msg);
    const w = waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.error) w.reject(new Error(msg.error)); else w.resolve(msg);
  });
  const info = await readyP;
  const exited = new Promise((r) => child.once('exit', r));
  const call = (cmd, args = {}) => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    child.stdin.write(JSON.stringify({ id, cmd, ...args }) + '\n');
  });
  return {
    ...info,
    pid: child.pid,
    call,
    async close() {
      if (child.exitCode !== null) return;
      call('exit').catch(() => {});
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}
