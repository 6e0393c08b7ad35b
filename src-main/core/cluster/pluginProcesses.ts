import type { ChildProcess } from 'node:child_process';

/**
 * Credential plugin processes still running, so that none outlives the app: a plugin waiting for a
 * browser login never exits by itself, and spawned in its own process group it would not get the
 * terminal's SIGINT either.
 */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

export function trackPluginProcess(child: ChildProcess): () => void {
  running.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // The last chance (process.exit, an uncaught error): only synchronous work runs here.
    process.on('exit', () => { for (const c of running) signalGroup(c, 'SIGKILL'); });
  }
  return () => running.delete(child);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // A negative pid is the process group (the plugin was spawned detached, as its leader).
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}

/** SIGTERM to the plugin's process group, SIGKILL a second later if it is still there. */
export function killProcessGroup(child: ChildProcess, graceMs = 1_000): void {
  signalGroup(child, 'SIGTERM');
  const t = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  t.unref?.();
  child.once('exit', () => {
    // The leader is gone; anything it started in its group goes too.
    signalGroup(child, 'SIGKILL');
    clearTimeout(t);
  });
}

/** Kills every running plugin's process group at once (the app is stopping). */
export function killAllPluginProcesses(): number {
  const n = running.size;
  for (const c of running) signalGroup(c, 'SIGKILL');
  running.clear();
  return n;
}
