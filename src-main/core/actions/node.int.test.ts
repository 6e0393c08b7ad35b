import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cordonNode, uncordonNode } from './cordon';
import { drainNode } from './drain';
import {
  cleanUpNodesAndNamespaces, createFakeNodes, createTwinNamespaces, deploymentManifest, expectSameAt, kubectl, pinnedTo, podsOnNode,
  type TwinNamespaces,
} from '../../testing/twinTestKit';
import { ADMIN, LIMITED, eventually, newCore, randomName } from '../../testing/testCluster';
import type { Core } from '../core';
import type { KubeHttp } from '../cluster/kubeHttp';
import type { DrainEvent } from '../../../shared/contract/actions';

/** A node without what differs between twins: its name and hostname label. */
const nodeView = (n: any) => ({ spec: n.spec, labels: { ...n.metadata.labels, 'kubernetes.io/hostname': '<name>' }, annotations: n.metadata.annotations });
const NODE_PATHS = ['spec', 'labels', 'annotations'];

describe('node actions, like kubectl cordon / uncordon / drain', () => {
  let core: Core;
  let http: KubeHttp;
  let twins: TwinNamespaces;
  const extraNamespaces: string[] = [];
  const base = randomName('wh-node');
  const nodes = { ours: `${base}-ours`, theirs: `${base}-kubectl`, blockedOurs: `${base}-pdb-ours`, blockedTheirs: `${base}-pdb-kubectl`, spare: `${base}-spare` };
  const node = async (name: string) => nodeView(await http.request('GET', `/api/v1/nodes/${name}`));
  const create = (ns: string, obj: any) => kubectl(['create', '-n', ns, '-f', '-'], { input: JSON.stringify(obj) });

  /** A Deployment of `replicas` pods pinned to the node, a DaemonSet pinned to it, optionally a PDB. */
  async function workloadsOn(ns: string, nodeName: string, replicas: number, pdb: boolean) {
    await create(ns, deploymentManifest('app', 'nginx:1.25', replicas, { nodeName }));
    await create(ns, {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { ...pinnedTo(nodeName), containers: [{ name: 'agent', image: 'agent:1' }] } },
      },
    });
    if (pdb) await create(ns, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'app' }, spec: { minAvailable: replicas, selector: { matchLabels: { app: 'app' } } } });
    await eventually(async () => (await podsOnNode(http, nodeName, ns)).filter((p) => p.endsWith('Running')).length === replicas + 1, 60_000, `pods running on ${nodeName}`);
    if (pdb) {
      await eventually(async () => {
        const b = await http.request('GET', `/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets/app`);
        return b.status?.observedGeneration === b.metadata.generation && b.status?.currentHealthy === replicas;
      }, 60_000, 'the PodDisruptionBudget to be processed');
    }
  }

  beforeAll(async () => {
    core = newCore();
    http = core.connection(ADMIN).http;
    twins = await createTwinNamespaces(http, 'wh-node');
    await createFakeNodes(http, Object.values(nodes));
  });
  afterAll(async () => {
    await cleanUpNodesAndNamespaces(http, Object.values(nodes), [...(twins ? [twins.ours, twins.theirs] : []), ...extraNamespaces]);
    await core.dispose();
  });

  it('cordon and uncordon leave a node exactly as kubectl does (unschedulable and the controller\'s taint)', async () => {
    expect(await cordonNode(http, nodes.spare, { dryRun: true })).toEqual({ changed: true, message: `node/${nodes.spare} cordoned (server dry run)` });
    expect((await node(nodes.spare)).spec.unschedulable).toBeUndefined();

    expect(await cordonNode(http, nodes.ours)).toEqual({ changed: true, message: `node/${nodes.ours} cordoned` });
    await kubectl(['cordon', nodes.theirs]);
    const tainted = async (n: string) => ((await node(n)).spec.taints ?? []).some((t: any) => t.key === 'node.kubernetes.io/unschedulable');
    await eventually(async () => (await tainted(nodes.ours)) && (await tainted(nodes.theirs)), 30_000, 'the unschedulable taint');
    expectSameAt(await node(nodes.ours), await node(nodes.theirs), NODE_PATHS);
    expect((await node(nodes.ours)).spec.unschedulable).toBe(true);
    expect(await cordonNode(http, nodes.ours)).toEqual({ changed: false, message: `node/${nodes.ours} already cordoned` });

    expect(await uncordonNode(http, nodes.ours)).toEqual({ changed: true, message: `node/${nodes.ours} uncordoned` });
    await kubectl(['uncordon', nodes.theirs]);
    await eventually(async () => !(await tainted(nodes.ours)) && !(await tainted(nodes.theirs)), 30_000, 'the taint to go');
    expectSameAt(await node(nodes.ours), await node(nodes.theirs), NODE_PATHS);
    expect((await node(nodes.ours)).spec.unschedulable).toBeUndefined();
  });

  it('cordon is refused with `forbidden` for a user without access to nodes', async () => {
    await expect(cordonNode(core.connection(LIMITED).http, nodes.spare)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining(`nodes "${nodes.spare}"`) });
  });

  it('drain evicts what kubectl evicts, skips the DaemonSet pod, and leaves both nodes and pods alike', async () => {
    await workloadsOn(twins.ours, nodes.ours, 2, false);
    await workloadsOn(twins.theirs, nodes.theirs, 2, false);
    const events: DrainEvent[] = [];
    const r = await drainNode(http, nodes.ours, { force: false, ignoreDaemonSets: true, deleteEmptyDirData: false, timeoutMs: 60_000, retryDelayMs: 1000, onEvent: (e) => events.push(e) });
    await kubectl(['drain', nodes.theirs, '--ignore-daemonsets', '--timeout=60s'], { timeoutMs: 90_000 });

    expect(r).toMatchObject({ outcome: 'drained', message: `node/${nodes.ours} drained`, blocked: [], failed: [], refused: [] });
    expect(r.evicted).toHaveLength(2);
    expect(r.skipped).toEqual([expect.objectContaining({ namespace: twins.ours, reason: 'ignoring DaemonSet-managed Pods' })]);
    expect(events[0]).toEqual({ type: 'cordoned', node: nodes.ours, changed: true });
    expect(events.filter((e) => e.type === 'pod' && e.state === 'gone')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { outcome: 'drained' } });

    expect(await podsOnNode(http, nodes.ours, twins.ours)).toEqual(['DaemonSet Running']);
    expect(await podsOnNode(http, nodes.ours, twins.ours)).toEqual(await podsOnNode(http, nodes.theirs, twins.theirs));
    expectSameAt(await node(nodes.ours), await node(nodes.theirs), NODE_PATHS);
  });

  it('a PodDisruptionBudget that allows no eviction is reported as blocked after the timeout instead of hanging', async () => {
    const pdbTwins = await createTwinNamespaces(http, 'wh-pdb');
    extraNamespaces.push(pdbTwins.ours, pdbTwins.theirs);
    await workloadsOn(pdbTwins.ours, nodes.blockedOurs, 2, true);
    await workloadsOn(pdbTwins.theirs, nodes.blockedTheirs, 2, true);

    const events: DrainEvent[] = [];
    const t0 = Date.now();
    const r = await drainNode(http, nodes.blockedOurs, { force: false, ignoreDaemonSets: true, deleteEmptyDirData: false, timeoutMs: 5_000, retryDelayMs: 1_000, onEvent: (e) => events.push(e) });
    const took = Date.now() - t0;
    const kubectlFailure = await kubectl(['drain', nodes.blockedTheirs, '--ignore-daemonsets', '--timeout=5s'], { timeoutMs: 60_000 }).then(() => undefined, (err) => err);

    expect(took).toBeLessThan(15_000);
    expect(r.outcome).toBe('blocked');
    expect(r.blocked).toHaveLength(2);
    expect(r.blocked[0].reason).toContain("Cannot evict pod as it would violate the pod's disruption budget");
    expect(r.message).toContain('PodDisruptionBudget');
    expect(events.filter((e) => e.type === 'pod' && e.state === 'retrying').length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { outcome: 'blocked' } });
    // kubectl gives up the same way ("global timeout reached"); both nodes are cordoned, the pods stay.
    expect(String(kubectlFailure?.stderr ?? kubectlFailure)).toMatch(/global timeout reached|Cannot evict pod/);
    expect(await podsOnNode(http, nodes.blockedOurs, pdbTwins.ours)).toEqual(['DaemonSet Running', 'ReplicaSet Running', 'ReplicaSet Running']);
    expect(await podsOnNode(http, nodes.blockedOurs, pdbTwins.ours)).toEqual(await podsOnNode(http, nodes.blockedTheirs, pdbTwins.theirs));
    expectSameAt(await node(nodes.blockedOurs), await node(nodes.blockedTheirs), NODE_PATHS);
  });

  it('refuses a pod without a controller (like kubectl without --force), and can be cancelled', async () => {
    const ns = (await createTwinNamespaces(http, 'wh-bare')).ours;
    extraNamespaces.push(ns, ns.replace(/-ours$/, '-kubectl'));
    await create(ns, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare' }, spec: { nodeName: nodes.spare, containers: [{ name: 'c', image: 'busybox' }] } });
    const r = await drainNode(http, nodes.spare, { force: false, ignoreDaemonSets: true, deleteEmptyDirData: false, timeoutMs: 10_000, retryDelayMs: 1_000 });
    expect(r).toMatchObject({ outcome: 'refused', message: `cannot delete Pods that declare no controller (use --force to override): ${ns}/bare`, evicted: [] });
    await expect(kubectl(['drain', nodes.spare, '--ignore-daemonsets'])).rejects.toThrow(/cannot delete Pods that declare no controller \(use --force to override\): .*bare/);
    expect(await podsOnNode(http, nodes.spare, ns)).toEqual(['none Running']);

    // Cancelled before anything is evicted: the node stays cordoned, nothing else happens.
    const abort = new AbortController();
    abort.abort();
    const cancelled = await drainNode(http, nodes.spare, { force: true, ignoreDaemonSets: true, deleteEmptyDirData: false, timeoutMs: 10_000, retryDelayMs: 1_000, signal: abort.signal });
    expect(cancelled.outcome).toBe('cancelled');
    expect(await podsOnNode(http, nodes.spare, ns)).toEqual(['none Running']);
  });
});
