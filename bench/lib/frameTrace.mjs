// What the long frames of a Chrome trace contain: for each gap between two animation-frame callbacks on
// the page's main thread longer than a threshold, the main thread's task time in it (wall time, and the
// thread's own CPU time, `tdur`) and where that went (script, style, layout, paint, GC). Wall time well
// above CPU time means the thread was runnable and waiting for a core; a frame longer than its tasks'
// wall time means the thread was idle (waiting for input, or for the compositor).
// Traces come from Playwright's browser.startTracing with TRACE_CATEGORIES.

export const TRACE_CATEGORIES = [
  'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.gc', 'blink', 'cc', 'gpu',
];

const SCRIPT = new Set(['FunctionCall', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'RunMicrotasks', 'EvaluateScript', 'v8.callFunction', 'V8.Execute']);
const KIND = {
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', Layout: 'layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint',
  'Commit': 'paint', MinorGC: 'gc', MajorGC: 'gc', 'V8.GC_SCAVENGER': 'gc', 'V8.GC_MARK_COMPACTOR': 'gc', 'V8.GCScavenger': 'gc', 'V8.GCFinalizeMC': 'gc', ParseHTML: 'parse',
};
const isTask = (e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur !== undefined;

/**
 * @param {{ traceEvents: any[] } | any[]} trace
 * @param {{ longMs?: number }} [opts]
 */
export function summarizeFrames(trace, { longMs = 50 } = {}) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  // The page's renderer main thread: the CrRendererMain with the most animation frames.
  const threadNames = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name);
  const rafCount = new Map();
  for (const e of events) {
    if (e.name !== 'FireAnimationFrame') continue;
    const k = `${e.pid}:${e.tid}`;
    if (threadNames.get(k) === 'CrRendererMain') rafCount.set(k, (rafCount.get(k) ?? 0) + 1);
  }
  const main = [...rafCount].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return { frames: 0, long: [], threads: {} };
  const [pid] = main.split(':').map(Number);
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter(isTask);
  // One entry per frame: the callbacks of one frame (the sampler's, the feed's) run back to back.
  const rafs = [];
  for (const e of onMain) {
    if (e.name !== 'FireAnimationFrame') continue;
    const prev = rafs.at(-1);
    if (prev && e.ts - (prev.ts + prev.dur) < 2000) continue;
    rafs.push(e);
  }

  // CPU per thread of the page's renderer process over the whole trace (top-level tasks' tdur).
  const threads = {};
  const threadEnd = new Map();
  for (const e of events.filter((x) => x.pid === pid && isTask(x)).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < (threadEnd.get(e.tid) ?? -Infinity)) continue;
    threadEnd.set(e.tid, e.ts + e.dur);
    const name = threadNames.get(`${e.pid}:${e.tid}`) ?? String(e.tid);
    const t = (threads[name] ??= { wallMs: 0, cpuMs: 0 });
    t.wallMs += e.dur / 1000;
    t.cpuMs += (e.tdur ?? 0) / 1000;
  }
  for (const t of Object.values(threads)) { t.wallMs = Math.round(t.wallMs); t.cpuMs = Math.round(t.cpuMs); }

  // Outermost events only: tasks nest (RunTask in RunTask), GC phases nest in GC events.
  const outermost = (list) => {
    const out = [];
    let end = -Infinity;
    for (const e of list) if (e.ts >= end) { out.push(e); end = e.ts + e.dur; }
    return out;
  };
  const topTasks = outermost(tasks);
  const byKind = { script: outermost(onMain.filter((e) => SCRIPT.has(e.name))) };
  for (const k of new Set(Object.values(KIND))) byKind[k] = outermost(onMain.filter((e) => KIND[e.name] === k));
  const within = (list, from, to) => {
    let sum = 0;
    for (const e of list) {
      if (e.ts >= to || e.ts + e.dur <= from) continue;
      sum += Math.min(to, e.ts + e.dur) - Math.max(from, e.ts);
    }
    return sum / 1000;
  };
  const totals = Object.fromEntries(Object.entries(byKind).map(([k, list]) => [k, Math.round(within(list, -Infinity, Infinity))]));
  // The same on the thread's own clock: what the work cost, without the waits for a core.
  const cpuTotals = Object.fromEntries(Object.entries(byKind).map(([k, list]) => [k, Math.round(list.reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000)]));

  const long = [];
  const frameMs = [];
  for (let i = 1; i < rafs.length; i++) {
    const from = rafs[i - 1].ts;
    const to = rafs[i].ts;
    const ms = (to - from) / 1000;
    frameMs.push(ms);
    if (ms < longMs) continue;
    let wall = 0; let cpu = 0; let longestTask = 0;
    for (const t of topTasks) {
      if (t.ts + t.dur <= from || t.ts >= to) continue;
      const overlap = Math.min(to, t.ts + t.dur) - Math.max(from, t.ts);
      wall += overlap;
      cpu += (t.tdur ?? 0) * (overlap / t.dur);
      longestTask = Math.max(longestTask, t.dur);
    }
    const kinds = Object.fromEntries(Object.entries(byKind).map(([k, list]) => [k, Math.round(within(list, from, to))]));
    long.push({
      atMs: Math.round((from - rafs[0].ts) / 1000), frameMs: Math.round(ms), taskWallMs: Math.round(wall / 1000), taskCpuMs: Math.round(cpu / 1000),
      longestTaskMs: Math.round(longestTask / 1000), ...kinds,
    });
  }
  return { frames: frameMs.length, longestFrameMs: Math.round(Math.max(0, ...frameMs)), mainThreadMs: totals, mainThreadCpuMs: cpuTotals, threads, long };
}
