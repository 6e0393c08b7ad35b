// Where Electron's binary is, without `require('electron')`: that call tries to download the binary
// when it is missing, which hangs or fails on a machine without internet. Used by start.mjs, dist.mjs
// and e2e/electron.spec.ts.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron executable if it is really on disk (`{ bin }`), else `{ reason }`. Honours
 * ELECTRON_OVERRIDE_DIST_PATH like the electron package does.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ bin: string, reason?: undefined } | { bin?: undefined, reason: string }}
 */
export function findElectronBinary(env = process.env) {
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(bin) ? { bin } : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${bin}` };
  }
  if (!relative) return { reason: `${pathFile} is missing` };
  const bin = join(pkgDir, 'dist', relative);
  return existsSync(bin) ? { bin } : { reason: `${bin} is missing` };
}

/** The installed electron package's version (what electron-builder packages). */
export function electronVersion() {
  const req = createRequire(join(projectRoot, 'package.json'));
  return JSON.parse(readFileSync(req.resolve('electron/package.json'), 'utf8')).version;
}
