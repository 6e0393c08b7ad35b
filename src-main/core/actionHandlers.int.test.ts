import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionHandlers } from './actionHandlers';
import { ContractSession } from '../transport/contractSession';
import { cleanUpNodesAndNamespaces, createFakeNodes, createTwinNamespaces, deploymentManifest, kubectl, podsOnNode, rolledOut } from '../testing/twinTestKit';
import { ADMIN, eventually, newCore, randomName } from '../testing/testCluster';
import type { Core } from './core';
import type { ServerFrame } from '../../shared/contract';

/** The contract end to end (params validation, handlers, events, activity log) over the real cluster. */
describe('action handlers through a contract session', () => {
  let core: Core;
  let ns: string;
  let spare: string;
  const node = randomName('wh-handlers');
  const frames: ServerFrame[] = [];
  let session: ContractSession;
  let nextId = 1;
  const request = async (method: string, params: unknown) => {
    const id = nextId++;
    session.receive({ t: 'req', id, method, params });
    const f = await eventually(() => frames.find((x) => x.t === 'res' && x.id === id), 60_000, `${method} response`);
    return f as Extract<ServerFrame, { t: 'res' }>;
  };
  const events = (id: number) => frames.filter((f): f is Extract<ServerFrame, { t: 'ev' }> => f.t === 'ev' && f.id === id).map((f) => f.event as any);

  beforeAll(async () => {
    core = newCore();
    session = new ContractSession(actionHandlers(core), (f) => frames.push(f));
    const twins = await createTwinNamespaces(core.connection(ADMIN).http, 'wh-handlers');
    ns = twins.ours;
    spare = twins.theirs;
    await createFakeNodes(core.connection(ADMIN).http, [node]);
  });
  afterAll(async () => {
    session.close();
    await cleanUpNodesAndNamespaces(core.connection(ADMIN).http, [node], [ns, spare].filter(Boolean));
    await core.dispose();
  });

  it('scales, streams rollout status and records both in the activity log', async () => {
    await kubectl(['create', '-n', ns, '-f', '-'], { input: JSON.stringify(deploymentManifest('web', 'nginx:1.25', 1)) });
    await rolledOut(core.connection(ADMIN).http, ns, 'web');
    const watchId = nextId++;
    session.receive({ t: 'sub', id: watchId, topic: 'activity.watch', params: { context: ADMIN } });
    const statusId = nextId++;
    session.receive({ t: 'sub', id: statusId, topic: 'actions.rolloutStatus', params: { context: ADMIN, namespace: ns, kind: 'Deployment', name: 'web' } });
    await eventually(() => events(statusId).some((e) => e.status?.message === 'deployment "web" successfully rolled out'), 30_000, 'rolled out status');

    const res = await request('actions.scale', { context: ADMIN, namespace: ns, kind: 'Deployment', name: 'web', replicas: 3 });
    expect(res).toMatchObject({ ok: true, result: { replicas: 3, previousReplicas: 1 } });
    await eventually(() => events(statusId).some((e) => e.status?.counts?.desired === 3 && e.status.done), 30_000, 'status to follow the scale');

    const bad = await request('actions.rolloutUndo', { context: ADMIN, namespace: ns, kind: 'Deployment', name: 'web', toRevision: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'not-found', message: 'unable to find specified revision 7 in history' } });

    const log = await request('activity.list', { context: ADMIN });
    expect(log.ok && (log.result as any).entries.map((e: any) => [e.action, e.target, e.namespace, e.outcome])).toEqual([
      ['scale', 'Deployment web', ns, 'ok'],
      ['rollout undo', 'Deployment web', ns, 'error'],
    ]);
    expect(events(watchId).map((e) => e.type)).toEqual(['snapshot', 'entry', 'entry']);
    session.receive({ t: 'unsub', id: statusId });
    session.receive({ t: 'unsub', id: watchId });
  });

  it('streams a drain and cancels it when the subscriber leaves', async () => {
    await kubectl(['create', '-n', ns, '-f', '-'], { input: JSON.stringify(deploymentManifest('pinned', 'nginx:1.25', 2, { nodeName: node })) });
    await kubectl(['create', '-n', ns, '-f', '-'], { input: JSON.stringify({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'pinned' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'pinned' } } } }) });
    await eventually(async () => (await podsOnNode(core.connection(ADMIN).http, node, ns)).length === 2, 60_000, 'pods on the node')
      .catch(async (err) => { throw new Error(`${err.message}\n${await kubectl(['get', 'pods,rs,deploy,events', '-n', ns, '-o', 'wide'])}\n${await kubectl(['describe', 'node', node])}`); });

    const id = nextId++;
    session.receive({ t: 'sub', id, topic: 'actions.drain', params: { context: ADMIN, node, timeoutSeconds: 600, retryDelaySeconds: 0.5 } });
    await eventually(() => events(id).filter((e) => e.type === 'pod' && e.state === 'retrying').length >= 2, 30_000, 'blocked evictions being retried');
    expect(events(id)[0]).toEqual({ type: 'cordoned', node, changed: true });
    expect(events(id)[1]).toMatchObject({ type: 'plan', evict: [expect.objectContaining({ namespace: ns }), expect.objectContaining({ namespace: ns })] });

    const t0 = Date.now();
    session.receive({ t: 'unsub', id });
    const log = await eventually(async () => {
      const r = await request('activity.list', { context: ADMIN });
      return (r as any).result.entries.find((e: any) => e.action === 'drain');
    }, 10_000, 'the cancelled drain in the activity log');
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(log).toMatchObject({ target: `node ${node}`, outcome: 'cancelled' });
    expect(await podsOnNode(core.connection(ADMIN).http, node, ns)).toHaveLength(2);
  });
});
