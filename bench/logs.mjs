#!/usr/bin/env node
// Log viewer throughput: how many lines per second the LogViewer sustains while following a fast log in
// Chromium, and the longest frame while it does (requestAnimationFrame sampling in the page).
//   node bench/logs.mjs [--rates 2000,10000,30000,100000] [--seconds 10] [--keep-cluster]
// Runs on a cluster of its own ("wh-logs-bench", base port 28600; the shared test cluster is never
// touched): a pod whose log is KWOK's default.log for that cluster, which this script appends CRI lines
// to at each rate in turn. The app's core runs in a child process (bench/lib/host.mjs) behind serve mode,
// the renderer is built from source. Figures only: nothing here passes or fails.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCluster } from '../test-cluster/cluster-lib.mjs';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { buildHost, buildRenderer } from './lib/build.mjs';
import { launchBrowser, openApp } from './lib/browser.mjs';
import { startServeHost } from './lib/host.mjs';

const { values: args } = parseArgs({
  options: {
    rates: { type: 'string', default: '2000,10000,30000,100000' },
    seconds: { type: 'string', default: '10' },
    'keep-cluster': { type: 'boolean', default: false },
  },
});
const rates = args.rates.split(',').map(Number).filter((n) => n > 0);
const seconds = Number(args.seconds);
const t0 = Date.now();
const log = (m) => process.stderr.write(`[bench logs ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${m}\n`);
const mb = (b) => Math.round(b / 1048576);

log('starting cluster wh-logs-bench (base port 28600)');
const cluster = await startCluster({ name: 'wh-logs-bench', basePort: 28600, seed: false, log: (m) => log(`cluster: ${m}`) });
const ctx = cluster.contexts.admin;
const k = (argv, input) => kubectl(argv, { kubeconfig: cluster.kubeconfigPath, context: ctx, ...(input ? { input } : {}) });
// Every container KWOK has no log file for reads default.log; this bench owns that file in its cluster.
const logFile = path.join(cluster.stateDir, 'pod-logs', 'default.log');

let host;
let browser;
try {
  await k(['apply', '-f', '-'], JSON.stringify({
    apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'fast', namespace: 'bench' }, spec: { containers: [{ name: 'bench', image: 'busybox:1.36' }] } },
    ],
  }));
  await k(['wait', '-n', 'bench', '--for=jsonpath={.status.phase}=Running', 'pod/fast', '--timeout=120s']);

  log('building the core host and the renderer');
  await buildHost();
  process.env.WH_BENCH_RENDERER = await buildRenderer();
  host = await startServeHost(cluster.kubeconfigPath, ctx, { log });
  browser = await launchBrowser();
  const { page } = await openApp(browser, host, `#/dev/streams?context=${encodeURIComponent(ctx)}&ns=bench&pod=fast&container=bench&view=logs`, { width: 1280, height: 900 });
  await page.waitForSelector('[data-testid="log-pane"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="log-state"][data-state="streaming"]', { timeout: 60_000 });
  // Frame sampler: every requestAnimationFrame interval, kept per step.
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    let last = performance.now();
    const tick = (t) => { w.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const received = () => page.$eval('[data-testid="log-pane"]', (e) => Number(e.getAttribute('data-lines-received')));

  const results = [];
  let seq = 0;
  for (const rate of rates) {
    // Lines look like a busy service's: a timestamp, a level (some in colour), fields.
    const writeFor = (ms) => new Promise((resolve) => {
      const start = Date.now();
      let written = 0;
      const timer = setInterval(() => {
        const due = Math.floor(((Date.now() - start) / 1000) * rate) - written;
        if (due <= 0) return;
        let chunk = '';
        for (let i = 0; i < due; i++) {
          const now = new Date().toISOString();
          const lvl = seq % 50 === 0 ? '\x1b[31mERROR\x1b[0m' : seq % 10 === 0 ? '\x1b[33mWARN\x1b[0m' : 'INFO';
          chunk += `${now} stdout F ${now} ${lvl} app=bench seq=${seq++} path=/api/v1/items/${seq % 997} status=200 duration_ms=${seq % 83} user=u${seq % 31}\n`;
        }
        appendFileSync(logFile, chunk);
        written += due;
        if (Date.now() - start >= ms) { clearInterval(timer); resolve(written); }
      }, 10);
    });
    await page.evaluate(() => { window.__frames.length = 0; });
    const before = await received();
    const coreBefore = (await host.call('mem')).mem;
    const tStart = Date.now();
    const written = await writeFor(seconds * 1000);
    const elapsed = (Date.now() - tStart) / 1000;
    const shown = (await received()) - before;
    const frames = await page.evaluate(() => window.__frames.slice());
    const coreAfter = (await host.call('mem')).mem;
    // Let the viewer catch up before the next step, so each step starts from a live view.
    const catchUpStart = Date.now();
    while ((await received()) - before < written && Date.now() - catchUpStart < 30_000) await new Promise((r) => setTimeout(r, 200));
    const caughtUp = (await received()) - before;
    const sorted = [...frames].sort((a, b) => a - b);
    const r = {
      targetLinesPerSecond: rate,
      writtenLinesPerSecond: Math.round(written / elapsed),
      shownLinesPerSecond: Math.round(shown / elapsed),
      backlogAtEnd: written - shown,
      catchUpSeconds: caughtUp >= written ? Math.round((Date.now() - catchUpStart) / 100) / 10 : null,
      longestFrameMs: Math.round(sorted.at(-1) ?? 0),
      p99FrameMs: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
      frames: frames.length,
      coreHeapMB: [mb(coreBefore.heapUsed), mb(coreAfter.heapUsed)],
      coreRssMB: [mb(coreBefore.rss), mb(coreAfter.rss)],
    };
    results.push(r);
    log(`${rate} lines/s written: shown ${r.shownLinesPerSecond}/s, backlog ${r.backlogAtEnd}, longest frame ${r.longestFrameMs} ms (p99 ${r.p99FrameMs} ms), core heap ${r.coreHeapMB.join('→')} MB`);
  }

  const sustained = results.filter((r) => r.backlogAtEnd <= r.targetLinesPerSecond * 0.5).map((r) => r.shownLinesPerSecond);
  console.log('\nLog viewer, following a fast log (Chromium, serve mode, 1280×900, ring buffer 50k lines)');
  console.log('target/s  written/s  shown/s  backlog  longest frame  p99 frame  core heap MB');
  for (const r of results) {
    console.log(`${String(r.targetLinesPerSecond).padStart(8)}  ${String(r.writtenLinesPerSecond).padStart(9)}  ${String(r.shownLinesPerSecond).padStart(7)}  ${String(r.backlogAtEnd).padStart(7)}  ${`${r.longestFrameMs} ms`.padStart(13)}  ${`${r.p99FrameMs} ms`.padStart(9)}  ${r.coreHeapMB.join(' → ')}`);
  }
  console.log(`\nsustained: ${sustained.length ? Math.max(...sustained) : 0} lines/s (highest rate shown with less than half a second of backlog)`);
  console.log(`longest frame over all steps: ${Math.max(...results.map((r) => r.longestFrameMs))} ms`);
  console.log(JSON.stringify({ bench: 'logs', seconds, results }));
} finally {
  await browser?.close();
  await host?.close();
  if (!args['keep-cluster']) await cluster.stop({ purge: true });
}
