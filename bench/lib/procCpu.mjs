// CPU seconds per group of processes over a benchmark step, from /proc (Linux): on a box with few cores
// every process in the pipeline takes its CPU from somebody's frame, so a step reports who used how much.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const HZ = 100; // USER_HZ on Linux

function readProc(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return { pid, ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / HZ, cmdline };
  } catch {
    return undefined;
  }
}

/**
 * A snapshot of the CPU seconds of the processes `classify` names (it returns a group name, or
 * undefined to leave a process out). `descends(root)` says whether the process is `root` or below it.
 * @param {(p: { pid: number, cmdline: string, descends: (root: number) => boolean }) => string | undefined} classify
 */
export function cpuSnapshot(classify) {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = readProc(Number(name));
    if (p) procs.set(p.pid, p);
  }
  /** @type {Map<number, { group: string, cpu: number }>} */
  const out = new Map();
  for (const p of procs.values()) {
    const descends = (root) => {
      for (let q = p, hops = 0; q && hops < 64; q = procs.get(q.ppid), hops++) if (q.pid === root) return true;
      return false;
    };
    const group = classify({ pid: p.pid, cmdline: p.cmdline, descends });
    if (group) out.set(p.pid, { group, cpu: p.cpu });
  }
  return out;
}

/** CPU seconds per group between two snapshots (processes started in between count from zero). */
export function cpuDelta(before, after) {
  /** @type {Record<string, number>} */
  const groups = {};
  for (const [pid, a] of after) {
    const d = a.cpu - (before.get(pid)?.cpu ?? 0);
    groups[a.group] = Math.round(((groups[a.group] ?? 0) + d) * 100) / 100;
  }
  return groups;
}

/** A test-cluster's processes (pid → name), from its state directory. */
export function controlPlanePids(stateDir) {
  const pids = {};
  for (const name of ['kube-apiserver', 'etcd', 'kwok', 'kube-controller-manager', 'kube-scheduler']) {
    try {
      const pid = Number(readFileSync(path.join(stateDir, 'pids', `${name}.pid`), 'utf8').trim());
      if (pid) pids[pid] = name;
    } catch { /* not running */ }
  }
  return pids;
}
