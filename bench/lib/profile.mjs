// Summaries of V8 CPU profiles (.cpuprofile, from `node --cpu-prof` or CDP Profiler.stop): self time
// per function, the heaviest first, so a report can say what a profile showed.
import { readFileSync } from 'node:fs';

/**
 * @param {any} profile a parsed .cpuprofile
 * @param {{ top?: number }} [opts]
 * @returns {{ totalMs: number, idleMs: number, top: { fn: string, url: string, selfMs: number, pct: number }[] }}
 */
export function summarizeProfile(profile, opts = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dts = profile.timeDeltas ?? [];
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (dts[i] ?? 0) / 1000);
  }
  const agg = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    total += ms;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') { idle += cf.functionName === '(idle)' ? ms : 0; }
    const url = (cf.url || '').replace(/^.*\/(node_modules\/)?/, '');
    const key = `${cf.functionName || '(anonymous)'} ${url}:${cf.lineNumber + 1}`;
    const e = agg.get(key) ?? { fn: cf.functionName || '(anonymous)', url: `${url}:${cf.lineNumber + 1}`, selfMs: 0 };
    e.selfMs += ms;
    agg.set(key, e);
  }
  const busy = total - idle;
  const top = [...agg.values()].filter((e) => e.fn !== '(idle)').sort((a, b) => b.selfMs - a.selfMs).slice(0, opts.top ?? 15)
    .map((e) => ({ ...e, selfMs: Math.round(e.selfMs), pct: Math.round((e.selfMs / Math.max(busy, 1)) * 1000) / 10 }));
  return { totalMs: Math.round(total), idleMs: Math.round(idle), top };
}

export function summarizeProfileFile(file, opts) {
  return summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), opts);
}
