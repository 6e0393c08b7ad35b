#!/usr/bin/env node
// P4's control for heap growth: two serve hosts side by side under the same 20 patches/s, one as
// shipped and one with V8's optimizing tiers off (--max-opt=0, the interpreter only). Each samples its
// V8 spaces after a forced GC. Growth that shows only in the first is V8 compiling more of the hot paths
// (code and trusted space), not objects the app keeps.
//   node bench/p4-jit-control.mjs [--minutes 8] [--cluster wh-bench] [--flags='--max-opt=2;--no-flush-bytecode']
// (the 10k tier must be in place; each --flags entry adds a host run with those V8 flags)
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { churn } from './fixture/churn.mjs';
import { launchBrowser, openApp } from './lib/browser.mjs';
import { buildHost } from './lib/build.mjs';
import { startServeHost } from './lib/host.mjs';
import { KubeClient, loadKubeconfig } from './lib/kube.mjs';
import { round, slope } from './lib/stats.mjs';

const { values: args } = parseArgs({ options: { minutes: { type: 'string', default: '8' }, cluster: { type: 'string', default: 'wh-bench' }, flags: { type: 'string', default: '' } } });
const stateDir = path.join(os.homedir(), '.cache', 'wheelhouse', 'clusters', args.cluster);
const kubeconfig = path.join(stateDir, 'kubeconfig');
const context = `${args.cluster}-admin`;
const VARIANTS = [['as shipped', []], ['interpreter only (--max-opt=0)', ['--max-opt=0']],
  ...args.flags.split(';').filter(Boolean).map((f) => [f, f.split(' ')])];
const SPACES = { code: ['code_space', 'code_large_object_space'], trusted: ['trusted_space', 'trusted_large_object_space'], objects: ['old_space', 'large_object_space', 'new_space', 'new_large_object_space'] };
const log = (m) => console.error(`[p4-jit-control] ${m}`);

await buildHost();
const client = new KubeClient(loadKubeconfig(kubeconfig, context), { connections: 16 });
const browser = await launchBrowser();
const hosts = [];
try {
  for (const [name, nodeArgs] of VARIANTS) {
    const host = await startServeHost(kubeconfig, context, { nodeArgs });
    hosts.push({ name, host, samples: [] });
    await host.call('hold');
    const { page } = await openApp(browser, host, `#/c/${encodeURIComponent(context)}/r/_/v1/pods?ns=*`);
    await page.waitForSelector('[data-testid=resource-table] [role=row][data-name]', { timeout: 180_000 });
  }
  const targets = [];
  const { items: namespaces } = await client.listAll('/api/v1/namespaces');
  for (const ns of namespaces.map((n) => n.metadata.name).filter((n) => n.startsWith('b'))) {
    const { items } = await client.listAll(`/api/v1/namespaces/${ns}/pods`);
    for (const p of items.slice(0, 20)) targets.push({ namespace: ns, name: p.metadata.name });
  }
  const t0 = Date.now();
  let stop = false;
  const sampler = (async () => {
    while (!stop) {
      for (const h of hosts) {
        const { mem } = await h.host.call('gc');
        const sum = (keys) => keys.reduce((a, k) => a + (mem.spaces[k] ?? 0), 0) / 1048576;
        h.samples.push({ t: (Date.now() - t0) / 1000, code: sum(SPACES.code), trusted: sum(SPACES.trusted), objects: sum(SPACES.objects) });
      }
      log(`${round((Date.now() - t0) / 1000)} s: ` + hosts.map((h) => { const s = h.samples.at(-1); return `${h.name}: code ${round(s.code, 2)}, trusted ${round(s.trusted, 2)}, objects ${round(s.objects, 2)} MB`; }).join(' | '));
      await new Promise((r) => setTimeout(r, 30_000));
    }
  })();
  await churn(client, { targets, rate: 20, durationMs: Number(args.minutes) * 60_000, firstSeq: Date.now() % 1e9 });
  stop = true;
  await sampler;
  // Fitted after the first two minutes (V8 flushes the start-up code in the first minute).
  const result = hosts.map((h) => {
    const steady = h.samples.filter((s) => s.t >= 120);
    const perHour = (key) => round(slope(steady.map((s) => s.t / 3600), steady.map((s) => s[key])), 2);
    return { variant: h.name, samples: steady.length, codeMBPerHour: perHour('code'), trustedMBPerHour: perHour('trusted'), objectsMBPerHour: perHour('objects'), series: h.samples };
  });
  for (const r of result) console.log(`${r.variant}: code ${r.codeMBPerHour}, trusted ${r.trustedMBPerHour}, objects ${r.objectsMBPerHour} MB/h (${r.samples} samples after 2 min)`);
  console.log(JSON.stringify({ date: new Date().toISOString(), minutes: Number(args.minutes), rate: 20, targets: targets.length, result }));
} finally {
  for (const h of hosts) await h.host.close().catch(() => {});
  await browser.close().catch(() => {});
  await client.close().catch(() => {});
}
