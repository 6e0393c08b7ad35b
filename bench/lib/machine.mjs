// The machine and the versions a benchmark ran on, so figures are never quoted without them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_DIR } from './build.mjs';

const tryRun = (cmd, args) => {
  try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], cwd: REPO_DIR }).trim(); } catch { return undefined; }
};

export function loadAverage() {
  try {
    const [one, five, fifteen] = readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number);
    return { one, five, fifteen };
  } catch {
    const [one, five, fifteen] = os.loadavg();
    return { one, five, fifteen };
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** @param {{ kubectlPath: string, serverVersion?: string, chromium?: string }} o */
export function versions(o) {
  const pkg = JSON.parse(readFileSync(path.join(REPO_DIR, 'package.json'), 'utf8'));
  const dep = (name) => {
    try { return JSON.parse(readFileSync(path.join(REPO_DIR, 'node_modules', name, 'package.json'), 'utf8')).version; } catch { return undefined; }
  };
  const kubectlJson = tryRun(o.kubectlPath, ['version', '--client', '-o', 'json']);
  return {
    wheelhouse: pkg.version,
    commit: tryRun('git', ['rev-parse', '--short', 'HEAD']),
    dirty: !!tryRun('git', ['status', '--porcelain', '--untracked-files=no']),
    node: process.version,
    kubernetes: o.serverVersion,
    kubectl: kubectlJson ? JSON.parse(kubectlJson).clientVersion?.gitVersion : undefined,
    chromium: o.chromium,
    react: dep('react'), xyflow: dep('@xyflow/react'), clientNode: dep('@kubernetes/client-node'), undici: dep('undici'),
  };
}

/** Busy and total CPU time of the whole machine so far (seconds, all cores), from /proc/stat. */
export function machineCpuSeconds() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    const idle = f[3] + (f[4] ?? 0); // idle + iowait
    return { busy: (total - idle) / 100, total: total / 100 };
  } catch {
    return undefined;
  }
}
