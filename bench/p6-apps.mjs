// P6: an Application of 1,000 objects (plain manifests, 10 files of 100 ConfigMaps) opened in the app's
// core (render, server-side-apply dry runs with bounded concurrency, statuses), then one file changed
// on disk (only that file's objects are dry-run again), beside `kubectl diff --server-side -f` on the
// same folder. Figures, not a pass/fail: the goal is statuses within 3 s of opening.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const FILES = 10;
const PER_FILE = 100;

function configMaps(file, value) {
  return Array.from({ length: PER_FILE }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${file}-${i}\ndata:\n  value: "${value}"\n`).join('---\n');
}

function run(cmd, argv, opts = {}) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...(opts.env ?? {}) } });
    let out = ''; let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => ((opts.okCodes ?? [0]).includes(code) ? resolve({ ms: performance.now() - t, out }) : reject(new Error(`${cmd} ${argv.join(' ')} exited ${code}: ${err.slice(-500)}`))));
  });
}

/** Runs P6 on a namespace of its own; returns the figures. `hostBundle` is bench/entry/host.ts, built. */
export async function appsBenchmark({ kubeconfig, context, kubectl, hostBundle, log, namespace = 'wh-bench-apps' }) {
  const k = (argv, opts) => run(kubectl, [`--kubeconfig=${kubeconfig}`, `--context=${context}`, ...argv], opts);
  const dir = mkdtempSync(path.join(tmpdir(), 'wh-p6-'));
  try {
    for (let f = 0; f < FILES; f++) writeFileSync(path.join(dir, `cms-${f}.yaml`), configMaps(f, 'one'));
    await k(['create', 'namespace', namespace], { okCodes: [0, 1] });
    // In the cluster as the source says, in the apply set an application "bench" in this namespace owns (as
    // after a sync), so the figure is the common case: open and compare.
    await k(['apply', '--server-side', '--prune', '--applyset=bench', '-n', namespace, '-f', dir], { env: { KUBECTL_APPLYSET: 'true' } });
    const host = spawn(process.execPath, [hostBundle, 'apps', kubeconfig, context, dir, namespace, path.join(dir, 'cms-3.yaml')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: host.stdout });
    const phases = {};
    for await (const line of lines) {
      const m = JSON.parse(line);
      phases[m.phase] = m;
      log(`P6 ${m.phase}: ${Math.round(m.ms)} ms, ${m.dryRuns} dry runs, ${JSON.stringify(m.counts)}`);
      if (m.phase === 'change') break;
    }
    host.kill();
    if (!phases.change) throw new Error('the host (bench/entry/host.ts apps) ended before reporting both phases; its stderr is above');
    // The same file change, seen by kubectl: diff the whole folder again.
    const diff = await k(['diff', '--server-side', '--force-conflicts', '-n', namespace, '-f', dir], { okCodes: [0, 1] });
    log(`P6 kubectl diff --server-side -f (1,000 objects, 100 differing): ${Math.round(diff.ms)} ms`);
    const open = phases.open; const change = phases.change;
    return {
      objects: FILES * PER_FILE,
      openMs: Math.round(open.ms), openDryRuns: open.dryRuns,
      changeMs: Math.round(change.ms), changeDryRuns: change.dryRuns,
      kubectlDiffMs: Math.round(diff.ms),
      ratioOpenToKubectl: Math.round((open.ms / diff.ms) * 100) / 100,
      ratioChangeToKubectl: Math.round((change.ms / diff.ms) * 100) / 100,
    };
  } finally {
    await k(['delete', 'namespace', namespace, '--wait=false'], { okCodes: [0, 1] }).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
