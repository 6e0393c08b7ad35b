// P2: event → pixel latency. A churn of pod status patches (STATUS cell ← "bench-<seq>", see
// fixture/churn.mjs) against the pods table in Chromium, and against `kubectl get pods -A -w`.
// Latency of one patch = first time its value (or a later one for the same pod) is seen, minus an anchor:
//  - the PATCH response arriving (the brief's anchor; the same for the app and for kubectl). On a busy
//    API server the response and the watch event leave in either order, hundreds of ms apart, so this
//    figure carries the server's jitter;
//  - for the app also the moment the core's own watch delivered the event (a tap on the very informer the
//    table uses, in the host process): the app's part alone — batching, WebSocket, React, paint.
// In the page a MutationObserver sees the DOM change (t_dom); t_frame is the end of the frame that paints
// it: a task posted after that frame's rendering steps (from inside the frame when the change was made by a
// requestAnimationFrame callback, else after the next frame). For kubectl, the moment the line reaches our
// end of its stdout pipe.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { benchSeq, churnMeasured } from './fixture/churn.mjs';
import { percentile, round } from './lib/stats.mjs';
import { cpuBreakdown } from './lib/report.mjs';

/** Installed in the page: records every new bench-<seq> value a visible row shows. */
function installObserver() {
  const w = /** @type {any} */ (window);
  const root = document.querySelector('[data-testid=resource-table]');
  if (!root) throw new Error('no resource table');
  w.__whObs = [];
  const last = new Map();
  // Whether a change happened inside a frame (a rAF callback or the microtasks after it, where React
  // commits a useSyncExternalStore update) decides which frame paints it. The flag stays up until a task
  // after the frame's rendering.
  let inFrame = false;
  const afterRendering = (fn) => { const ch = new MessageChannel(); ch.port1.onmessage = () => fn(); ch.port2.postMessage(0); };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((ts) => {
    if (!inFrame) { inFrame = true; afterRendering(() => { inFrame = false; }); }
    cb(ts);
  });
  const scan = () => {
    const t = performance.timeOrigin + performance.now();
    const found = [];
    for (const row of root.querySelectorAll('[role=row][data-name]')) {
      for (const cell of row.children) {
        const m = /^bench-(\d+)$/.exec(cell.textContent ?? '');
        if (!m) continue;
        const seq = Number(m[1]);
        const name = row.getAttribute('data-name');
        if (seq > (last.get(name) ?? -1)) { last.set(name, seq); found.push({ name, seq, t, frame: NaN }); }
        break;
      }
    }
    if (found.length === 0) return;
    w.__whObs.push(...found);
    const stamp = () => { const tf = performance.timeOrigin + performance.now(); for (const f of found) f.frame = tf; };
    // The observer runs as a microtask of the task that changed the DOM: inside a frame, a posted task runs
    // after that frame's style, layout and paint; otherwise the next frame paints it.
    if (inFrame) afterRendering(stamp); else raf(() => afterRendering(stamp));
  };
  new MutationObserver(scan).observe(root, { subtree: true, childList: true, characterData: true });
}

/** The first `n` rows the table shows (name and namespace), in display order. */
async function visibleTargets(page, n, defaultNs) {
  return page.evaluate(({ n, defaultNs }) => {
    const rows = [...document.querySelectorAll('[data-testid=resource-table] [role=row][data-name]')];
    const top = (r) => new DOMMatrixReadOnly(getComputedStyle(r).transform).m42;
    const box = document.querySelector('[data-testid=resource-table]').getBoundingClientRect();
    return rows.filter((r) => { const b = r.getBoundingClientRect(); return b.top >= box.top && b.bottom <= box.bottom; })
      .sort((a, b) => top(a) - top(b)).slice(0, n)
      .map((r) => ({ name: r.getAttribute('data-name'), namespace: r.querySelector('.cell.ns')?.textContent || defaultNs }));
  }, { n, defaultNs });
}

/**
 * Matches patches to observations: latency of each patch in ms (observation[field] − patch[anchor]), and
 * how many were never seen.
 */
export function latencies(records, observations, field = 't', anchor = 'respAt') {
  const byName = new Map();
  for (const o of observations) {
    if (!byName.has(o.name)) byName.set(o.name, []);
    byName.get(o.name).push(o);
  }
  for (const l of byName.values()) l.sort((a, b) => a[field] - b[field]);
  const out = [];
  let missing = 0;
  for (const r of records) {
    if (!Number.isFinite(r[anchor])) continue;
    const seen = byName.get(r.name)?.find((o) => o.seq >= r.seq && Number.isFinite(o[field]));
    if (!seen) { missing++; continue; }
    out.push(seen[field] - r[anchor]);
  }
  return { ms: out, missing };
}

const summary = (lat, churned) => ({
  p50: round(percentile(lat.ms, 50), 1), p99: round(percentile(lat.ms, 99), 1), max: round(Math.max(...lat.ms), 1),
  samples: lat.ms.length, missing: lat.missing, requestedRate: churned.requestedRate, achievedRate: round(churned.achievedRate, 1),
  skipped: churned.skipped, errors: churned.errors, apiServerCpuMsPerPatch: churned.apiServerCpuMsPerPatch,
  cpuMsPerPatch: churned.cpuMsPerPatch, machineBusyCores: churned.machineBusyCores,
});

/**
 * Measures the app's pods table at each rate.
 * @param {{ page: import('playwright-core').Page, host: any, client: any, namespace: string | undefined, rates: number[], durationMs: number,
 *   targets?: number, firstSeq: number, cpuGroups?: { named: Record<number, string>, more?: (p: any) => string | undefined }, log: (m: string) => void }} o
 */
export async function measureTable(o) {
  const { page } = o;
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=resource-table] [role=row][data-name]').length >= n, 25, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  const targets = await visibleTargets(page, o.targets ?? 20, o.namespace);
  await page.evaluate(installObserver);
  let seq = o.firstSeq;
  const results = {};
  for (const rate of o.rates) {
    await page.evaluate(() => { /** @type {any} */ (window).__whObs.length = 0; });
    await o.host.call('tap', { namespace: o.namespace });
    const c = await churnMeasured(o.client, { targets, rate, durationMs: o.durationMs, firstSeq: seq }, o.cpuGroups?.named, o.cpuGroups?.more);
    seq = c.nextSeq;
    await page.waitForTimeout(2000);
    const obs = await page.evaluate(() => /** @type {any} */ (window).__whObs);
    const { taps } = await o.host.call('taps');
    await o.host.call('untap');
    const coreAt = new Map();
    for (const t of taps) if (!coreAt.has(t.seq)) coreAt.set(t.seq, t.t);
    for (const r of c.records) r.coreAt = coreAt.get(r.seq) ?? NaN;
    const churned = { ...c, requestedRate: rate };
    results[rate] = {
      frame: summary(latencies(c.records, obs, 'frame', 'respAt'), churned),
      dom: summary(latencies(c.records, obs, 't', 'respAt'), churned),
      appFrame: summary(latencies(c.records, obs, 'frame', 'coreAt'), churned),
      appDom: summary(latencies(c.records, obs, 't', 'coreAt'), churned),
      // From the PATCH being sent: an upper bound. On a saturated box the churn client reads its answers
      // late (the response anchor then gives negative latencies); the truth lies between the two.
      sentFrame: summary(latencies(c.records, obs, 'frame', 'sentAt'), churned),
    };
    o.log(`P2 table${o.namespace ? ` ns=${o.namespace}` : ' all namespaces'} @${rate}/s (achieved ${round(c.achievedRate, 1)}/s, ` +
      `CPU per patch ${cpuBreakdown(c)}): ` +
      `PATCH response→frame p50 ${results[rate].frame.p50} ms, p99 ${results[rate].frame.p99} ms; core watch→frame p50 ${results[rate].appFrame.p50} ms, ` +
      `p99 ${results[rate].appFrame.p99} ms; PATCH sent→frame p50 ${results[rate].sentFrame.p50} ms, p99 ${results[rate].sentFrame.p99} ms (${results[rate].frame.samples} samples, ${results[rate].frame.missing} unseen)`);
  }
  return { results, nextSeq: seq, targets: targets.length };
}

/**
 * The same churn against `kubectl get pods -A -w`: each stdout line is timestamped as it arrives.
 * @param {{ kubectlPath: string, kubeconfig: string, context: string, client: any, namespace: string, rates: number[],
 *   durationMs: number, firstSeq: number, expectedPods: number, cpuGroups?: { named: Record<number, string>, more?: (p: any) => string | undefined }, log: (m: string) => void }} o
 */
export async function measureKubectl(o) {
  const child = spawn(o.kubectlPath, [`--kubeconfig=${o.kubeconfig}`, `--context=${o.context}`, 'get', 'pods', '-A', '-w'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const obs = [];
  let lines = 0;
  let lastLine = 0;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => { stderr = (stderr + d).slice(-2000); });
  const exited = () => `kubectl -w exited ${child.exitCode}${stderr.trim() ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`;
  const rl = createInterface({ input: child.stdout });
  rl.on('line', (line) => {
    const t = performance.timeOrigin + performance.now();
    lines++;
    lastLine = t;
    const cols = line.trim().split(/\s+/);
    const seq = benchSeq(cols[3] ?? '');
    if (seq !== undefined) obs.push({ name: cols[1], seq, t });
  });
  try {
    // Wait for the initial listing to be printed and go quiet.
    const t0 = Date.now();
    while (!(lines >= o.expectedPods && Date.now() - lastLine > 1500)) {
      if (Date.now() - t0 > 180_000) throw new Error(`kubectl -w printed only ${lines} lines in 180 s`);
      if (child.exitCode !== null) throw new Error(exited());
      await new Promise((r) => setTimeout(r, 250));
    }
    const { items } = await o.client.listAll(`/api/v1/namespaces/${o.namespace}/pods`);
    const targets = items.map((p) => ({ namespace: o.namespace, name: p.metadata.name })).sort((a, b) => a.name.localeCompare(b.name)).slice(0, 20);
    let seq = o.firstSeq;
    const results = {};
    for (const rate of o.rates) {
      obs.length = 0;
      const c = await churnMeasured(o.client, { targets, rate, durationMs: o.durationMs, firstSeq: seq }, { ...o.cpuGroups?.named, [child.pid]: 'kubectl' }, o.cpuGroups?.more);
      seq = c.nextSeq;
      await new Promise((r) => setTimeout(r, 2000));
      results[rate] = summary(latencies(c.records, [...obs], 't', 'respAt'), { ...c, requestedRate: rate });
      results[rate].fromSent = summary(latencies(c.records, [...obs], 't', 'sentAt'), { ...c, requestedRate: rate });
      // kubectl ends its watch when the server closes it (or the list was too slow for the watch cache).
      if (child.exitCode !== null) results[rate].kubectlExited = exited();
      o.log(`P2 kubectl get pods -A -w @${rate}/s (achieved ${round(c.achievedRate, 1)}/s; CPU per patch ${cpuBreakdown(c)}): p50 ${results[rate].p50} ms, p99 ${results[rate].p99} ms; from PATCH sent p50 ${results[rate].fromSent.p50} ms, p99 ${results[rate].fromSent.p99} ms (${results[rate].samples} samples)${results[rate].kubectlExited ? `; ${results[rate].kubectlExited}` : ''}`);
    }
    return { results, nextSeq: seq };
  } finally {
    child.kill('SIGTERM');
  }
}
