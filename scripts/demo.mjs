// `npm run demo`: the one command a newcomer runs to see Wheelhouse working without a cluster of their
// own. Brings up the local test cluster (built from Go modules once, cached), seeds the demo workloads,
// then starts the app (Electron, or serve mode where Electron is unavailable) on its context.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { ensureCluster } from '../test-cluster/cluster-lib.mjs';

const t0 = Date.now();
console.log('[wheelhouse demo] starting the local test cluster (the first run builds it from Go modules: several minutes)…');
const cluster = await ensureCluster({ seed: true });
console.log(`[wheelhouse demo] cluster ready in ${((Date.now() - t0) / 1000).toFixed(0)}s; kubeconfig ${cluster.kubeconfigPath}`);
console.log(`[wheelhouse demo] stop it later with: npm run cluster:down`);

// The demo's kubeconfig only: the app opens on its current context (wheelhouse-admin), in namespace
// demo where the demo workloads are (a copy whose contexts default to it; the cluster's own kubeconfig,
// which the tests use, is left as it is).
const kubeconfig = YAML.parse(readFileSync(cluster.kubeconfigPath, 'utf8'));
for (const c of kubeconfig.contexts ?? []) if (c.context && (!c.context.namespace || c.context.namespace === 'default')) c.context.namespace = 'demo';
const demoKubeconfig = join(dirname(cluster.kubeconfigPath), 'demo-kubeconfig');
writeFileSync(demoKubeconfig, YAML.stringify(kubeconfig), { mode: 0o600 });
const env = { ...process.env, KUBECONFIG: demoKubeconfig };
const child = spawn(process.execPath, ['scripts/start.mjs', ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
child.on('exit', (code) => process.exit(code ?? 0));
