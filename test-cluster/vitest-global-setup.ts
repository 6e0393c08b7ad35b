// vitest globalSetup for the integration and e2e projects: brings the default test cluster up (or reuses
// it when healthy), seeds it, and hands its kubeconfig to the tests, both as
// inject('kubeconfig') and as process.env.WHEELHOUSE_TEST_KUBECONFIG. The default cluster is left
// running afterwards so reruns start in seconds (`npm run cluster:down` stops it). Clusters that a test
// starts itself (startCluster({ name, basePort })) are that test's to stop.
import { readFileSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureCluster, startCluster } from './cluster-lib.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the default test cluster's kubeconfig (contexts wheelhouse-admin, wheelhouse-limited). */
    kubeconfig: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const t0 = Date.now();
  // WHEELHOUSE_TEST_CLUSTER=<name> points a run at another (already started) named cluster, e.g. one
  // with settings the shared default cluster does not have yet.
  const other = process.env.WHEELHOUSE_TEST_CLUSTER;
  const cluster = other && other !== 'wheelhouse' ? await startCluster({ name: other, seed: true }) : await ensureCluster({ seed: true });
  // Tests name the contexts wheelhouse-admin / wheelhouse-limited: another cluster gets a kubeconfig
  // copy whose contexts carry those names.
  const kubeconfig = other && other !== 'wheelhouse' ? kubeconfigAsDefault(cluster.kubeconfigPath, other) : cluster.kubeconfigPath;
  process.env.WHEELHOUSE_TEST_KUBECONFIG = kubeconfig;
  project.provide('kubeconfig', kubeconfig);
  process.stderr.write(`[test-cluster] ${cluster.alreadyRunning ? 'reusing' : 'started'} cluster "${cluster.name}" in ${((Date.now() - t0) / 1000).toFixed(1)}s; kubeconfig ${cluster.kubeconfigPath}\n`);
}

function kubeconfigAsDefault(file: string, name: string): string {
  const out = `${file}-as-wheelhouse`;
  writeFileSync(out, readFileSync(file, 'utf8').replaceAll(`${name}-admin`, 'wheelhouse-admin').replaceAll(`${name}-limited`, 'wheelhouse-limited'), { mode: 0o600 });
  return out;
}
