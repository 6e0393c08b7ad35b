// `npm run demo`: the one command a newcomer runs to see Wheelhouse working without a cluster of their
// own. Brings up the local test cluster (built from Go modules once, cached), seeds the demo workloads,
// then starts the app (Electron, or serve mode where Electron is unavailable) on its context.
import { spawn } from 'node:child_process';
import { ensureCluster } from '../test-cluster/cluster-lib.mjs';

const t0 = Date.now();
console.log('[wheelhouse demo] starting the local test cluster (the first run builds it from Go modules: several minutes)…');
const cluster = await ensureCluster({ seed: true });
console.log(`[wheelhouse demo] cluster ready in ${((Date.now() - t0) / 1000).toFixed(0)}s; kubeconfig ${cluster.kubeconfigPath}`);
console.log(`[wheelhouse demo] stop it later with: npm run cluster:down`);

// The demo's kubeconfig only: the app opens on its current context (wheelhouse-admin).
const env = { ...process.env, KUBECONFIG: cluster.kubeconfigPath };
const child = spawn(process.execPath, ['scripts/start.mjs', ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
child.on('exit', (code) => process.exit(code ?? 0));
