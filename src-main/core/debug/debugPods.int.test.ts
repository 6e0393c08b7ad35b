import { beforeAll, describe, expect, it } from 'vitest';
import { kubectl } from '../../../test-cluster/kubectl.mjs';
import { ADMIN, eventually, newCore, testKubeconfig, useTestNamespace } from '../../testing/testCluster';
import { execOnce } from '../streams/execSession';
import { addDebugContainer, endNodeShell, startNodeShell } from './debugPods';
import { contractSession } from '../../testing/streamTesting';

const SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;
const k = (args: string[]) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, timeoutMs: 90_000 });

/** A pod's spec without what differs by name only: the service-account token volume and its mount. */
function comparable(spec: any): any {
  const s = structuredClone(spec);
  const token = (n: string) => n.startsWith('kube-api-access-');
  s.volumes = (s.volumes ?? []).filter((v: any) => !token(v.name));
  for (const c of s.containers ?? []) c.volumeMounts = (c.volumeMounts ?? []).filter((m: any) => !token(m.name));
  return s;
}

// kubectl is the oracle: twin pods, one debugged by `kubectl debug`, one by the app, compared field by field.
describe('kubectl debug, as the app does it', () => {
  const t = useTestNamespace('wh-debug');
  const http = () => t.core.connection(ADMIN).http;
  const pod = (name: string) => http().request('GET', `/api/v1/namespaces/${t.ns}/pods/${name}`);

  beforeAll(async () => {
    for (const name of ['twin-kubectl', 'twin-app']) {
      await http().request('POST', `/api/v1/namespaces/${t.ns}/pods`, { body: { metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } });
    }
    await eventually(async () => (await pod('twin-kubectl')).status?.phase === 'Running' && (await pod('twin-app')).status?.phase === 'Running', 60_000, 'both twins running');
  });

  it('adds the same ephemeral container as kubectl debug -it --image=busybox --target=app --profile=general, twice, and it runs commands', async () => {
    for (const round of [0, 1]) {
      await k(['debug', '-n', t.ns, 'pod/twin-kubectl', '-i', '-t', '--attach=false', '--image=busybox', '--target=app', '--profile=general']);
      const ours = await addDebugContainer(http(), { namespace: t.ns, pod: 'twin-app', image: 'busybox', target: 'app' });
      const [a, b] = [await pod('twin-kubectl'), await pod('twin-app')];
      expect(a.spec.ephemeralContainers).toHaveLength(round + 1);
      expect(b.spec.ephemeralContainers).toHaveLength(round + 1);
      const theirs = a.spec.ephemeralContainers[round];
      const mine = b.spec.ephemeralContainers[round];
      expect(mine.name).toBe(ours.container);
      expect(mine.name.replace(/^debugger-/, '')).toMatch(SUFFIX);
      expect(theirs.name.replace(/^debugger-/, '')).toMatch(SUFFIX);
      expect({ ...mine, name: 'x' }).toEqual({ ...theirs, name: 'x' });
      // The earlier one is kept (the patch merges by name), and ours reports running.
      if (round) expect(b.spec.ephemeralContainers[0].name).not.toBe(mine.name);
      expect(b.status.ephemeralContainerStatuses.find((s: any) => s.name === mine.name)?.state?.running).toBeTruthy();
      const r = await execOnce(http(), t.ns, 'twin-app', ours.container, ['sh', '-c', 'echo debug-$((40+2))']);
      expect(r.stdout.trim()).toBe('debug-42');
    }
  });

  it('refuses a target the pod does not have, before patching anything', async () => {
    await expect(addDebugContainer(http(), { namespace: t.ns, pod: 'twin-app', image: 'busybox', target: 'nope' })).rejects.toThrow(/has no container nope/);
    expect((await pod('twin-app')).spec.ephemeralContainers).toHaveLength(2);
  });

  it('creates the same node-debugger pod as kubectl debug node/N -it --image=busybox --profile=general, and deletes only such pods', async () => {
    const out = await k(['debug', '-n', t.ns, 'node/kwok-node-1', '-i', '-t', '--attach=false', '--image=busybox', '--profile=general']);
    const theirsName = /pod (node-debugger-kwok-node-1-\w{5})/.exec(out)?.[1];
    expect(theirsName).toBeTruthy();
    const ours = await startNodeShell(http(), { node: 'kwok-node-1', image: 'busybox', namespace: t.ns });
    expect(ours.pod).toMatch(/^node-debugger-kwok-node-1-/);
    expect(ours.pod.slice(-5)).toMatch(SUFFIX);
    const [a, b] = [await pod(theirsName!), await pod(ours.pod)];
    expect(comparable(b.spec)).toEqual(comparable(a.spec));
    expect(b.metadata.labels).toEqual(a.metadata.labels);
    expect(b.spec).toMatchObject({ hostPID: true, hostNetwork: true, hostIPC: true, nodeName: 'kwok-node-1', restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }] });
    expect(b.status.phase).toBe('Running');
    const r = await execOnce(http(), t.ns, ours.pod, 'debugger', ['sh', '-c', 'echo node-$((6*7))']);
    expect(r.stdout.trim()).toBe('node-42');

    await expect(endNodeShell(http(), { namespace: t.ns, pod: 'twin-app' })).rejects.toThrow(/not a node shell pod/);
    expect((await endNodeShell(http(), { namespace: t.ns, pod: ours.pod })).deleted).toBe(true);
    await eventually(async () => !(await http().request('GET', `/api/v1/namespaces/${t.ns}/pods`)).items.some((p: any) => p.metadata.name === ours.pod), 30_000, 'our node shell pod gone');
    expect((await endNodeShell(http(), { namespace: t.ns, pod: ours.pod })).deleted).toBe(false);
  });

  it('a node shell still open when the core stops is deleted; a kept one stays', async () => {
    const other = newCore();
    const session = contractSession(other);
    const open = await session.request('debug.nodeShell', { context: ADMIN, node: 'kwok-node-0', image: 'busybox', namespace: t.ns });
    const kept = await session.request('debug.nodeShell', { context: ADMIN, node: 'kwok-node-0', image: 'busybox', namespace: t.ns });
    expect(await session.request('debug.endNodeShell', { context: ADMIN, namespace: t.ns, pod: kept.pod, keep: true })).toMatchObject({ deleted: false });
    await other.dispose();
    await eventually(async () => {
      const names = (await http().request('GET', `/api/v1/namespaces/${t.ns}/pods`)).items.map((p: any) => p.metadata.name);
      return !names.includes(open.pod) && names.includes(kept.pod);
    }, 30_000, 'the open shell pod gone, the kept one there');
  });
});
