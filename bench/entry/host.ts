// The benchmark's host for the app core, bundled with esbuild by bench/lib/build.mjs and run as a child
// process so that its memory and CPU are the core's alone (not the benchmark driver's).
//   sync  : builds a Core, subscribes pods, replicasets, deployments and services of all namespaces
//           (projection 'topology'), and prints one JSON line when all four are listed and watching.
//   serve : the core behind serve mode (startServeServer, the app's own handlers), driven by JSON
//           commands on stdin, answering JSON lines on stdout.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { getHeapSpaceStatistics } from 'node:v8';
import { Core } from '../../src-main/core/core';
import { coreHandlers } from '../../src-main/core/service';
import { subscribeResources } from '../../src-main/core/watch/resourceSubscription';
import { startServeServer } from '../../src-main/transport/serveServer';
import { appsOf } from '../../src-main/core/apps/appsService';
import type { TableRow, WatchEvent } from '../../shared/contract/resources';
import { buildTopology } from '../../shared/topology/graph';
import type { TopoObject } from '../../shared/topology/topologyObject';
// Pure modules of the topology view (no DOM): the kinds it watches, how it merges them, how it places them.
import { TOPOLOGY_KINDS } from '../../src-renderer/views/topology/topologyKinds';
import { placeTopology } from '../../src-renderer/topology-engine/placement';

const [mode, kubeconfig, context] = process.argv.slice(2);
if (!mode || !kubeconfig || !context) {
  console.error('usage: host.mjs sync|serve <kubeconfig> <context>');
  process.exit(2);
}

const KINDS = [
  { group: '', version: 'v1', resource: 'pods' },
  { group: 'apps', version: 'v1', resource: 'replicasets' },
  { group: 'apps', version: 'v1', resource: 'deployments' },
  { group: '', version: 'v1', resource: 'services' },
];

const out = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
const mem = () => {
  const m = process.memoryUsage();
  // Per V8 space: optimized code (code_space) grows while the JIT tiers functions up under a new load,
  // which heapUsed alone cannot tell apart from retained objects (old_space, large_object_space).
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, spaces };
};

function newCore(): Core {
  return new Core({ dataDir: mkdtempSync(join(tmpdir(), 'wh-bench-core-')), kubeconfigFiles: [kubeconfig], watchKubeconfig: false });
}

/** Subscribes every kind (all namespaces, topology projection); resolves when each is listed and live. */
function holdAll(core: Core, namespace?: string): Promise<{ counts: Record<string, number>; close: () => void; perKindMs: Record<string, number> }> {
  const started = performance.now();
  const counts: Record<string, number> = {};
  const perKindMs: Record<string, number> = {};
  const closers: (() => void)[] = [];
  return new Promise((resolveAll, reject) => {
    let pending = KINDS.length;
    for (const k of KINDS) {
      let snapshot = false;
      let done = false;
      const emit = (e: WatchEvent) => {
        if (e.type === 'snapshot') { snapshot = true; counts[k.resource] = e.items.length; }
        const f = e.type === 'snapshot' || e.type === 'freshness' ? e.freshness : undefined;
        if (f && (f.state === 'forbidden' || f.state === 'unauthorized')) reject(new Error(`${k.resource}: ${f.state}`));
        if (!done && snapshot && f?.state === 'live') {
          done = true;
          perKindMs[k.resource] = performance.now() - started;
          if (--pending === 0) resolveAll({ counts, perKindMs, close: () => closers.forEach((c) => c()) });
        }
      };
      closers.push(subscribeResources(core.hub, { context, ...k, namespace, projection: 'topology' }, emit));
    }
  });
}

async function topologyPipeline(core: Core, namespace: string, runs: number) {
  const lists: { kind: (typeof TOPOLOGY_KINDS)[number]; items: Map<string, TopoObject> }[] = [];
  const closers: (() => void)[] = [];
  const tHold = performance.now();
  await Promise.all(TOPOLOGY_KINDS.map((k) => new Promise<void>((res) => {
    const items = new Map<string, TopoObject>();
    lists.push({ kind: k, items });
    let done = false;
    closers.push(subscribeResources(core.hub, { context, group: k.group, version: k.version, resource: k.resource, namespace: k.namespaced ? namespace : undefined, projection: 'topology' }, (e) => {
      if (e.type === 'snapshot') { for (const it of e.items as TopoObject[]) items.set(it.uid, it); }
      const f = e.type === 'snapshot' || e.type === 'freshness' ? e.freshness : undefined;
      if (!done && (e.type === 'snapshot' || (f && f.state !== 'syncing' && f.state !== 'live'))) { done = true; res(); }
    }));
  })));
  const holdMs = performance.now() - tHold;
  const times: { collect: number; build: number; layout: number }[] = [];
  let nodes = 0;
  let edges = 0;
  let objects = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    // One array of what the lists hold, as the topology engine makes before each build.
    const objs = lists.flatMap((l) => [...l.items.values()]);
    const t1 = performance.now();
    const topo = buildTopology(objs, { scope: { type: 'namespace', namespace } });
    const t2 = performance.now();
    placeTopology(topo);
    const t3 = performance.now();
    times.push({ collect: t1 - t0, build: t2 - t1, layout: t3 - t2 });
    nodes = topo.nodes.length; edges = topo.edges.length; objects = objs.length;
  }
  closers.forEach((c) => c());
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    holdMs, objects, nodes, edges, runs,
    collectMs: med(times.map((t) => t.collect)), buildMs: med(times.map((t) => t.build)), layoutMs: med(times.map((t) => t.layout)),
    totalMs: med(times.map((t) => t.collect + t.build + t.layout)),
  };
}

async function sync(): Promise<void> {
  const tCore = performance.now();
  const core = newCore();
  const held = await holdAll(core);
  const tDone = performance.now();
  out({ ms: tDone - tCore, sinceProcessStartMs: tDone, counts: held.counts, perKindMs: held.perKindMs, mem: mem() });
  held.close();
  await core.dispose();
  process.exit(0);
}

async function serve(): Promise<void> {
  const core = newCore();
  const staticDir = resolve(process.env.WH_BENCH_RENDERER ?? 'dist/renderer');
  const handle = await startServeServer({ handlers: coreHandlers(core), staticDir });
  out({ type: 'ready', url: handle.url, openUrl: handle.openUrl, pid: process.pid });
  let held: Awaited<ReturnType<typeof holdAll>> | undefined;
  let tapped: { name: string; seq: number; t: number }[] = [];
  let untap: (() => void) | undefined;
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    let cmd: any;
    try { cmd = JSON.parse(line); } catch { continue; }
    const reply = (o: object) => out({ id: cmd.id, ...o });
    try {
      switch (cmd.cmd) {
        case 'mem': reply({ mem: mem() }); break;
        case 'gc': {
          // Two passes: the second collects what the first one's finalizers freed.
          (globalThis as any).gc?.(); (globalThis as any).gc?.();
          reply({ mem: mem(), gc: typeof (globalThis as any).gc === 'function' });
          break;
        }
        case 'hold': {
          const t = performance.now();
          held = await holdAll(core, cmd.namespace);
          reply({ ms: performance.now() - t, counts: held.counts });
          break;
        }
        case 'release': held?.close(); held = undefined; reply({}); break;
        case 'tap': {
          // Shares the informer the pods table uses (same hub key) and timestamps each bench-<seq>
          // STATUS value as the core's watch delivers it: where the app's own part of the latency starts.
          untap?.();
          const { informer, release } = core.hub.acquire<TableRow>({ context, group: '', version: 'v1', resource: 'pods', namespace: cmd.namespace, representation: 'table' });
          tapped = [];
          const remove = informer.addHandler({
            onSync() {}, onFreshness() {},
            onChanges(changes) {
              const t = performance.timeOrigin + performance.now();
              for (const c of changes) {
                if (c.type === 'deleted') continue;
                for (const cell of c.obj.cells) {
                  const m = typeof cell === 'string' ? /^bench-(\d+)$/.exec(cell) : null;
                  if (m) { tapped.push({ name: c.obj.name, seq: Number(m[1]), t }); break; }
                }
              }
            },
          });
          untap = () => { remove(); release(); untap = undefined; };
          reply({});
          break;
        }
        case 'taps': reply({ taps: tapped.splice(0) }); break;
        case 'untap': untap?.(); reply({}); break;
        case 'pipeline': {
          // The topology pipeline in Node: the kinds the view watches, in one namespace, then
          // buildTopology and a fresh layout (placeTopology), as the view runs them. Median of `runs`.
          const r = await topologyPipeline(core, cmd.namespace, cmd.runs ?? 5);
          reply(r);
          break;
        }
        case 'stats': reply({ stats: core.hub.stats(), sessions: handle.sessions() }); break;
        case 'exit':
          reply({});
          held?.close();
          await handle.close();
          await core.dispose();
          process.exit(0);
          break;
        default: reply({ error: `unknown command ${cmd.cmd}` });
      }
    } catch (err: any) {
      reply({ error: String(err?.message ?? err) });
    }
  }
}

/**
 * apps <dir> <namespace> <file>: P6. Adds the folder as an application, prints when its statuses are
 * first complete, then rewrites <file> (every value changed) and prints when the change is seen.
 */
async function apps(): Promise<void> {
  const [dir, namespace, file] = process.argv.slice(5);
  const core = new Core({ dataDir: mkdtempSync(join(tmpdir(), 'wh-bench-apps-')), kubeconfigFiles: [resolve(kubeconfig)], watchKubeconfig: false });
  const service = appsOf(core);
  const t0 = performance.now();
  const app = await service.add({ name: 'bench', path: dir, context, namespace });
  const { rt } = await service.acquire(app.id);
  const settled = (ok: (s: typeof rt.state) => boolean) => new Promise<void>((done) => {
    const stop = rt.subscribe((s) => { if (!s.refreshing && s.refreshedAt && ok(s)) { queueMicrotask(() => stop()); done(); } });
  });
  await settled(() => true);
  out({ phase: 'open', ms: performance.now() - t0, dryRuns: rt.snapshot?.dryRuns, counts: rt.state.counts });
  const t1 = performance.now();
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll('value: "one"', 'value: "two"'));
  await settled((s) => s.counts.outOfSync >= 100);
  out({ phase: 'change', ms: performance.now() - t1, dryRuns: rt.snapshot?.dryRuns, counts: rt.state.counts });
  await core.dispose();
  process.exit(0);
}

if (mode === 'sync') await sync();
else if (mode === 'serve') await serve();
else if (mode === 'apps') await apps();
else { console.error(`unknown mode ${mode}`); process.exit(2); }
