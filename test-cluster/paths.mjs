// Where the test cluster keeps things. Shared by cluster-lib.mjs and kubectl.mjs so both resolve the
// same pinned binaries (versions.env is the one place versions are pinned).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEST_CLUSTER_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CLUSTER_NAME = 'wheelhouse';

/** @returns {{ K8S_VERSION: string, ETCD_VERSION: string, KWOK_VERSION: string }} */
export function readVersions() {
  const text = readFileSync(path.join(TEST_CLUSTER_DIR, 'versions.env'), 'utf8');
  /** @type {Record<string, string>} */
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z0-9_]+)=(\S+)/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
  for (const k of ['K8S_VERSION', 'ETCD_VERSION', 'KWOK_VERSION']) {
    if (!out[k]) throw new Error(`test-cluster/versions.env has no ${k}`);
  }
  return /** @type {any} */ (out);
}

export function cacheDir() {
  return process.env.WHEELHOUSE_CACHE || path.join(os.homedir(), '.cache', 'wheelhouse');
}

/** The directory build.sh fills; the name is keyed by every pinned version. */
export function binDir() {
  const v = readVersions();
  return path.join(cacheDir(), 'bin', `k8s-${v.K8S_VERSION}-etcd-${v.ETCD_VERSION}-kwok-${v.KWOK_VERSION}`);
}

/** @param {string} [name] */
export function defaultStateDir(name = DEFAULT_CLUSTER_NAME) {
  if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(name)) throw new Error(`invalid cluster name ${JSON.stringify(name)} (lowercase letters, digits, dashes)`);
  return path.join(cacheDir(), 'clusters', name);
}
