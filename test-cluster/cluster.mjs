#!/usr/bin/env node
// The test cluster CLI (npm run cluster:up / cluster:down / cluster:status / cluster:seed).
//   node test-cluster/cluster.mjs up     [--name N] [--base-port P] [--state-dir D] [--seed] [--fresh]
//   node test-cluster/cluster.mjs down   [--name N] [--state-dir D] [--purge]
//   node test-cluster/cluster.mjs status [--name N] [--state-dir D] [--json]
//   node test-cluster/cluster.mjs seed   [--name N] [--state-dir D]
// `up` prints the kubeconfig path on stdout (progress goes to stderr).
import { clusterStatus, restartDeadComponents, startCluster, stopCluster } from './cluster-lib.mjs';

function parse(argv) {
  const [cmd, ...rest] = argv;
  const o = { cmd };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument ${a}`);
    const key = m[1];
    const flag = ['seed', 'fresh', 'purge', 'json', 'help'].includes(key);
    const val = flag ? true : (m[2] ?? rest[++i]);
    if (val === undefined) throw new Error(`--${key} needs a value`);
    o[key] = val;
  }
  return o;
}

const usage = `usage: cluster.mjs <up|down|status|seed> [--name wheelhouse] [--base-port N] [--state-dir DIR]
  up      start (or reuse) the cluster; --seed also seeds the demo data; --fresh wipes etcd first
  down    stop every process from the pid files; --purge also deletes the state dir
  status  print each process and /readyz; exit 1 unless healthy; --json for machine output
  seed    apply the demo data set (idempotent) and wait for it to settle`;

async function main() {
  const o = parse(process.argv.slice(2));
  if (!o.cmd || o.help || o.cmd === 'help') {
    console.log(usage);
    return o.cmd ? 0 : 2;
  }
  const sel = { name: o.name, stateDir: o['state-dir'], basePort: o['base-port'] != null ? Number(o['base-port']) : undefined };
  switch (o.cmd) {
    case 'up': {
      const c = await startCluster({ ...sel, seed: o.seed ? 'auto' : false, fresh: !!o.fresh });
      process.stderr.write(`[test-cluster] contexts: ${c.contexts.admin} (current, cluster-admin), ${c.contexts.limited} (edit in namespace demo)\n`);
      process.stderr.write(`[test-cluster] try: ${c.binDir}/kubectl --kubeconfig ${c.kubeconfigPath} get nodes\n`);
      console.log(c.kubeconfigPath);
      return 0;
    }
    case 'down':
      await stopCluster({ ...sel, purge: !!o.purge });
      return 0;
    case 'status': {
      const healed = await restartDeadComponents(sel);
      for (const h of healed) console.log(`restarted ${h.name}, which had exited (last log line: ${h.lastLogLine})`);
      const s = await clusterStatus(sel);
      if (o.json) {
        console.log(JSON.stringify(s, null, 2));
        return s.healthy ? 0 : 1;
      }
      console.log(`cluster ${s.name}  ${s.healthy ? 'HEALTHY' : 'NOT HEALTHY'}`);
      console.log(`  state dir   ${s.stateDir}`);
      console.log(`  kubeconfig  ${s.kubeconfigPath}  (contexts ${s.contexts.admin}, ${s.contexts.limited})`);
      console.log(`  api server  ${s.apiServerUrl}  /readyz: ${s.readyz.ok ? 'ok' : `not ok (${s.readyz.status || 'unreachable'}${s.readyz.body && s.readyz.status ? `: ${s.readyz.body.trim().split('\n').filter((l) => l.includes('failed')).join('; ')}` : ''})`}`);
      console.log(`  nodes Ready ${s.nodesReady}`);
      if (!s.upToDate && s.processes.some((p) => p.alive)) console.log('  (running with older versions, ports or settings: `up` will restart it)');
      for (const p of s.processes) {
        console.log(`  ${p.name.padEnd(24)} ${p.alive ? `running  pid ${p.pid}` : p.pid ? `DEAD     (stale pid ${p.pid})` : 'stopped'}`.padEnd(60) + `  ${p.log}`);
      }
      return s.healthy ? 0 : 1;
    }
    case 'seed': {
      const s = await clusterStatus(sel);
      if (!s.readyz.ok) {
        console.error(`cluster "${s.name}" is not up (api server /readyz not ok); run: npm run cluster:up`);
        return 1;
      }
      // Seeding is idempotent (server-side apply); this also records the seed marker ensureCluster() checks.
      await startCluster({ ...sel, seed: 'force' });
      return 0;
    }
    default:
      console.error(usage);
      return 2;
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`[test-cluster] ${process.env.WHEELHOUSE_DEBUG ? err?.stack ?? err : `error: ${err?.message ?? err}`}`);
  process.exit(1);
});
