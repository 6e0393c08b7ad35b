#!/usr/bin/env node
// P2 and P3 of several result files side by side, with the load averages each run recorded.
//   node bench/compare.mjs [label=]results.json [label=]results.json ...
// e.g. node bench/compare.mjs last-full=bench/results/latest.json before=/tmp/a.json after=/tmp/b.json
// Figures as the runs recorded them: nothing is re-measured, averaged or judged here. On a shared
// machine the load column says how far two runs can be compared at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const runs = process.argv.slice(2).map((arg) => {
  const eq = arg.indexOf('=');
  const file = eq > 0 ? arg.slice(eq + 1) : arg;
  const label = eq > 0 ? arg.slice(0, eq) : path.basename(file, '.json');
  return { label, file, r: JSON.parse(readFileSync(file, 'utf8')) };
});
if (runs.length < 2) {
  console.error('usage: node bench/compare.mjs [label=]results.json [label=]results.json ...');
  process.exit(2);
}

const n = (x, digits = 1) => (typeof x === 'number' ? String(Math.round(x * 10 ** digits) / 10 ** digits) : '–');
const load = (l) => (l ? n(l.one, 2) : '–');
/** A P2 row (one rate of one table) as `p50 / p99` of both anchors, with the rate achieved. */
const p2cell = (res) => (res
  ? `${n(res.frame.achievedRate)}/s: response→frame ${n(res.frame.p50)} / ${n(res.frame.p99)}; core watch→frame ${n(res.appFrame.p50)} / ${n(res.appFrame.p99)}`
  : '–');

const rows = [
  ['date (UTC)', (r) => r.date?.replace('T', ' ').slice(0, 16) ?? '–'],
  ['load average (1 min): start / P2 / P3', (r) => `${load(r.loadAverage?.start)} / ${load(r.loadAverage?.p2)} / ${load(r.loadAverage?.p3)}`],
  ['P2 one namespace, 50/s requested (ms, p50 / p99)', (r) => p2cell(r.p2?.table?.results?.[50])],
  ['P2 one namespace, 200/s requested (ms, p50 / p99)', (r) => p2cell(r.p2?.table?.results?.[200])],
  ['P2 all namespaces, 200/s requested (ms, p50 / p99)', (r) => p2cell(r.p2?.tableAll?.results?.[200])],
  ['P3 first paint, cold / warm (ms)', (r) => (r.p3?.browser ? `${n(r.p3.browser.cold.firstFrameMs, 0)} / ${n(r.p3.browser.warm.firstFrameMs, 0)}` : '–')],
  ['P3 pan/zoom frame p50 / p95 / max (ms)', (r) => {
    const f = r.p3?.browser?.panZoom;
    return f ? `${n(f.p50)} / ${n(f.p95)} / ${n(f.max)} (${f.frames} frames)` : '–';
  }],
  ['P3 pipeline in Node: buildTopology + layout (ms)', (r) => (r.p3?.pipeline ? `${n(r.p3.pipeline.buildMs)} + ${n(r.p3.pipeline.layoutMs)}` : '–')],
  ['P3 renderer JS heap after the view (MB)', (r) => n(r.p3?.rendererHeapMB)],
];

const header = ['', ...runs.map((x) => x.label)];
const lines = [header, header.map(() => '---'), ...rows.map(([name, get]) => [name, ...runs.map((x) => get(x.r))])];
console.log(lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
console.log(`\n${runs.map((x) => `${x.label}: ${path.relative(process.cwd(), x.file)}`).join('\n')}`);
