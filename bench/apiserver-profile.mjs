#!/usr/bin/env node
// Where the API server's time goes under the P2 churn: a Go CPU profile of kube-apiserver while pod
// status patches run at a fixed rate, summarised with `go tool pprof -top`. It explains the achieved rate
// P2 prints (the app is not running here: this is the server's cost alone, with its own watchers).
//   WHEELHOUSE_APISERVER_PROFILING=1 node test-cluster/cluster.mjs up --name wh-bench   (profiling is off otherwise)
//   node bench/apiserver-profile.mjs [--cluster wh-bench] [--namespace b10k-00] [--rate 200] [--seconds 15]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { churnMeasured } from './fixture/churn.mjs';
import { BENCH_DIR } from './lib/build.mjs';
import { KubeClient, loadKubeconfig } from './lib/kube.mjs';
import { round } from './lib/stats.mjs';

const { values: args } = parseArgs({
  options: {
    cluster: { type: 'string', default: 'wh-bench' },
    namespace: { type: 'string', default: 'b10k-00' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '15' },
    top: { type: 'string', default: '25' },
  },
});
const stateDir = path.join(os.homedir(), '.cache', 'wheelhouse', 'clusters', args.cluster);
const kc = loadKubeconfig(path.join(stateDir, 'kubeconfig'));
const client = new KubeClient(kc, { connections: 64 });
const apiServerPid = Number(readFileSync(path.join(stateDir, 'pids', 'kube-apiserver.pid'), 'utf8'));
const seconds = Number(args.seconds);

try {
  const { items } = await client.listAll(`/api/v1/namespaces/${args.namespace}/pods`);
  const targets = items.slice(0, 20).map((p) => ({ namespace: p.metadata.namespace, name: p.metadata.name }));
  // The profile covers the churn window: both start together.
  const profile = client.pool.request({ method: 'GET', path: `/debug/pprof/profile?seconds=${seconds}`, headersTimeout: (seconds + 30) * 1000 })
    .then(async (res) => {
      const body = Buffer.from(await res.body.arrayBuffer());
      if (res.statusCode !== 200) throw new Error(`pprof → ${res.statusCode}: ${body.toString().slice(0, 300)} (start the cluster with WHEELHOUSE_APISERVER_PROFILING=1)`);
      return body;
    });
  const c = await churnMeasured(client, { targets, rate: Number(args.rate), durationMs: seconds * 1000, firstSeq: Date.now() % 1e9 }, { [apiServerPid]: 'kube-apiserver' });
  const data = await profile;
  const dir = path.join(BENCH_DIR, 'results', 'profiles');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `apiserver-${args.rate}per-s-${Date.now()}.pprof`);
  writeFileSync(file, data);
  const binary = path.join(JSON.parse(readFileSync(path.join(stateDir, 'cluster.json'), 'utf8')).binDir, 'kube-apiserver');
  console.log(JSON.stringify({ requestedRate: Number(args.rate), achievedRate: round(c.achievedRate, 1), ok: c.ok, skipped: c.skipped,
    apiServerCpuMsPerPatch: c.apiServerCpuMsPerPatch, apiServerCores: round(c.apiServerCpuSeconds / c.seconds, 2), profile: path.relative(process.cwd(), file) }));
  for (const mode of ['-top', '-top -cum']) {
    console.log(`\n# go tool pprof ${mode} (${args.top} lines)`);
    console.log(execFileSync('go', ['tool', 'pprof', ...mode.split(' '), `-nodecount=${args.top}`, binary, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  }
} finally {
  await client.close();
}
