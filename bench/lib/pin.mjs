// CPU affinity for a benchmark's processes (Linux taskset): on a 2-core box the test cluster shares the
// cores with the app, which a user's remote cluster never does. Pinning the cluster to one core and the
// app to the other shows what the app does with a core of its own.
import { execFileSync } from 'node:child_process';

/**
 * Pins every process of `snapshot` (cpuSnapshot's pid → { group }) whose group `cpuOf` maps to a CPU,
 * all threads included; processes they start later inherit it. Returns the pids pinned per CPU.
 * @param {Map<number, { group: string }>} snapshot
 * @param {(group: string) => number | undefined} cpuOf
 */
export function pinGroups(snapshot, cpuOf) {
  /** @type {Record<string, string[]>} */
  const placed = {};
  for (const [pid, { group }] of snapshot) {
    const cpu = cpuOf(group);
    if (cpu === undefined) continue;
    try {
      execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
      (placed[cpu] ??= []).push(`${group} ${pid}`);
    } catch { /* exited meanwhile */ }
  }
  return placed;
}
