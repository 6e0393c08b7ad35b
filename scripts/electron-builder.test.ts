// The installer configuration (electron-builder.yml): schema-valid for the installed electron-builder,
// the right targets per OS and architecture, asar, fuses, and a `files` list that ships the built app
// and nothing else. (The Electron zip cannot be downloaded here, so the packaging itself is exercised
// by `npm run dist` on a machine with network.)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { matchesGlob, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8'));

type Target = { target: string; arch: string[] };
const targets = (os: 'mac' | 'win' | 'linux'): Record<string, string[]> =>
  Object.fromEntries((config[os].target as Target[]).map((t) => [t.target, [...t.arch].sort()]));

/** electron-builder's rule (app-builder-lib util/filter.js minimatchAll): the last matching pattern wins. */
function shipped(path: string): boolean {
  let match = false;
  for (const raw of config.files as string[]) {
    const negate = raw.startsWith('!');
    if (match !== negate) continue;
    match = matchesGlob(path, negate ? raw.slice(1) : raw) ? !negate : match;
  }
  return match;
}

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder (its own JSON schema)', async () => {
    const req = createRequire(resolve(root, 'package.json'));
    const { validateConfiguration } = req('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    await expect(validateConfiguration(config, { add() {}, isEnabled: false })).resolves.toBeUndefined();
  }, 60_000); // loading app-builder-lib takes seconds

  it('names the app', () => {
    expect(config.appId).toBe('dev.wheelhouse.app');
    expect(config.productName).toBe('Wheelhouse');
    expect(config.directories.output).toBe('release');
    expect(config.publish).toBeNull();
  });

  it('builds dmg and zip for Apple silicon and Intel, with the hardened runtime', () => {
    expect(targets('mac')).toEqual({ dmg: ['arm64', 'x64'], zip: ['arm64', 'x64'] });
    expect(config.mac.category).toBe('public.app-category.developer-tools');
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(resolve(root, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toMatch(/<key>com\.apple\.security\.cs\.disable-library-validation<\/key>/);
  });

  it('builds an NSIS installer for x64 and arm64 Windows', () => {
    expect(targets('win')).toEqual({ nsis: ['arm64', 'x64'] });
  });

  it('builds AppImage and deb for x64 and arm64 Linux, in the Development category', () => {
    expect(targets('linux')).toEqual({ AppImage: ['arm64', 'x64'], deb: ['arm64', 'x64'] });
    expect(config.linux.category).toBe('Development');
  });

  it('registers no file associations or URL schemes', () => {
    for (const section of [config, config.mac, config.win, config.linux]) {
      expect(section.fileAssociations).toBeUndefined();
      expect(section.protocols).toBeUndefined();
    }
  });

  it('packs the app into an asar archive', () => {
    expect(config.asar).toBe(true);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built main, preload and renderer and package.json', () => {
    for (const p of ['dist/main/main.js', 'dist/main/serve.js', 'dist/preload/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc123.js', 'package.json']) {
      expect(shipped(p), p).toBe(true);
    }
  });

  it('ships no sources, tests, source maps, test cluster, benchmarks, docs or scripts', () => {
    for (const p of [
      'src-main/main.ts', 'src-main/electron/windowSecurity.ts', 'src-renderer/main.tsx', 'shared/contract/frames.ts',
      'e2e/electron.spec.ts', 'test-cluster/vitest-global-setup.ts', 'test-cluster/bin/kube-apiserver',
      'bench/run.mjs', 'docs/architecture.md', 'scripts/dist.mjs', 'scripts/electron-builder.test.ts',
      'dist/main/main.js.map', 'dist/renderer/assets/index-abc123.js.map', 'dist/main/something.test.js',
      'release/linux-unpacked/wheelhouse', 'electron-builder.yml', 'tsconfig.json', 'vite.config.ts', 'README.md',
    ]) {
      expect(shipped(p), p).toBe(false);
    }
  });

  it('points at icons that exist, in the formats each platform wants', () => {
    expect(config.mac.icon).toMatch(/\.icns$/);
    expect(config.win.icon).toMatch(/\.ico$/);
    expect(existsSync(resolve(root, config.mac.icon))).toBe(true);
    expect(existsSync(resolve(root, config.win.icon))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(existsSync(resolve(root, config.linux.icon, `${size}.png`)), `${size}.png`).toBe(true);
  });
});

describe('generated icons', () => {
  const png = (p: string) => readFileSync(resolve(root, p));

  it('are PNGs of the size their name says', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const b = png(`assets/icons/${size}.png`);
      expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([b.readUInt32BE(16), b.readUInt32BE(20)]).toEqual([size, size]);
    }
    const master = png('assets/icon.png');
    expect([master.readUInt32BE(16), master.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it('the .ico holds 16…256 and the .icns holds 16…1024 (512@2x)', () => {
    const ico = png('assets/icon.ico');
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual([16, 32, 48, 64, 128, 256]);

    const icns = png('assets/icon.icns');
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let o = 8; o < icns.length; o += icns.readUInt32BE(o + 4)) types.push(icns.subarray(o, o + 4).toString('ascii'));
    expect(types).toEqual(expect.arrayContaining(['icp4', 'icp5', 'ic07', 'ic08', 'ic09', 'ic10']));
  });
});
