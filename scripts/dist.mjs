// `npm run dist` (after `npm run build`): electron-builder for this OS's targets (electron-builder.yml):
// macOS dmg+zip, Windows NSIS, Linux AppImage+deb. Extra arguments pass through (`npm run dist -- --dir`,
// `-- --x64`). Packaging needs Electron's prebuilt zip for each target; electron-builder downloads it
// (and its SHASUMS) unless it is cached. Where that is impossible — no network, as on a sealed build
// machine — this says so in plain words and exits non-zero instead of leaving a stack trace.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { electronVersion, projectRoot } from './electronBinary.mjs';

const platform = { darwin: 'mac', win32: 'win', linux: 'linux' }[process.platform];
if (!platform) {
  console.error(`[dist] no installer targets for ${process.platform}; Wheelhouse packages for macOS, Windows and Linux.`);
  process.exit(2);
}
const electronPlatform = { mac: 'darwin', win: 'win32', linux: 'linux' }[platform];
const archs = platform === 'mac' ? ['arm64', 'x64'] : ['x64', 'arm64'];
const version = electronVersion();

/** Where @electron/get caches downloads (env-paths('electron').cache, or the override variables). */
function electronCacheRoot(env = process.env) {
  if (env.ELECTRON_CACHE) return env.ELECTRON_CACHE;
  if (env.electron_config_cache) return env.electron_config_cache;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

/** Zips already cached, by file name (the cache keeps them one folder down, under a URL hash). */
function cachedZips(root) {
  const found = new Set();
  if (!existsSync(root)) return found;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isFile()) found.add(entry.name);
    else if (entry.isDirectory()) for (const f of readdirSync(join(root, entry.name))) found.add(f);
  }
  return found;
}

const cacheRoot = electronCacheRoot();
const cached = cachedZips(cacheRoot);
const wanted = archs.map((a) => `electron-v${version}-${electronPlatform}-${a}.zip`);
const missing = wanted.filter((z) => !cached.has(z));
console.log(`[dist] Electron ${version}, ${platform} targets for ${archs.join(' + ')}; ` +
  (missing.length ? `not cached in ${cacheRoot}: ${missing.join(', ')} (electron-builder will try to download them)` : `zips cached in ${cacheRoot}`));

const cli = createRequire(join(projectRoot, 'package.json')).resolve('electron-builder/cli.js');
const args = [cli, `--${platform}`, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['inherit', 'pipe', 'pipe'] });
let output = '';
const keep = (chunk) => { output = (output + chunk).slice(-64 * 1024); };
child.stdout.on('data', (c) => { process.stdout.write(c); keep(String(c)); });
child.stderr.on('data', (c) => { process.stderr.write(c); keep(String(c)); });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

child.on('exit', (code, signal) => {
  if (code === 0) {
    console.log(`[dist] installers written to ${join(projectRoot, 'release')}`);
    process.exit(0);
  }
  const networkError = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|RequestError|socket hang up|unable to get local issuer|certificate/i;
  const line = output.split('\n').find((l) => networkError.test(l));
  if (line) {
    const reason = line.replace(/^[\s⨯•]+/, '').replace(/\s+failedTask=.*$/, '').slice(0, 160);
    const what = /electron-v[\d.]+-[\w-]+\.zip|SHASUMS256|electron/i.test(output) || missing.length ? `Electron ${version}'s ${electronPlatform} zip` : 'a packaging tool';
    console.error('');
    console.error(`[dist] Packaging stopped: electron-builder could not download ${what} (${reason}). This machine cannot reach the download host, so no installer was built.`);
    console.error(`[dist] To build offline, place ${wanted.join(' and ')} (plus SHASUMS256.txt) under ${cacheRoot}, or point electronDist at an unpacked Electron; set ELECTRON_MIRROR for a mirror. Then run \`npm run dist\` again.`);
    process.exit(3);
  }
  console.error(`[dist] electron-builder failed (${signal ?? `exit ${code}`}); see its output above.`);
  process.exit(code || 1);
});
