// Builds the three bundles: main-process code (Electron entry and serve entry, ESM for Node), the
// preload (CommonJS, as sandboxed preloads require), and the renderer (Vite).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const t0 = Date.now();
rmSync('dist', { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };
await esbuild({
  ...common,
  entryPoints: { main: 'src-main/main.ts', serve: 'src-main/serve.ts' },
  outdir: 'dist/main',
  format: 'esm',
  packages: 'external',
  external: ['electron'],
});
await esbuild({
  ...common,
  entryPoints: { preload: 'src-main/preload.ts' },
  outdir: 'dist/preload',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
});
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
if (!process.env.WHEELHOUSE_QUIET_BUILD) console.log(`[build] main, preload and renderer built in ${Date.now() - t0} ms`);
