// Bundles bench/entry/host.ts (the app's core, from source) with esbuild, the same way scripts/build.mjs
// bundles the main process: ESM for Node, npm packages left external. The output goes under
// node_modules/.cache/wheelhouse-bench/ (ignored by git and ESLint; npm packages resolve from there).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO_DIR = path.dirname(BENCH_DIR);
export const BUILD_DIR = path.join(REPO_DIR, 'node_modules', '.cache', 'wheelhouse-bench');
export const HOST_BUNDLE = path.join(BUILD_DIR, 'host.mjs');

export async function buildHost() {
  await build({
    entryPoints: [path.join(BENCH_DIR, 'entry', 'host.ts')],
    outfile: HOST_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  });
  return HOST_BUNDLE;
}

/** Builds the renderer into BUILD_DIR/renderer (to work on the bench without touching dist/). */
export async function buildRenderer() {
  const { build: viteBuild } = await import('vite');
  const outDir = path.join(BUILD_DIR, 'renderer');
  await viteBuild({ configFile: path.join(REPO_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}
