// e2e plumbing for the log, terminal and port-forward views: a renderer built into a private folder
// (so a spec never runs against a stale dist/ nor empties dist/ under another spec), serve mode over
// it, and helpers to find seeded pods. Chromium and the page come from ./browser.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, startServe, type ServeFixture } from './browser';

let builtDir: string | undefined;

/** Builds the renderer (Vite) into a temporary folder, once per test process. */
export function buildRendererPrivately(): string {
  if (builtDir) return builtDir;
  const out = mkdtempSync(join(tmpdir(), 'wheelhouse-streams-renderer-'));
  const script = `import { build } from 'vite'; await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: ${JSON.stringify(out)}, emptyOutDir: true } });`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`renderer build failed (exit ${r.status})`);
  builtDir = out;
  return out;
}

/** A Core on the test cluster and serve mode over the privately built renderer. */
export function startStreamsServe(opts: { kubeconfig?: string } = {}): Promise<ServeFixture> {
  return startServe({ ...opts, staticDir: buildRendererPrivately() });
}

/** Removes the private renderer build (call from afterAll of the last spec that used it). */
export function cleanRendererBuild(): void {
  if (builtDir) rmSync(builtDir, { recursive: true, force: true });
  builtDir = undefined;
}

/** The hash of the standalone streams page. */
export function streamsRoute(p: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined) q.set(k, v);
  return `#/dev/streams?${q.toString()}`;
}
