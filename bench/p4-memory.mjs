// P4: memory. The host process (the app core behind serve mode) holds pods, ReplicaSets, Deployments and
// Services of all namespaces (topology projection, what the all-namespaces graph needs) and serves the
// all-namespaces pods table to Chromium. Main-process RSS and heap after a forced GC; the renderer's JS
// heap (CDP Performance.getMetrics after HeapProfiler.collectGarbage). Then a churn window: both heaps
// sampled after GC, growth = least-squares slope, extrapolated per hour.
import { churn } from './fixture/churn.mjs';
import { jsHeap } from './lib/browser.mjs';
import { mb, round, slope } from './lib/stats.mjs';

export async function memorySnapshot(host, cdp) {
  const { mem } = await host.call('gc');
  const heap = cdp ? await jsHeap(cdp, { gc: true }) : undefined;
  return { rss: mem.rss, heapUsed: mem.heapUsed, external: mem.external, code: codeBytes(mem.spaces), rendererHeap: heap?.used, domNodes: heap?.nodes };
}

/**
 * V8's compiled code and its metadata (code spaces, and the trusted spaces that hold bytecode and
 * deoptimization data): it grows while the JIT warms up, which is not data the app keeps.
 */
const CODE_SPACES = ['code_space', 'code_large_object_space', 'trusted_space', 'trusted_large_object_space'];
const codeBytes = (spaces) => (spaces ? CODE_SPACES.reduce((a, k) => a + (spaces[k] ?? 0), 0) : undefined);

/**
 * Churn at `rate` over `targets` for `warmUpMinutes` + `minutes`, sampling every `everyS` seconds; the
 * growth is fitted to the `minutes` after the warm-up.
 * @param {{ host: any, cdp: any, client: any, targets: { namespace: string, name: string }[], rate: number, minutes: number,
 *   warmUpMinutes: number, everyS?: number, firstSeq: number, log: (m: string) => void }} o
 */
export async function growthUnderChurn(o) {
  const everyS = o.everyS ?? 20;
  const durationMs = (o.warmUpMinutes + o.minutes) * 60_000;
  const samples = [];
  const t0 = Date.now();
  const sample = async () => {
    const s = await memorySnapshot(o.host, o.cdp);
    samples.push({ t: (Date.now() - t0) / 1000, ...s });
  };
  await sample();
  let stop = false;
  const sampler = (async () => {
    while (!stop) {
      await new Promise((r) => setTimeout(r, everyS * 1000));
      if (!stop) await sample();
    }
  })();
  const c = await churn(o.client, { targets: o.targets, rate: o.rate, durationMs, firstSeq: o.firstSeq, maxInFlight: 32 });
  stop = true;
  await sampler;
  await sample();
  // The warm-up (caches, the JIT compiling the hot paths, the table's first flashes) runs under the same
  // churn before the measured window; the slope is fitted to the window after it, and the slope over
  // everything is kept too.
  const warm = o.warmUpMinutes * 60;
  const steady = samples.filter((s) => s.t >= warm);
  const fit = (set, key) => round(slope(set.map((s) => s.t / 3600), set.map((s) => s[key])) / 1024 / 1024, 1);
  const perHour = (key) => fit(steady.length >= 3 ? steady : samples, key);
  const r = {
    minutes: o.minutes, requestedRate: o.rate, achievedRate: round(c.achievedRate, 1), patches: c.ok, samples: samples.length,
    mainHeapMBPerHour: perHour('heapUsed'), mainCodeMBPerHour: perHour('code'), mainRssMBPerHour: perHour('rss'), rendererHeapMBPerHour: perHour('rendererHeap'),
    warmUpSeconds: warm, steadySamples: steady.length,
    wholeWindow: { mainHeapMBPerHour: fit(samples, 'heapUsed'), rendererHeapMBPerHour: fit(samples, 'rendererHeap') },
    // first/last bound the window the slope is fitted to (the table prints them beside it); the warm-up's
    // first sample is kept apart.
    first: summarize((steady.length >= 3 ? steady : samples)[0]), last: summarize(samples[samples.length - 1]),
    warmUpStart: summarize(samples[0]), series: samples.map(summarize),
  };
  o.log(`P4 churn ${o.warmUpMinutes} + ${o.minutes} min @${o.rate}/s (achieved ${r.achievedRate}/s): main heap ${r.mainHeapMBPerHour} MB/h ` +
    `(of which V8 code ${r.mainCodeMBPerHour}), main RSS ${r.mainRssMBPerHour} MB/h, renderer heap ${r.rendererHeapMBPerHour} MB/h (slopes over ${steady.length} samples after ${warm} s of warm-up, extrapolated)`);
  return { ...r, nextSeq: c.nextSeq };
}

// Growth of 1 MB/h is 0.17 MB in ten minutes: the series keeps hundredths of a MB.
const mb2 = (bytes) => (bytes === undefined ? undefined : round(bytes / 1024 / 1024, 2));

export const summarize = (s) => ({
  t: s.t, rssMB: mb(s.rss), heapUsedMB: mb2(s.heapUsed), externalMB: mb(s.external), codeMB: mb2(s.code),
  rendererHeapMB: mb2(s.rendererHeap), domNodes: s.domNodes,
});
