// P8: the cost of sampling metrics for one namespace at the 10k-pod tier: CPU per 15 s round as a share
// of one core, and the memory an hour of history takes (goal: ≤ 2 % of a core, ≤ 20 MB). The list is
// the bench cluster's own metrics-server answer when it serves the tier's pods (the GET is timed too),
// else a list of the same size in metrics-server's shape (said so in the result).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, BUILD_DIR } from './lib/build.mjs';
import { median, round } from './lib/stats.mjs';

const INTERVAL_MS = 15_000;

function syntheticList(pods) {
  const ts = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const items = Array.from({ length: pods }, (_, i) => ({
    metadata: { name: `app-${String(i).padStart(5, '0')}-7d9c6b5f4-x${i.toString(36)}`, namespace: 'bench' },
    timestamp: ts, window: '15.012s',
    containers: [{ name: 'app', usage: { cpu: `${1_000_000 + (i % 977) * 13_001}n`, memory: `${40_000 + (i % 313)}Ki` } }],
  }));
  return JSON.stringify({ kind: 'PodMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items });
}

/**
 * @param {{ client?: { request(m: string, p: string): Promise<{ json: any }> }, namespace?: string, pods: number, log(m: string): void }} o
 */
export async function measureMetricsSampling(o) {
  let body;
  let source = 'synthetic';
  let getMs;
  if (o.client && o.namespace) {
    try {
      const times = [];
      let json;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        ({ json } = await o.client.request('GET', `/apis/metrics.k8s.io/v1beta1/namespaces/${o.namespace}/pods`));
        times.push(performance.now() - t);
      }
      if (json?.items?.length) { body = JSON.stringify(json); source = `metrics-server, namespace ${o.namespace}`; getMs = median(times); }
    } catch (err) {
      o.log(`P8: the bench cluster does not serve pod metrics (${err.message.split('\n')[0]}); using a list of ${o.pods} pods in metrics-server's shape`);
    }
  }
  body ??= syntheticList(o.pods);
  const bundle = path.join(BUILD_DIR, 'metricsCost.mjs');
  await build({ entryPoints: [path.join(BENCH_DIR, 'entry', 'metricsCost.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', logLevel: 'warning' });
  const input = path.join(BUILD_DIR, 'metrics-list.json');
  writeFileSync(input, body);
  const script = `import { readFileSync } from 'node:fs'; import { sampleCost } from ${JSON.stringify(bundle)};
    process.stdout.write(JSON.stringify(await sampleCost(readFileSync(${JSON.stringify(input)}, 'utf8'))));`;
  const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 600_000 });
  if (child.status !== 0) throw new Error(`P8 child failed: ${child.stderr.slice(-2000)}`);
  const cost = JSON.parse(child.stdout);
  return {
    source,
    pods: cost.pods,
    roundsForAnHour: cost.rounds,
    cpuMsPerRound: round(cost.cpuMsPerRound, 2),
    // The GET's wall time is mostly waiting on the API server; its CPU in our process is in the parse above.
    getWallMs: getMs === undefined ? undefined : round(getMs, 1),
    cpuPercentOfCore: round((cost.cpuMsPerRound / INTERVAL_MS) * 100, 3),
    historyMB: round(cost.historyBytes / 1048576, 2),
    heapGrowthMB: round(cost.heapGrowthMB, 2),
    goals: { cpuPercentOfCore: 2, historyMB: 20 },
  };
}

// `node bench/p8-metrics.mjs [pods]`: this measurement alone, on a list of that many pods.
if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureMetricsSampling({ pods: Number(process.argv[2] ?? 10_000), log: (m) => process.stderr.write(`${m}\n`) });
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
}
