// The report: goals and the Markdown table, from a results object (bench/results/latest.json).
//   node bench/lib/report.mjs [results.json] [--write]   re-renders a saved run (the same data, the current analysis)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR } from './build.mjs';
import { round, slope, slopeStdErr } from './stats.mjs';

/** Growth slopes (MB/h) with standard errors, fitted to the samples after the warm-up. */
export function growth(churn) {
  const warm = churn.warmUpSeconds ?? 0;
  const steady = churn.series.filter((s) => s.t >= warm);
  const set = steady.length >= 3 ? steady : churn.series;
  const xs = set.map((s) => s.t / 3600);
  const fit = (key) => ({ slope: slope(xs, set.map((s) => s[key])), se: slopeStdErr(xs, set.map((s) => s[key])) });
  const objects = set.every((s) => s.codeMB !== undefined)
    ? { slope: slope(xs, set.map((s) => s.heapUsedMB - s.codeMB)), se: slopeStdErr(xs, set.map((s) => s.heapUsedMB - s.codeMB)) }
    : undefined;
  return { main: fit('heapUsedMB'), mainObjects: objects, renderer: fit('rendererHeapMB'), samples: set.length };
}

const fmtSlope = (x) => `${round(x.slope, 1)} ± ${round(x.se, 1)}`;
/**
 * The control plane's CPU per accepted patch by process and the machine's busy cores: what caps the
 * achieved rate on a shared box. "apiserver 12 + kwok 9 + etcd 1 ms; machine 1.97 cores busy"
 */
export function cpuBreakdown(c) {
  const parts = Object.entries(c.cpuMsPerPatch ?? {}).sort((a, b) => b[1] - a[1]).map(([n, ms]) => `${n.replace(/^kube-/, '')} ${ms}`);
  if (parts.length === 0 && c.apiServerCpuMsPerPatch) parts.push(`apiserver ${c.apiServerCpuMsPerPatch}`);
  return `${parts.length ? `${parts.join(' + ')} ms` : '?'}${c.machineBusyCores !== undefined ? `; machine ${c.machineBusyCores} cores busy` : ''}`;
}
const cpuNote = (s) => (s.cpuMsPerPatch || s.apiServerCpuMsPerPatch ? ` (CPU per patch: ${cpuBreakdown(s)})` : '');

export function goals(r) {
  const g = [];
  const add = (id, what, value, goal, met) => g.push({ id, what, value, goal, met });
  if (r.p1) add('P1', 'sync vs kubectl -o json', `${r.p1.ratio}×`, '≤ 1.2×', r.p1.ratio <= 1.2);
  const p2 = r.p2?.table?.results?.[200];
  if (p2) add('P2', 'p99 event→frame @200/s', `${p2.frame.p99} ms (requested 200/s, achieved ${p2.frame.achievedRate}/s)`, '≤ 150 ms', p2.frame.p99 <= 150 && p2.frame.achievedRate >= 180);
  if (r.p3?.browser) {
    add('P3', '3k-pod namespace first paint (cold: the core lists the namespace first)', `${round(r.p3.browser.cold.firstFrameMs)} ms (warm ${round(r.p3.browser.warm.firstFrameMs)} ms)`, '≤ 1000 ms', r.p3.browser.cold.firstFrameMs <= 1000);
    add('P3', 'frame p95 while panning/zooming', `${r.p3.browser.panZoom.p95} ms`, '≤ 16 ms', r.p3.browser.panZoom.p95 <= 16.7);
  }
  if (r.p4) {
    add('P4', 'main RSS, all pods watched + pods table', `${r.p4.withTable.rssMB} MB`, '≤ 250 MB', r.p4.withTable.rssMB <= 250);
    add('P4', 'renderer JS heap, pods table', `${r.p4.withTable.rendererHeapMB} MB`, '≤ 200 MB', r.p4.withTable.rendererHeapMB <= 200);
    if (r.p4.churn) {
      // A verdict only where the window resolves it: slope ± 2 standard errors against the goal.
      const g = growth(r.p4.churn);
      const verdict = (x) => (x.slope - 2 * x.se > 1 ? false : x.slope + 2 * x.se <= 1 ? true : null);
      const m = verdict(g.main);
      const rh = verdict(g.renderer);
      const met = m === false || rh === false ? false : m === null || rh === null ? null : true;
      add('P4', 'heap growth under 20 events/s', `main ${fmtSlope(g.main)}, renderer ${fmtSlope(g.renderer)} MB/h over ${r.p4.churn.minutes} min`, '≤ 1 MB/h', met);
    }
  }
  if (r.p7?.keystroke) add('P7', 'palette: keystroke → results frame p95', `${r.p7.keystroke.p95} ms (${r.p7.keystroke.n} keystrokes)`, '≤ 50 ms', r.p7.keystroke.p95 <= 50);
  if (r.p5?.measured && r.p5.longestFrameMs !== undefined) add('P5', 'longest frame following a fast log', `${r.p5.longestFrameMs} ms`, '≤ 50 ms', r.p5.longestFrameMs <= 50);
  return g;
}

export function table(r) {
  const L = [];
  const row = (...c) => L.push(`| ${c.join(' | ')} |`);
  row('Benchmark', 'Wheelhouse', 'kubectl', 'Goal');
  row('---', '---', '---', '---');
  const tot = r.fixture?.totals;
  if (r.p1) {
    row(`P1 sync: pods, rs, deploy, svc of all namespaces (${tot?.pods ?? '?'} pods), median of 3`,
      `${(r.p1.core.medianMs / 1000).toFixed(2)} s (${(r.p1.core.medianWallMs / 1000).toFixed(2)} s with Node start)`,
      `${(r.p1.kubectlJson.medianMs / 1000).toFixed(2)} s \`-o json\`; ${(r.p1.kubectlTable.medianMs / 1000).toFixed(2)} s table`,
      `≤ 1.2× kubectl: ${r.p1.ratio}× (${r.p1.ratioVsTable}× the table output)`);
  }
  if (r.p2) {
    for (const rate of Object.keys(r.p2.table?.results ?? {})) {
      const a = r.p2.table.results[rate];
      const k = r.p2.kubectl?.results?.[rate];
      row(`P2 event→pixel, pods table ns ${r.p2.table.namespace} (${r.p2.table.pods} pods), ${rate}/s requested, ${a.frame.achievedRate}/s achieved${cpuNote(a.frame)}`,
        `PATCH response→frame p50 ${a.frame.p50} / p99 ${a.frame.p99} ms${a.sentFrame ? ` (from sent: p99 ${a.sentFrame.p99} ms)` : ''}; core watch→frame p50 ${a.appFrame.p50} / p99 ${a.appFrame.p99} ms`,
        k ? `\`get pods -A -w\` p50 ${k.p50} / p99 ${k.p99} ms (${k.achievedRate}/s)` : 'n/a',
        rate === '200' ? 'p99 ≤ 150 ms' : '');
    }
    for (const rate of Object.keys(r.p2.tableAll?.results ?? {})) {
      const a = r.p2.tableAll.results[rate];
      row(`P2 event→pixel, pods table all namespaces (${tot?.pods ?? '?'} pods), ${rate}/s requested, ${a.frame.achievedRate}/s achieved${cpuNote(a.frame)}`,
        `PATCH response→frame p50 ${a.frame.p50} / p99 ${a.frame.p99} ms${a.sentFrame ? ` (from sent: p99 ${a.sentFrame.p99} ms)` : ''}; core watch→frame p50 ${a.appFrame.p50} / p99 ${a.appFrame.p99} ms`, '', 'p99 ≤ 150 ms');
    }
  }
  if (r.p3) {
    const b = r.p3.browser;
    const pl = r.p3.pipeline;
    if (b) {
      row(`P3 topology ${r.p3.namespace} (${r.p3.pods} pods → ${pl?.nodes ?? '?'} nodes), first paint`,
        `cold ${round(b.cold.firstFrameMs)} ms (settled ${round(b.cold.settledMs)} ms); warm ${round(b.warm.firstFrameMs)} ms`, '', '≤ 1 s');
      row('P3 frame time while panning and zooming', `p50 ${b.panZoom.p50} / p95 ${b.panZoom.p95} / max ${b.panZoom.max} ms`, '', 'p95 ≤ 16 ms');
    } else row('P3 topology, browser', `not measured: ${r.p3.reason}`, '', '');
    if (pl) row(`P3 pipeline in Node (${pl.objects} objects)`, `buildTopology ${round(pl.buildMs, 1)} ms + layout ${round(pl.layoutMs, 1)} ms`, '', '');
  }
  if (r.p7?.keystroke) {
    row(`P7 command palette over all namespaces (${r.p7.indexed}), per keystroke`, `keystroke → results frame p50 ${r.p7.keystroke.p50} / p95 ${r.p7.keystroke.p95} / max ${r.p7.keystroke.max} ms; worker search p95 ${r.p7.workerSearch.p95} ms`, '', 'p95 ≤ 50 ms');
  }
  if (r.p4) {
    row(`P4 main-process RSS / heap, all ${tot?.pods ?? '?'} pods watched + pods table`, `${r.p4.withTable.rssMB} MB / ${r.p4.withTable.heapUsedMB} MB`, '', 'RSS ≤ 250 MB');
    row('P4 renderer JS heap, all-namespaces pods table', `${r.p4.withTable.rendererHeapMB} MB`, '', '≤ 200 MB');
    if (r.p4.churn) {
      const g = growth(r.p4.churn);
      const warm = r.p4.churn.warmUpSeconds ? ` after ${round(r.p4.churn.warmUpSeconds / 60, 1)} min of warm-up` : '';
      const objects = g.mainObjects ? `; without V8's compiled code ${fmtSlope(g.mainObjects)}` : '';
      row(`P4 heap growth after GC, ${r.p4.churn.minutes} min at ${r.p4.churn.requestedRate}/s (${r.p4.churn.achievedRate}/s achieved)${warm}, per hour (extrapolated, ± 1 s.e.)`,
        `main ${fmtSlope(g.main)} MB/h${objects} (${r.p4.churn.first.heapUsedMB} → ${r.p4.churn.last.heapUsedMB} MB), renderer ${fmtSlope(g.renderer)} MB/h (${r.p4.churn.first.rendererHeapMB} → ${r.p4.churn.last.rendererHeapMB} MB)`, '', '≤ 1 MB/h');
    }
  }
  if (r.p5) {
    row('P5 logs: sustained lines/s, longest frame', r.p5.measured ? `${r.p5.linesPerSecond ?? '?'} lines/s, longest frame ${r.p5.longestFrameMs ?? '?'} ms` : `not measured: ${r.p5.reason}`, '', 'no frame > 50 ms');
  }
  if (r.p8) {
    row(`P8 metrics sampling, one namespace (${r.p8.pods} pods, ${r.p8.source}), every 15 s`,
      `${r.p8.cpuMsPerRound} ms CPU per round = ${r.p8.cpuPercentOfCore} % of a core; 1 h of history ${r.p8.historyMB} MB (heap growth ${r.p8.heapGrowthMB} MB)${r.p8.getWallMs !== undefined ? `; GET ${r.p8.getWallMs} ms wall` : ''}`,
      'n/a', '≤ 2 % of a core, ≤ 20 MB');
  }
  return L.join('\n');
}


export function render(result) {
  const m = result.machine;
  const v = result.versions ?? {};
  const lines = [
    `Wheelhouse benchmarks, tier ${result.tier}, ${result.date.slice(0, 10)} — ${m.cores} cores, ${m.memoryGiB} GiB, ${m.cpuModel}; ` +
    `Node ${v.node}, Kubernetes ${v.kubernetes}, kubectl ${v.kubectl}, Chromium ${v.chromium}; run took ${result.durationS} s; ` +
    `load average ${result.loadAverage.start.one} at start, ${result.loadAverage.end.one} at end`,
    '',
    result.table,
    '',
    'Goals:',
    ...result.goals.map((g) => `  ${g.met === true ? 'met         ' : g.met === false ? 'MISSED      ' : 'INCONCLUSIVE'} ${g.id} ${g.what}: ${g.value} (goal ${g.goal})`),
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const write = args.includes('--write');
  const file = args.find((a) => !a.startsWith('--')) ?? path.join(BENCH_DIR, 'results', 'latest.json');
  const result = JSON.parse(readFileSync(file, 'utf8'));
  result.goals = goals(result);
  result.table = table(result);
  if (write) writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(render(result));
}
