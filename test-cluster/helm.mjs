// The pinned helm (build-helm.sh builds it into its own cache folder, keyed by HELM_VERSION) and the
// demo release of the local chart in fixtures/charts/hello. Used by the seed, the tests and the demo.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, TEST_CLUSTER_DIR } from './paths.mjs';

export const HELLO_CHART = path.join(TEST_CLUSTER_DIR, 'fixtures', 'charts', 'hello');

export function helmVersion() {
  const m = /^\s*HELM_VERSION=(\S+)/m.exec(readFileSync(path.join(TEST_CLUSTER_DIR, 'versions.env'), 'utf8'));
  if (!m) throw new Error('test-cluster/versions.env has no HELM_VERSION');
  return m[1];
}

/** The folder holding the pinned helm binary (it may not be built yet). */
export function helmBinDir() {
  return path.join(cacheDir(), 'bin', `helm-${helmVersion()}`);
}

export function helmPath() {
  return path.join(helmBinDir(), 'helm');
}

/** Builds helm when it is not cached yet (minutes on 2 cores, then instant); returns its path. */
export function ensureHelm() {
  if (existsSync(helmPath())) return helmPath();
  const r = spawnSync('bash', [path.join(TEST_CLUSTER_DIR, 'build-helm.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !existsSync(helmPath())) throw new Error(`test-cluster/build-helm.sh failed (exit ${r.status})`);
  return helmPath();
}

/**
 * Runs the pinned helm against a kubeconfig and context; resolves stdout, rejects with stderr.
 * @param {string[]} args @param {{ kubeconfig: string, context?: string, timeoutMs?: number, env?: Record<string, string> }} opts
 * @returns {Promise<string>}
 */
export function helm(args, opts) {
  const argv = [...args, `--kubeconfig=${opts.kubeconfig}`, ...(opts.context ? [`--kube-context=${opts.context}`] : [])];
  const env = { ...process.env, ...opts.env };
  delete env.KUBECONFIG;
  return new Promise((resolve, reject) => {
    execFile(helmPath(), argv, { env, timeout: opts.timeoutMs ?? 120_000, maxBuffer: 32 << 20 }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(new Error(`helm ${args.join(' ')} failed: ${stderr || err.message}`), { stderr, stdout, code: err.code }));
      else resolve(stdout);
    });
  });
}

/**
 * The demo release: `hello` in `namespace`, installed with greeting=hello and upgraded with
 * greeting=bonjour, so it has two revisions. Idempotent: a release already at 2+ revisions is left alone.
 * @param {{ kubeconfig: string, context?: string, namespace?: string, release?: string, log?: (m: string) => void }} opts
 */
export async function seedHelmRelease(opts) {
  const ns = opts.namespace ?? 'demo';
  const name = opts.release ?? 'hello';
  const o = { kubeconfig: opts.kubeconfig, context: opts.context };
  let revisions = 0;
  try {
    revisions = JSON.parse(await helm(['history', name, '-n', ns, '-o', 'json'], o)).length;
  } catch (err) {
    if (!/not found/i.test(String(err.stderr ?? err.message))) throw err;
  }
  if (revisions >= 2) return;
  if (revisions === 0) await helm(['install', name, HELLO_CHART, '-n', ns, '--set', 'greeting=hello'], o);
  await helm(['upgrade', name, HELLO_CHART, '-n', ns, '--set', 'greeting=bonjour'], o);
  opts.log?.(`seed: helm release ${ns}/${name} at revision 2`);
}


