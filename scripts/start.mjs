// `npm start` (after `npm run build`): the Electron app when its binary is installed, otherwise serve
// mode with one clear line saying why. WHEELHOUSE_SERVE=1 forces serve mode.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findElectronBinary, projectRoot } from './electronBinary.mjs';

/** Runs a child with inherited stdio, forwards Ctrl-C/TERM to it, and exits with its code. */
function run(cmd, args, env = process.env) {
  const child = spawn(cmd, args, { cwd: projectRoot, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => { if (child.exitCode === null && child.signalCode === null) child.kill(signal); });
  }
  child.on('error', (err) => {
    console.error(`[wheelhouse] could not start ${cmd}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const serveMode = () => run(process.execPath, [join(projectRoot, 'dist', 'main', 'serve.js'), ...process.argv.slice(2)]);

if (process.env.WHEELHOUSE_SERVE === '1') {
  console.log('[wheelhouse] WHEELHOUSE_SERVE=1: starting serve mode — open the URL below in your browser.');
  serveMode();
} else {
  const electron = findElectronBinary();
  if (electron.bin) {
    // ELECTRON_RUN_AS_NODE inherited from a parent shell would turn the app into a bare Node process.
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    run(electron.bin, ['.', ...process.argv.slice(2)], env);
  } else {
    console.log(`[wheelhouse] Electron's binary is not installed (it downloads on first install and this machine could not fetch it); starting serve mode instead — open the URL below in your browser.`);
    serveMode();
  }
}
