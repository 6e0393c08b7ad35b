// Generates the app icons from the SVG sources in assets/ (run `npm run icons` after editing them):
//   assets/icon.png           1024 px master (electron-builder's fallback, README)
//   assets/icons/<N>.png      16…512 px, the Linux icon set (electron-builder reads sizes from names)
//   assets/icon.ico           Windows: PNG-compressed entries 16…256
//   assets/icon.icns          macOS: PNG entries 16…1024, drawn inside Apple's 824/1024 icon grid
// 16 px comes from assets/icon-16.svg, a hand-fitted drawing on the pixel grid; everything else from
// assets/icon.svg. SVG rasterising needs `rsvg-convert` (apt-get install librsvg2-bin, brew install
// librsvg); the ICO and ICNS containers are written here in plain JS. The outputs are committed, so
// builds need none of this.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const assets = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const master = join(assets, 'icon.svg');
const small = join(assets, 'icon-16.svg');

try {
  execFileSync('rsvg-convert', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('[icons] rsvg-convert is needed to rasterise the SVGs: apt-get install librsvg2-bin (or brew install librsvg).');
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'wheelhouse-icons-'));
/** @param {string} svg @param {number} size @returns {Buffer} a PNG */
function render(svg, size) {
  const out = join(tmp, `${size}-${Math.random().toString(36).slice(2)}.png`);
  execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', out, svg]);
  const png = readFileSync(out);
  if (png.readUInt32BE(16) !== size || png.readUInt32BE(20) !== size) throw new Error(`rsvg-convert produced a wrong size for ${size}`);
  return png;
}
const pngFor = (size) => render(size <= 16 ? small : master, size);

// macOS draws app icons on a grid: an 824 px body centred in 1024 (Apple's template), so the icon
// matches its neighbours in the Dock. Our body is 928 px, so scale it by 824/928 around the centre.
const macSvg = join(tmp, 'icon-mac.svg');
{
  const body = readFileSync(master, 'utf8').replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const k = 824 / 928;
  const t = 512 * (1 - k);
  writeFileSync(macSvg, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024"><g transform="translate(${t.toFixed(3)} ${t.toFixed(3)}) scale(${k.toFixed(6)})">${body}</g></svg>`);
}
const macPngFor = (size) => render(size <= 16 ? small : macSvg, size);

/** Windows .ico with PNG entries (supported since Vista); 256 is stored as 0 in the directory. */
export function writeIco(entries) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(entries.length, 4);
  const dir = Buffer.alloc(16 * entries.length);
  let offset = 6 + dir.length;
  entries.forEach(({ size, png }, i) => {
    const o = i * 16;
    dir.writeUInt8(size >= 256 ? 0 : size, o);
    dir.writeUInt8(size >= 256 ? 0 : size, o + 1);
    dir.writeUInt8(0, o + 2); // no palette
    dir.writeUInt8(0, o + 3);
    dir.writeUInt16LE(1, o + 4); // colour planes
    dir.writeUInt16LE(32, o + 6); // bits per pixel
    dir.writeUInt32LE(png.length, o + 8);
    dir.writeUInt32LE(offset, o + 12);
    offset += png.length;
  });
  return Buffer.concat([header, dir, ...entries.map((e) => e.png)]);
}

/** macOS .icns: 'icns' + length, then (type, length incl. 8-byte header, PNG) chunks. */
export function writeIcns(chunks) {
  const parts = chunks.map(({ type, png }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const total = 8 + parts.reduce((n, p) => n + p.length, 0);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(total, 4);
  return Buffer.concat([h, ...parts]);
}

try {
  mkdirSync(join(assets, 'icons'), { recursive: true });
  const sizes = [16, 32, 48, 64, 128, 256, 512];
  const pngs = new Map(sizes.map((s) => [s, pngFor(s)]));
  for (const [s, png] of pngs) writeFileSync(join(assets, 'icons', `${s}.png`), png);
  writeFileSync(join(assets, 'icon.png'), pngFor(1024));

  writeFileSync(join(assets, 'icon.ico'), writeIco([16, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) }))));

  const mac = new Map([16, 32, 64, 128, 256, 512, 1024].map((s) => [s, macPngFor(s)]));
  writeFileSync(join(assets, 'icon.icns'), writeIcns([
    { type: 'icp4', png: mac.get(16) }, // 16
    { type: 'icp5', png: mac.get(32) }, // 32
    { type: 'icp6', png: mac.get(64) }, // 64
    { type: 'ic07', png: mac.get(128) }, // 128
    { type: 'ic08', png: mac.get(256) }, // 256
    { type: 'ic09', png: mac.get(512) }, // 512
    { type: 'ic10', png: mac.get(1024) }, // 512@2x
    { type: 'ic11', png: mac.get(32) }, // 16@2x
    { type: 'ic12', png: mac.get(64) }, // 32@2x
    { type: 'ic13', png: mac.get(256) }, // 128@2x
    { type: 'ic14', png: mac.get(512) }, // 256@2x
  ]));
  console.log('[icons] wrote assets/icon.png, assets/icons/{16,32,48,64,128,256,512}.png, assets/icon.ico, assets/icon.icns');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
