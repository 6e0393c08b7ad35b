// Serve mode: the main-process core without Electron, its contract over a loopback WebSocket and the
// renderer for any browser (a bastion host, a browser tab; and how the UI is tested here).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Core } from './core/core';
import { coreHandlers } from './core/service';
import { defaultDataDir } from './core/dataDir';
import { startServeServer } from './transport/serveServer';
import { killAllPluginProcesses } from './core/cluster/pluginProcesses';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.WHEELHOUSE_PORT ?? '0' },
    host: { type: 'string', default: '127.0.0.1' },
    kubeconfig: { type: 'string' },
    'print-json': { type: 'boolean', default: false },
  },
});

if (values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
  console.warn(`[wheelhouse] WARNING: binding to ${values.host} exposes your cluster credentials' power to that network; the token is the only guard.`);
}

const core = new Core({
  dataDir: defaultDataDir(),
  kubeconfigFiles: values.kubeconfig ? values.kubeconfig.split(process.platform === 'win32' ? ';' : ':') : undefined,
});
const staticDir = resolve(dirname(fileURLToPath(import.meta.url)), '../renderer');
const handle = await startServeServer({ handlers: coreHandlers(core), staticDir, port: Number(values.port), host: values.host });

if (values['print-json']) console.log(JSON.stringify({ url: handle.url, openUrl: handle.openUrl, port: handle.port }));
else {
  const k = core.kubeconfig();
  console.log(`[wheelhouse] serve mode on ${handle.url} (loopback only)`);
  console.log(`[wheelhouse] kubeconfig: ${k.files.join(', ')} — ${k.contexts.length} context(s)${k.errors.length ? `, ${k.errors.length} file error(s)` : ''}`);
  console.log(`[wheelhouse] open this URL (it carries the session token): ${handle.openUrl}`);
}

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // Credential plugins first: one waiting for a browser login would otherwise hold the requests (and
  // so the dispose) behind it; and whatever still lingers gets 1.5 s, not forever.
  killAllPluginProcesses();
  const limit = new Promise((r) => setTimeout(r, 1_500).unref());
  await Promise.race([(async () => { await handle.close(); await core.dispose(); })().catch(() => {}), limit]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
