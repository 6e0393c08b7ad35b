#!/usr/bin/env node
// Log viewer throughput: how many lines per second the LogViewer sustains while following a fast log in
// Chromium, and the longest frame while it does (requestAnimationFrame sampling in the page).
//   node bench/logs.mjs [--rates 2000,10000,30000,100000] [--seconds 10] [--keep-cluster] [--trace-rate 30000 --trace-dir DIR]
//   node bench/logs.mjs --wrap --pad 200 --rates 10000 --seconds 120   (wrap mode, lines long enough to wrap)
//   node bench/logs.mjs --pin   (the cluster and the writer on CPU 0, the app on CPU 1: a remote cluster's case)
//   node bench/logs.mjs --pin --pin-page-only   (only Chromium on CPU 1)
// Runs on a cluster of its own ("wh-logs-bench", base port 28600; the shared test cluster is never
// touched): a pod whose log is KWOK's default.log for that cluster, which this script appends CRI lines
// to at each rate in turn. The app's core runs in a child process (bench/lib/host.mjs) behind serve mode,
// the renderer is built from source. Figures only: nothing here passes or fails.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCluster } from '../test-cluster/cluster-lib.mjs';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { buildHost, buildRenderer } from './lib/build.mjs';
import { jsHeap, launchBrowser, openApp } from './lib/browser.mjs';
import { startServeHost } from './lib/host.mjs';
import { summarizeProfile } from './lib/profile.mjs';
import { summarizeFrames, TRACE_CATEGORIES } from './lib/frameTrace.mjs';
import { loadAverage } from './lib/machine.mjs';
import { controlPlanePids, cpuDelta, cpuSnapshot } from './lib/procCpu.mjs';
import { pinGroups } from './lib/pin.mjs';

const { values: args } = parseArgs({
  options: {
    rates: { type: 'string', default: '2000,10000,30000,100000' },
    seconds: { type: 'string', default: '10' },
    'keep-cluster': { type: 'boolean', default: false },
    // A Chrome trace of the page during the steps at these rates (written to --trace-dir, with a summary
    // of its long frames). Tracing costs CPU itself: compare frames of traced runs with traced runs only.
    'trace-rate': { type: 'string' },
    // Traces are tens of MB: outside the repository unless asked.
    'trace-dir': { type: 'string', default: path.join(os.tmpdir(), 'wheelhouse-logs-trace') },
    // A V8 CPU profile of the page during the steps at these rates (to --trace-dir, summarised), and one of
    // the core over the whole run (--core-profile: node --cpu-prof, written when the core exits).
    'profile-rate': { type: 'string' },
    'core-profile': { type: 'boolean', default: false },
    // The viewer in wrap mode (its rows are laid out by wrapping instead of one fixed height).
    wrap: { type: 'boolean', default: false },
    // Characters of payload added to every line (a busy service's lines are ~130 characters, one row at 1280 px).
    pad: { type: 'string', default: '0' },
    // The cluster (API server, KWOK, etcd, controllers) and the log writer on CPU 0, the app (core and
    // Chromium) on CPU 1: what the app does when the cluster is not on the same 2 cores, as a user's is not.
    pin: { type: 'boolean', default: false },
    // With --pin: only Chromium on CPU 1, the core with the cluster on CPU 0 (does the page, given a
    // core of its own, keep every frame?).
    'pin-page-only': { type: 'boolean', default: false },
  },
});
const rates = args.rates.split(',').map(Number).filter((n) => n > 0);
const seconds = Number(args.seconds);
const t0 = Date.now();
const log = (m) => process.stderr.write(`[bench logs ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${m}\n`);
const mb = (b) => Math.round(b / 1048576);
// A tenth of a MB: growth of the page's heap over a minute is often less than one.
const mb1 = (b) => Math.round(b / 104857.6) / 10;
const rateSet = (v) => new Set((v ?? '').split(',').filter(Boolean).map(Number));
const traceRates = rateSet(args['trace-rate']);
const padding = Number(args.pad) > 0 ? ` payload=${'x'.repeat(Number(args.pad))}` : '';
const profileRates = rateSet(args['profile-rate']);

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
  const coreProfileDir = path.resolve(args['trace-dir'], 'core-profile');
  host = await startServeHost(cluster.kubeconfigPath, ctx, { log, nodeArgs: args['core-profile'] ? ['--cpu-prof', `--cpu-prof-dir=${coreProfileDir}`] : [] });
  browser = await launchBrowser();
  const { page, cdp } = await openApp(browser, host, `#/dev/streams?context=${encodeURIComponent(ctx)}&ns=bench&pod=fast&container=bench&view=logs`, { width: 1280, height: 900 });
  await page.waitForSelector('[data-testid="log-pane"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="log-state"][data-state="streaming"]', { timeout: 60_000 });
  if (args.wrap) {
    await page.check('[data-testid="log-wrap"]');
    await page.waitForSelector('[data-testid="log-scroll"].wrap');
  }
  // Frame sampler: every requestAnimationFrame interval, kept per step.
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    let last = performance.now();
    const tick = (t) => { w.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const received = () => page.$eval('[data-testid="log-pane"]', (e) => Number(e.getAttribute('data-lines-received')));
  // Lines the core read and did not send because the view fell too far behind (counted apart, never as shown).
  const skippedLines = () => page.$eval('[data-testid="log-pane"]', (e) => Number(e.getAttribute('data-lines-skipped') ?? 0));
  // Who used the 2 cores during a step: the core, the writer (this process), Chromium, and this cluster.
  const controlPlane = controlPlanePids(cluster.stateDir);
  const classify = ({ pid, cmdline, descends }) => {
    if (pid === host.pid) return 'core';
    if (pid === process.pid) return 'writer';
    if (descends(process.pid) && /chrom/.test(cmdline)) return /--type=renderer/.test(cmdline) ? 'chromiumRenderers' : 'chromiumOther';
    return controlPlane[pid];
  };

  let pinned;
  if (args.pin) {
    const app = new Set(args['pin-page-only'] ? ['chromiumRenderers', 'chromiumOther'] : ['core', 'chromiumRenderers', 'chromiumOther']);
    pinned = pinGroups(cpuSnapshot(classify), (g) => (app.has(g) ? 1 : 0));
    log(`pinned: CPU 0 ${pinned[0]?.join(', ')}; CPU 1 ${pinned[1]?.join(', ')}`);
  }

  // The view opens with the log's existing tail (up to 1,000 lines); let it arrive before the first step,
  // or its late batches would be counted as lines shown during that step.
  for (let last = -1, stableSince = Date.now(), t = Date.now(); Date.now() - t < 15_000;) {
    const n = await received();
    if (n !== last) { last = n; stableSince = Date.now(); } else if (Date.now() - stableSince >= 1_000) break;
    await new Promise((r) => setTimeout(r, 100));
  }

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
          chunk += `${now} stdout F ${now} ${lvl} app=bench seq=${seq++} path=/api/v1/items/${seq % 997} status=200 duration_ms=${seq % 83} user=u${seq % 31}${padding}\n`;
        }
        appendFileSync(logFile, chunk);
        written += due;
        if (Date.now() - start >= ms) { clearInterval(timer); resolve(written); }
      }, 10);
    });
    await page.evaluate(() => { window.__frames.length = 0; });
    const before = await received();
    const skippedBefore = await skippedLines();
    const coreBefore = (await host.call('mem')).mem;
    // The page's JS heap after a forced GC: what the viewer keeps, not garbage waiting for a collection.
    const pageBefore = await jsHeap(cdp, { gc: true });
    const tracing = traceRates.has(rate);
    if (tracing) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const profiling = profileRates.has(rate);
    if (profiling) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.start'); }
    const load = loadAverage().one;
    const cpuBefore = cpuSnapshot(classify);
    const tStart = Date.now();
    const written = await writeFor(seconds * 1000);
    const elapsed = (Date.now() - tStart) / 1000;
    const cpu = cpuDelta(cpuBefore, cpuSnapshot(classify));
    const shown = (await received()) - before;
    const skipped = (await skippedLines()) - skippedBefore;
    const frames = await page.evaluate(() => window.__frames.slice());
    let profile;
    if (profiling) {
      const { profile: p } = await cdp.send('Profiler.stop');
      mkdirSync(args['trace-dir'], { recursive: true });
      const file = path.join(args['trace-dir'], `page-${rate}.cpuprofile`);
      writeFileSync(file, JSON.stringify(p));
      profile = { file, ...summarizeProfile(p, { top: 25 }) };
    }
    let trace;
    if (tracing) {
      const buf = await browser.stopTracing();
      mkdirSync(args['trace-dir'], { recursive: true });
      const file = path.join(args['trace-dir'], `logs-${rate}.json`);
      writeFileSync(file, buf);
      trace = { file, ...summarizeFrames(JSON.parse(buf.toString('utf8'))) };
    }
    const coreAfter = (await host.call('mem')).mem;
    const pageAfter = await jsHeap(cdp, { gc: true });
    // Let the viewer catch up before the next step, so each step starts from a live view.
    const catchUpStart = Date.now();
    while ((await received()) - before + (await skippedLines()) - skippedBefore < written && Date.now() - catchUpStart < 30_000) await new Promise((r) => setTimeout(r, 200));
    const caughtUp = (await received()) - before + (await skippedLines()) - skippedBefore;
    const sorted = [...frames].sort((a, b) => a - b);
    const r = {
      targetLinesPerSecond: rate,
      writtenLinesPerSecond: Math.round(written / elapsed),
      shownLinesPerSecond: Math.round(shown / elapsed),
      backlogAtEnd: written - shown - skipped,
      skippedLines: skipped,
      catchUpSeconds: caughtUp >= written ? Math.round((Date.now() - catchUpStart) / 100) / 10 : null,
      longestFrameMs: Math.round(sorted.at(-1) ?? 0),
      p99FrameMs: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0),
      frames: frames.length,
      coreHeapMB: [mb(coreBefore.heapUsed), mb(coreAfter.heapUsed)],
      coreRssMB: [mb(coreBefore.rss), mb(coreAfter.rss)],
      pageHeapMB: [mb1(pageBefore.used), mb1(pageAfter.used)],
      pageDomNodes: [pageBefore.nodes, pageAfter.nodes],
      loadAverage: load,
      // CPU seconds per process group during the step, and the share of the 2 cores they add up to.
      cpuSeconds: cpu,
      ...(trace ? { trace } : {}),
      ...(profile ? { profile } : {}),
    };
    results.push(r);
    log(`${rate} lines/s written: shown ${r.shownLinesPerSecond}/s, backlog ${r.backlogAtEnd}, skipped ${r.skippedLines}, longest frame ${r.longestFrameMs} ms (p99 ${r.p99FrameMs} ms), core heap ${r.coreHeapMB.join('→')} MB, page heap after GC ${r.pageHeapMB.join('→')} MB, load ${load}`);
    log(`  CPU s in ${elapsed.toFixed(1)} s: ${Object.entries(cpu).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    if (trace) {
      log(`  trace ${trace.file}: ${trace.frames} frames, renderer threads ${JSON.stringify(trace.threads)}`);
      log(`  main thread ms (wall): ${JSON.stringify(trace.mainThreadMs)}, (CPU): ${JSON.stringify(trace.mainThreadCpuMs)}; long frames: ${trace.long.length}, their length ${trace.long.reduce((a, f) => a + f.frameMs, 0)} ms, main-thread CPU in them ${trace.long.reduce((a, f) => a + f.taskCpuMs, 0)} ms (at most ${Math.max(0, ...trace.long.map((f) => f.taskCpuMs))} ms in one)`);
    }
    if (profile) {
      log(`  page profile ${profile.file}: ${profile.totalMs - profile.idleMs} ms busy of ${profile.totalMs}`);
      for (const t of profile.top) log(`    ${String(t.selfMs).padStart(5)} ms ${String(t.pct).padStart(5)} %  ${t.fn} ${t.url}`);
    }
  }

  // A step where the core skipped lines (the view fell more than its buffer behind) is not sustained.
  const sustained = results.filter((r) => r.backlogAtEnd <= r.targetLinesPerSecond * 0.5 && r.skippedLines === 0).map((r) => r.shownLinesPerSecond);
  console.log(`\nLog viewer, following a fast log (Chromium, serve mode, 1280×900, ring buffer 50k lines${args.wrap ? ', wrap mode' : ''}${pinned ? (args['pin-page-only'] ? ', cluster, writer and core on CPU 0, Chromium on CPU 1' : ', cluster and writer on CPU 0, app on CPU 1') : ''}${padding ? `, lines padded by ${padding.length} characters` : ''})`);
  console.log('target/s  written/s  shown/s  backlog  skipped  longest frame  p99 frame  core heap MB  page heap MB (after GC)');
  for (const r of results) {
    console.log(`${String(r.targetLinesPerSecond).padStart(8)}  ${String(r.writtenLinesPerSecond).padStart(9)}  ${String(r.shownLinesPerSecond).padStart(7)}  ${String(r.backlogAtEnd).padStart(7)}  ${String(r.skippedLines).padStart(7)}  ${`${r.longestFrameMs} ms`.padStart(13)}  ${`${r.p99FrameMs} ms`.padStart(9)}  ${r.coreHeapMB.join(' → ').padStart(12)}  ${r.pageHeapMB.join(' → ')}`);
  }
  console.log(`\nsustained: ${sustained.length ? Math.max(...sustained) : 0} lines/s (highest rate shown with less than half a second of backlog and no line skipped)`);
  console.log(`longest frame over all steps: ${Math.max(...results.map((r) => r.longestFrameMs))} ms`);
  console.log(JSON.stringify({ bench: 'logs', seconds, wrap: args.wrap, pad: padding.length, ...(pinned ? { pinned } : {}), sustainedLinesPerSecond: sustained.length ? Math.max(...sustained) : 0, results }));
} finally {
  await browser?.close();
  await host?.close();
  if (!args['keep-cluster']) await cluster.stop({ purge: true });
}
