#!/usr/bin/env node
// `npm run bench`: Wheelhouse at scale, side by side with kubectl, on a benchmark cluster of its own.
//   node bench/run.mjs [--tier 10k|50k|3k-ns] [--churn-minutes 3] [--churn-warmup-minutes 2] [--p2-seconds 15] [--p5-seconds 8] [--only p1,p2,p3,p4,p5,p6,p7,p8]
//                      [--fresh] [--keep-cluster] [--renderer DIR] [--cpu-prof] [--out FILE]
//                      [--cluster wh-bench --base-port 28500] (another name keeps a second tier filled beside the first)
// Starts the test cluster "wh-bench" (base port 28500; the shared test cluster is never touched), fills
// the tier (objects that exist are kept, so a second run skips the slow part), measures P1–P5, prints a
// table and writes bench/results/latest.json. Figures only: nothing here passes or fails a build.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCluster } from '../test-cluster/cluster-lib.mjs';
import { kubectlPath } from '../test-cluster/kubectl.mjs';
import { fillTier } from './fixture/fill.mjs';
import { TIERS, TOPOLOGY_NAMESPACE, tierTotals } from './fixture/tiers.mjs';
import { BENCH_DIR, HOST_BUNDLE, REPO_DIR, buildHost } from './lib/build.mjs';
import { appsBenchmark } from './p6-apps.mjs';
import { launchBrowser, openApp, jsHeap } from './lib/browser.mjs';
import { runSync, startServeHost } from './lib/host.mjs';
import { KubeClient, loadKubeconfig } from './lib/kube.mjs';
import { loadAverage, machine, versions } from './lib/machine.mjs';
import { median, mb, round } from './lib/stats.mjs';
import { summarizeProfileFile } from './lib/profile.mjs';
import { controlPlanePids } from './lib/procCpu.mjs';
import { goals, render, table } from './lib/report.mjs';
import { measureKubectl, measureTable } from './p2-latency.mjs';
import { measureTopology } from './p3-topology.mjs';
import { measurePalette, measureSynthetic } from './p7-palette.mjs';
import { growthUnderChurn, memorySnapshot, summarize } from './p4-memory.mjs';
import { measureMetricsSampling } from './p8-metrics.mjs';

const { values: args } = parseArgs({
  options: {
    tier: { type: 'string', default: '10k' },
    'churn-minutes': { type: 'string', default: '3' },
    'churn-warmup-minutes': { type: 'string', default: '2' },
    'p2-seconds': { type: 'string', default: '15' },
    'p5-seconds': { type: 'string', default: '8' },
    only: { type: 'string', default: 'p1,p2,p3,p4,p5,p6,p7,p8' },
    fresh: { type: 'boolean', default: false },
    'keep-cluster': { type: 'boolean', default: false },
    renderer: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    out: { type: 'string' },
    cluster: { type: 'string', default: 'wh-bench' },
    'base-port': { type: 'string', default: '28500' },
  },
});
if (!TIERS[args.tier]) throw new Error(`--tier must be one of ${Object.keys(TIERS).join(', ')}`);
const only = new Set(args.only.split(',').map((s) => s.trim()));
const RESULTS = path.join(BENCH_DIR, 'results');
mkdirSync(RESULTS, { recursive: true });
const t0 = Date.now();
const log = (m) => process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${m}\n`);
const KUBECTL = kubectlPath();
const profDir = path.join(RESULTS, 'profiles');
const nodeProf = (name) => (args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`] : []);

/** Runs kubectl with stdout to /dev/null; resolves with the wall time in ms. */
function timeKubectl(kubeconfig, context, argv) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(KUBECTL, [`--kubeconfig=${kubeconfig}`, `--context=${context}`, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`kubectl ${argv.join(' ')} exited ${code}: ${err.slice(-500)}`))));
  });
}

async function p1Sync(kubeconfig, context) {
  const core = [];
  for (let i = 0; i < 3; i++) {
    const r = await runSync(kubeconfig, context, { nodeArgs: nodeProf('p1-core') });
    core.push(r);
    log(`P1 core run ${i + 1}: ${round(r.ms)} ms in process (${round(r.wallMs)} ms with Node start), ${JSON.stringify(r.counts)}, RSS ${mb(r.mem.rss)} MB`);
  }
  const kjson = [];
  const ktable = [];
  for (let i = 0; i < 3; i++) {
    kjson.push(await timeKubectl(kubeconfig, context, ['get', 'pods,rs,deploy,svc', '-A', '-o', 'json']));
    log(`P1 kubectl get pods,rs,deploy,svc -A -o json run ${i + 1}: ${round(kjson[i])} ms`);
  }
  for (let i = 0; i < 3; i++) {
    ktable.push(await timeKubectl(kubeconfig, context, ['get', 'pods,rs,deploy,svc', '-A']));
    log(`P1 kubectl get pods,rs,deploy,svc -A (table) run ${i + 1}: ${round(ktable[i])} ms`);
  }
  const coreMs = median(core.map((r) => r.ms));
  const jsonMs = median(kjson);
  return {
    core: { runsMs: core.map((r) => round(r.ms)), wallRunsMs: core.map((r) => round(r.wallMs)), medianMs: round(coreMs), medianWallMs: round(median(core.map((r) => r.wallMs))),
      counts: core[0].counts, perKindMs: core.map((r) => r.perKindMs), rssMB: core.map((r) => mb(r.mem.rss)) },
    kubectlJson: { runsMs: kjson.map((x) => round(x)), medianMs: round(jsonMs) },
    kubectlTable: { runsMs: ktable.map((x) => round(x)), medianMs: round(median(ktable)) },
    ratio: round(coreMs / jsonMs, 2),
    ratioVsTable: round(coreMs / median(ktable), 2),
  };
}

/**
 * P5 is bench/logs.mjs (another engineer's; it runs on a cluster of its own): run it as a child process
 * and take its final JSON line.
 */
function logsBenchmark(seconds) {
  const file = path.join(BENCH_DIR, 'logs.mjs');
  if (!existsSync(file)) return Promise.resolve({ measured: false, reason: 'bench/logs.mjs does not exist yet' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, '--seconds', String(seconds)], { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { for (const l of d.split('\n')) if (l.trim()) log(`P5 ${l.replace(/^\[bench logs\s*\d+s\] /, '')}`); });
    child.on('close', (code) => {
      const line = out.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return resolve({ measured: false, reason: `bench/logs.mjs exited ${code}` });
      const r = JSON.parse(line);
      resolve({
        measured: true,
        // logs.mjs's own rule (under half a second of backlog, no line skipped), not a second copy of it.
        linesPerSecond: r.sustainedLinesPerSecond,
        longestFrameMs: Math.max(...r.results.map((x) => x.longestFrameMs)),
        steps: r.results,
      });
    });
  });
}

async function main() {
  const result = { date: new Date().toISOString(), tier: args.tier, machine: machine(), loadAverage: { start: loadAverage() } };
  log(`machine: ${result.machine.cores} cores, ${result.machine.memoryGiB} GiB, ${result.machine.cpuModel}; load average ${JSON.stringify(result.loadAverage.start)}`);
  await buildHost();
  const cluster = await startCluster({ name: args.cluster, basePort: Number(args['base-port']), seed: false, fresh: args.fresh, log: (m) => log(`cluster: ${m}`) });
  const kubeconfig = cluster.kubeconfigPath;
  const context = cluster.contexts.admin;
  const client = new KubeClient(loadKubeconfig(kubeconfig, context), { connections: 64 });
  let host;
  let browser;
  try {
    const serverVersion = (await client.request('GET', '/version')).json?.gitVersion;
    const tier = TIERS[args.tier];
    const totals = tierTotals(tier);
    result.fixture = await fillTier(client, args.tier, { log: (m) => log(`fixture: ${m}`) });
    // P2 watches one ordinary namespace (the topology namespace if the tier has no other).
    const p2ns = tier.namespaces.find((n) => n !== TOPOLOGY_NAMESPACE) ?? TOPOLOGY_NAMESPACE;
    const ns0 = p2ns.name;
    let seq = Date.now() % 1_000_000_000;
    const pids = controlPlanePids(cluster.stateDir);

    if (only.has('p1')) {
      result.loadAverage.p1 = loadAverage();
      result.p1 = await p1Sync(kubeconfig, context);
    }

    if (args.renderer) process.env.WH_BENCH_RENDERER = path.resolve(args.renderer);
    host = await startServeHost(kubeconfig, context, { nodeArgs: nodeProf('serve-host') });
    browser = await launchBrowser();
    // P2's CPU per event covers the app too: its core (the serve host) and this run's Chromium processes.
    pids[host.pid] = 'app core';
    const cpuGroups = { named: pids, more: (p) => (p.descends(process.pid) && /chrom/i.test(p.cmdline) ? 'chromium' : undefined) };
    result.versions = versions({ kubectlPath: KUBECTL, serverVersion, chromium: browser.version() });

    if (only.has('p2')) {
      result.loadAverage.p2 = loadAverage();
      const durationMs = Number(args['p2-seconds']) * 1000;
      const { page, context: bctx } = await openApp(browser, host, `#/c/${encodeURIComponent(context)}/r/_/v1/pods?ns=${ns0}`);
      const t = await measureTable({ page, host, client, namespace: ns0, rates: [50, 200], durationMs, firstSeq: seq, cpuGroups, log });
      seq = t.nextSeq;
      await bctx.close();
      const k = await measureKubectl({ kubectlPath: KUBECTL, kubeconfig, context, client, namespace: ns0, rates: [50, 200], durationMs, firstSeq: seq,
        expectedPods: totals.pods, cpuGroups, log });
      seq = k.nextSeq;
      result.p2 = { table: { namespace: ns0, pods: p2ns.replicas.reduce((a, b) => a + b, 0), ...t }, kubectl: k };
    }

    if (only.has('p4') || only.has('p2')) {
      result.loadAverage.p4 = loadAverage();
      const p4 = {};
      p4.beforeHold = summarize(await memorySnapshot(host)); // after P2 (its namespace informer may still linger)
      const held = await host.call('hold');
      p4.holdMs = round(held.ms);
      p4.held = summarize(await memorySnapshot(host));
      log(`P4 core holding pods, rs, deploy, svc of all namespaces: RSS ${p4.held.rssMB} MB, heap ${p4.held.heapUsedMB} MB`);
      const { page, cdp, context: bctx } = await openApp(browser, host, `#/c/${encodeURIComponent(context)}/r/_/v1/pods?ns=*`);
      await page.waitForFunction((n) => document.querySelector('[data-testid=row-count]')?.textContent?.trim() === String(n), totals.pods, { timeout: 180_000 });
      await page.waitForTimeout(2000);
      p4.withTable = summarize(await memorySnapshot(host, cdp));
      log(`P4 + all-namespaces pods table open: main RSS ${p4.withTable.rssMB} MB, heap ${p4.withTable.heapUsedMB} MB; renderer JS heap ${p4.withTable.rendererHeapMB} MB`);
      if (only.has('p2')) {
        const all = await measureTable({ page, host, client, namespace: undefined, rates: [200], durationMs: Number(args['p2-seconds']) * 1000, firstSeq: seq, cpuGroups, log });
        seq = all.nextSeq;
        result.p2 = { ...result.p2, tableAll: all };
      }
      if (only.has('p4')) {
        // Churn over 400 pods across every namespace (the table re-sorts and the stores replace objects).
        const targets = [];
        for (const ns of tier.namespaces) {
          const { items } = await client.listAll(`/api/v1/namespaces/${ns.name}/pods`);
          for (const p of items.slice(0, Math.ceil(400 / tier.namespaces.length))) targets.push({ namespace: ns.name, name: p.metadata.name });
        }
        p4.churn = await growthUnderChurn({ host, cdp, client, targets, rate: 20, minutes: Number(args['churn-minutes']),
          warmUpMinutes: Number(args['churn-warmup-minutes']), firstSeq: seq, log });
        seq = p4.churn.nextSeq;
        delete p4.churn.nextSeq;
      }
      result.p4 = p4;
      await host.call('release');
      await bctx.close();
    }

    if (only.has('p3')) {
      result.loadAverage.p3 = loadAverage();
      const ns = TOPOLOGY_NAMESPACE.name;
      const p3 = { namespace: ns, pods: TOPOLOGY_NAMESPACE.replicas.reduce((a, b) => a + b, 0) };
      p3.pipeline = await host.call('pipeline', { namespace: ns, runs: 5 });
      delete p3.pipeline.id;
      log(`P3 pipeline in Node: ${p3.pipeline.objects} objects → ${p3.pipeline.nodes} nodes, ${p3.pipeline.edges} edges; build ${round(p3.pipeline.buildMs, 1)} ms, layout ${round(p3.pipeline.layoutMs, 1)} ms`);
      const viewFile = path.join(REPO_DIR, 'src-renderer', 'views', 'topology', 'TopologyView.tsx');
      if (existsSync(viewFile)) {
        const { page, cdp, context: bctx } = await openApp(browser, host, `#/c/${encodeURIComponent(context)}/r/_/v1/configmaps?ns=${ns}`);
        await page.waitForSelector('[data-testid=resource-table] [role=row][data-name]', { timeout: 60_000 });
        p3.browser = await measureTopology({ page, context, namespace: ns, awayHash: `#/c/${encodeURIComponent(context)}/r/_/v1/configmaps?ns=${ns}`, log });
        p3.rendererHeapMB = mb((await jsHeap(cdp, { gc: true })).used);
        await bctx.close();
      } else {
        p3.reason = 'the topology view (src-renderer/views/topology/) does not exist yet';
      }
      result.p3 = p3;
    }

    if (only.has('p6')) {
      result.loadAverage.p6 = loadAverage();
      result.p6 = await appsBenchmark({ kubeconfig, context, kubectl: KUBECTL, hostBundle: HOST_BUNDLE, log });
      log(`P6 application of ${result.p6.objects} objects: statuses in ${result.p6.openMs} ms (${result.p6.ratioOpenToKubectl}x kubectl diff -f, ${result.p6.kubectlDiffMs} ms); one file changed: ${result.p6.changeMs} ms, ${result.p6.changeDryRuns} dry runs`);
    }


    if (only.has('p7')) {
      result.loadAverage.p7 = loadAverage();
      const { page, context: bctx } = await openApp(browser, host, `#/c/${encodeURIComponent(context)}/r/apps/v1/deployments?ns=*`, { width: 1440, height: 900 });
      result.p7 = { ...(await measurePalette({ page, expectObjects: totals.pods, log })), synthetic: await measureSynthetic() };
      await bctx.close();
    }

    if (only.has('p8')) {
      // The tier's largest namespace as metrics-server serves it; its whole pod count when it does not.
      const biggest = [...tier.namespaces].sort((a, b) => b.replicas.reduce((x, y) => x + y, 0) - a.replicas.reduce((x, y) => x + y, 0))[0];
      result.p8 = await measureMetricsSampling({ client, namespace: biggest?.name, pods: totals.pods, log });
      log(`P8 metrics sampling (${result.p8.pods} pods, ${result.p8.source}): ${result.p8.cpuMsPerRound} ms CPU per 15 s round = ${result.p8.cpuPercentOfCore} % of a core; an hour of history ${result.p8.historyMB} MB (heap growth ${result.p8.heapGrowthMB} MB)`);
    }
  } finally {
    await browser?.close().catch(() => {});
    await host?.close().catch(() => {});
    await client.close().catch(() => {});
    // Stopped, not purged: the next run finds the tier in place and skips the slow fill.
    if (!args['keep-cluster']) await cluster.stop().catch((e) => log(`cluster stop failed: ${e.message}`));
  }
  if (only.has('p5')) {
    result.loadAverage.p5 = loadAverage();
    result.p5 = await logsBenchmark(Number(args['p5-seconds']));
    log(`P5 logs: ${result.p5.measured ? `sustained ${result.p5.linesPerSecond} lines/s, longest frame ${result.p5.longestFrameMs} ms` : result.p5.reason}`);
  }
  result.loadAverage.end = loadAverage();
  result.durationS = round((Date.now() - t0) / 1000);
  result.goals = goals(result);
  if (args['cpu-prof'] && existsSync(profDir)) {
    result.profiles = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => ({ file: f, ...summarizeProfileFile(path.join(profDir, f), { top: 8 }) }));
  }
  result.table = table(result);
  // Partial or experimental runs write elsewhere (--out) so latest.json stays the last full run.
  const out = args.out ? path.resolve(args.out) : path.join(RESULTS, 'latest.json');
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(render(result));
  console.log(`\n${path.relative(process.cwd(), out)} written.`);
}

main().catch((err) => { console.error(err); process.exit(1); });
