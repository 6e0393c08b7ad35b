// P7: the command palette's search per keystroke at the 10k tier.
//   In the app (run.mjs --only p7): the palette opened on all namespaces, queries typed one key at a
//   time; per keystroke, keydown → the frame after the results answering that text are in the page
//   (the list's data-answered attribute), measured inside the page; and the worker's own search time.
//   Standalone (`node bench/p7-palette.mjs --synthetic [--objects 10000]`): the same index code
//   (src-renderer/app/palette/paletteIndex.ts) over a synthetic in-memory index shaped like the tier,
//   search time per keystroke, without a cluster.
import { build } from 'esbuild';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { BUILD_DIR, REPO_DIR } from './lib/build.mjs';

/** What is typed: a name prefix, a kind alias + fragment, ns/name, a selector, a fuzzy fragment, a miss. */
export const QUERIES = ['app-0123', 'po app-04', 'deploy app-1', 'b10k-03/app-0', 'svc app', 'app=app-007', 'ap12', 'zzzz'];

const pct = (xs, p) => {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10;
};
const summary = (xs) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: pct(xs, 100) });

/**
 * @param {{ page: import('playwright-core').Page, expectObjects: number, log?: (m: string) => void }} o
 * The page shows the app on a context at ns=* (the palette indexes all namespaces).
 */
export async function measurePalette({ page, expectObjects, log = () => {} }) {
  await page.waitForSelector('[data-testid="context-picker"]', { timeout: 60_000 });
  await page.keyboard.press('Control+k');
  await page.waitForSelector('[data-testid="palette"][open] [data-testid="palette-input"]');
  // Indexing: until the worker holds at least the tier's pods (the first search reports the size).
  const t0 = Date.now();
  await page.keyboard.type('a');
  await page.waitForFunction((n) => {
    const m = /([\d,]+) objects indexed/.exec(document.querySelector('[data-testid="palette-stats"]')?.textContent ?? '');
    return m && Number(m[1].replace(/,/g, '')) >= n;
  }, expectObjects, { timeout: 300_000, polling: 250 });
  const indexedAfterMs = Date.now() - t0;
  const indexed = await page.textContent('[data-testid="palette-stats"]');
  log(`P7 palette: ${indexed} after ${indexedAfterMs} ms`);
  await page.keyboard.press('Backspace');

  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__p7 = { down: 0, samples: [] };
    document.addEventListener('keydown', () => { w.__p7.down = performance.now(); }, true);
    const list = document.querySelector('#palette-list');
    new MutationObserver(() => {
      const text = list.getAttribute('data-answered');
      const down = w.__p7.down;
      requestAnimationFrame(() => w.__p7.samples.push({ text, ms: performance.now() - down }));
    }).observe(list, { attributes: true, attributeFilter: ['data-answered'] });
  });
  const keystrokeMs = [];
  const workerMs = [];
  for (const q of QUERIES) {
    for (let i = 1; i <= q.length; i++) {
      await page.keyboard.type(q[i - 1]);
      const want = q.slice(0, i);
      const s = await page.waitForFunction((t) => /** @type {any} */ (window).__p7.samples.find((x) => x.text === t), want, { timeout: 10_000, polling: 'raf' });
      keystrokeMs.push((await s.jsonValue()).ms);
      const m = /· ([\d.]+) ms/.exec((await page.textContent('[data-testid="palette-stats"]')) ?? '');
      if (m) workerMs.push(Number(m[1]));
      await page.evaluate(() => { /** @type {any} */ (window).__p7.samples = []; });
    }
    for (let i = 0; i < q.length; i++) await page.keyboard.press('Backspace');
  }
  await page.keyboard.press('Escape');
  const out = { queries: QUERIES, indexed, indexedAfterMs, keystroke: summary(keystrokeMs), workerSearch: summary(workerMs) };
  log(`P7 palette keystroke → results frame p50 ${out.keystroke.p50} / p95 ${out.keystroke.p95} / max ${out.keystroke.max} ms (${out.keystroke.n} keystrokes); worker search p95 ${out.workerSearch.p95} ms`);
  return out;
}

/** The index code in Node over `objects` synthetic objects, shaped like the 10k tier. */
export async function measureSynthetic({ objects = 10_000 } = {}) {
  const outfile = path.join(BUILD_DIR, 'paletteIndex.mjs');
  await build({ entryPoints: [path.join(REPO_DIR, 'src-renderer/app/palette/paletteIndex.ts')], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  const { PaletteIndex, kindKeyOf } = await import(pathToFileURL(outfile).href);
  const index = new PaletteIndex();
  const pods = { group: '', version: 'v1', resource: 'pods', kind: 'Pod' };
  const deploys = { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment' };
  const rs = { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet' };
  const svcs = { group: '', version: 'v1', resource: 'services', kind: 'Service' };
  const nsOf = (i) => `b10k-${String(i % 19).padStart(2, '0')}`;
  const podItems = [], deployItems = [], rsItems = [], svcItems = [];
  const apps = Math.ceil(objects / 10);
  for (let a = 0; a < apps; a++) {
    const app = `app-${String(a).padStart(3, '0')}`;
    deployItems.push({ uid: `d${a}`, name: app, namespace: nsOf(a), labels: { app } });
    rsItems.push({ uid: `r${a}`, name: `${app}-6b7f9c8d4`, namespace: nsOf(a), labels: { app } });
    if (a % 2 === 0) svcItems.push({ uid: `s${a}`, name: app, namespace: nsOf(a) });
  }
  for (let p = 0; p < objects; p++) {
    const a = p % apps;
    const app = `app-${String(a).padStart(3, '0')}`;
    podItems.push({ uid: `p${p}`, name: `${app}-6b7f9c8d4-${(p * 7919).toString(36).slice(-5).padStart(5, 'x')}`, namespace: nsOf(a), labels: { app } });
  }
  const t0 = performance.now();
  index.replace(pods, podItems); index.replace(deploys, deployItems); index.replace(rs, rsItems); index.replace(svcs, svcItems);
  const buildMs = performance.now() - t0;
  // Keystrokes as the palette asks them (kind aliases resolved as discovery would).
  const alias = { po: pods, deploy: deploys, svc: svcs };
  // One pass to warm the JIT (the page's worker is warm after the first keystrokes too), one measured.
  let times = [];
  for (let pass = 0; pass < 2; pass++) {
  times = [];
  for (const q of QUERIES) {
    for (let i = 1; i <= q.length; i++) {
      const t = q.slice(0, i).trim().split(/\s+/);
      const kind = t.length > 1 && alias[t[0]] ? alias[t.shift()] : undefined;
      let fragment = t.filter((x) => !x.includes('=')).join(' ');
      const sel = t.find((x) => x.includes('='));
      let namespace;
      if (fragment.includes('/')) [namespace, fragment] = fragment.split('/');
      const s = performance.now();
      index.search({ fragment, kinds: kind ? [kindKeyOf(kind)] : undefined, namespace,
        selector: sel ? [{ key: sel.split('=')[0], op: 'in', values: [sel.split('=')[1]] }] : undefined, limit: 50 });
      times.push(performance.now() - s);
    }
  }
  }
  return { objects: index.size, buildMs: Math.round(buildMs * 10) / 10, search: summary(times) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { synthetic: { type: 'boolean', default: false }, objects: { type: 'string', default: '10000' } } });
  if (!values.synthetic) {
    console.error('usage: node bench/p7-palette.mjs --synthetic [--objects 10000]   (in the app: node bench/run.mjs --only p7)');
    process.exit(2);
  }
  const r = await measureSynthetic({ objects: Number(values.objects) });
  console.log(`P7 palette index (synthetic, in Node): ${r.objects} objects indexed in ${r.buildMs} ms; search per keystroke p50 ${r.search.p50} / p95 ${r.search.p95} / max ${r.search.max} ms over ${r.search.n} keystrokes`);
}
