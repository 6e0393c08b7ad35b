// Integration-test kit for the actions: a pair of twin namespaces (one acted on through our core, one
// through kubectl), the test cluster's own kubectl, and comparison of objects at exact field paths.
// Only *.int.test.ts files import this; it talks to the real test cluster.
import { expect } from 'vitest';
import type { KubeHttp } from '../core/cluster/kubeHttp';
import { ADMIN, eventually, randomName, testKubeconfig } from './testCluster';
import { RFC3339_SECONDS } from '../../shared/rollout/restartPatch';
import { kubectl as runKubectl } from '../../test-cluster/kubectl.mjs';

/** test-cluster/kubectl.mjs: the kubectl built for the cluster's version, as the admin context. */
export function kubectl(args: string[], opts: { input?: string; timeoutMs?: number; context?: string } = {}): Promise<string> {
  return runKubectl(args, { kubeconfig: testKubeconfig(), context: opts.context ?? ADMIN, input: opts.input, timeoutMs: opts.timeoutMs });
}

/** Two fresh namespaces, `ours` (acted on by Wheelhouse) and `theirs` (by kubectl). */
export interface TwinNamespaces { ours: string; theirs: string }

export async function createTwinNamespaces(http: KubeHttp, prefix: string): Promise<TwinNamespaces> {
  const base = randomName(prefix);
  const twins = { ours: `${base}-ours`, theirs: `${base}-kubectl` };
  for (const ns of [twins.ours, twins.theirs]) {
    await http.request('POST', '/api/v1/namespaces', { body: { metadata: { name: ns, labels: { 'wheelhouse.dev/test': 'actions' } } } });
  }
  // Pods cannot be created before the service account controller has made `default`.
  for (const ns of [twins.ours, twins.theirs]) {
    await eventually(() => http.request('GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`), 30_000, `serviceaccount default in ${ns}`);
  }
  return twins;
}

export async function deleteNamespaces(http: KubeHttp, ...namespaces: string[]): Promise<void> {
  await Promise.all(namespaces.map((ns) => http.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => undefined)));
}

/** Applies the same objects (JSON) in both namespaces through kubectl, so the twins start identical. */
export async function createInBoth(twins: TwinNamespaces, objects: object[]): Promise<void> {
  for (const ns of [twins.ours, twins.theirs]) {
    await kubectl(['create', '-n', ns, '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }) });
  }
}

export async function getJson(http: KubeHttp, path: string): Promise<any> {
  return http.request('GET', path);
}

/**
 * The taint on our own fake nodes, so that nothing else (other tests, the demo DaemonSet) lands on a
 * node we cordon, drain and delete; our pinned pods tolerate it.
 */
export const TEST_NODE_TAINT = { key: 'wheelhouse.dev/actions-test', value: 'true', effect: 'NoSchedule' };
export const TEST_NODE_TOLERATION = { key: TEST_NODE_TAINT.key, operator: 'Equal', value: 'true', effect: 'NoSchedule' };

/** Pod spec fields that pin a pod to one of our fake nodes. */
export function pinnedTo(nodeName: string): Record<string, unknown> {
  return { nodeSelector: { 'kubernetes.io/hostname': nodeName }, tolerations: [TEST_NODE_TOLERATION] };
}

/** A Deployment of `replicas` pods (KWOK makes them Ready at once) with one container. */
export function deploymentManifest(name: string, image: string, replicas = 2, extra: { nodeName?: string; podLabels?: Record<string, string> } = {}): any {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, ...extra.podLabels } },
        spec: {
          containers: [{ name: 'main', image }],
          ...(extra.nodeName ? pinnedTo(extra.nodeName) : {}),
        },
      },
    },
  };
}

/** Waits until the Deployment controller has seen the latest spec and finished rolling it out. */
export async function rolledOut(http: KubeHttp, namespace: string, name: string, kind = 'deployments'): Promise<any> {
  return eventually(async () => {
    const d = await http.request('GET', `/apis/apps/v1/namespaces/${namespace}/${kind}/${name}`);
    const s = d.status ?? {};
    const want = d.spec?.replicas ?? 0;
    const done = (s.observedGeneration ?? 0) >= d.metadata.generation && (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want;
    return done ? d : undefined;
  }, 60_000, `${kind} ${namespace}/${name} to roll out`);
}

const VOLATILE = new Set(['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'lastTransitionTime', 'lastUpdateTime', 'lastHeartbeatTime', 'timeAdded', 'namespace', 'selfLink']);
const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/**
 * The object without what legitimately differs between twins: uids, resourceVersions, timestamps,
 * managedFields and namespace; a restartedAt annotation must be RFC 3339 and is compared for presence.
 */
export function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (VOLATILE.has(k)) continue;
    if (k === RESTARTED_AT) {
      expect(v, 'restartedAt is RFC 3339 to the second').toMatch(RFC3339_SECONDS);
      out[k] = '<RFC3339>';
      continue;
    }
    out[k] = comparable(v);
  }
  return out;
}

export function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), obj);
}

/** Expects both objects equal at each path (after `comparable`); returns the paths for the report. */
export function expectSameAt(ours: unknown, theirs: unknown, paths: string[], normalize: (v: unknown) => unknown = (v) => v): string[] {
  for (const p of paths) {
    expect(normalize(comparable(at(ours, p))), `field ${p} (ours vs kubectl)`).toEqual(normalize(comparable(at(theirs, p))));
  }
  return paths;
}

/** The ReplicaSets of a Deployment as revision → comparable template and annotations. */
export async function replicaSetsByRevision(http: KubeHttp, namespace: string, app: string): Promise<Map<number, { template: unknown; annotations: unknown; replicas: number }>> {
  const list = await http.request('GET', `/apis/apps/v1/namespaces/${namespace}/replicasets`, { query: { labelSelector: `app=${app}` } });
  return new Map(list.items.map((rs: any) => [Number(rs.metadata.annotations['deployment.kubernetes.io/revision']), {
    template: comparable(rs.spec.template), annotations: comparable(rs.metadata.annotations), replicas: rs.spec.replicas,
  }]));
}

/**
 * A KWOK fake node of our own (the cluster's KWOK manages every node; this mirrors the labels and
 * annotations of test-cluster's kwok-node-N), so node actions never disturb the shared nodes.
 */
export function fakeNodeManifest(name: string): any {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', type: 'kwok', 'wheelhouse.dev/test': 'actions' },
      annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: { taints: [TEST_NODE_TAINT] },
    status: {
      allocatable: { cpu: '32', memory: '256Gi', pods: '110' },
      capacity: { cpu: '32', memory: '256Gi', pods: '110' },
      addresses: [{ type: 'InternalIP', address: '127.0.0.1' }, { type: 'Hostname', address: name }],
    },
  };
}

/** Creates fake nodes and waits until KWOK reports them Ready with no taint but ours (schedulable for our pods). */
export async function createFakeNodes(http: KubeHttp, names: string[]): Promise<void> {
  for (const name of names) await http.request('POST', '/api/v1/nodes', { body: fakeNodeManifest(name) });
  for (const name of names) {
    await eventually(async () => {
      const n = await http.request('GET', `/api/v1/nodes/${name}`);
      const ready = n.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True');
      return ready && (n.spec?.taints ?? []).every((t: any) => t.key === TEST_NODE_TAINT.key);
    }, 60_000, `node ${name} Ready without other taints`);
  }
}

/** Deletes namespaces and waits until they are gone (their pods with them), then deletes the nodes. */
export async function cleanUpNodesAndNamespaces(http: KubeHttp, nodes: string[], namespaces: string[]): Promise<void> {
  await deleteNamespaces(http, ...namespaces);
  await Promise.all(namespaces.map((ns) => eventually(async () => {
    try { await http.request('GET', `/api/v1/namespaces/${ns}`); return false; } catch { return true; }
  }, 90_000, `namespace ${ns} to go`).catch(() => undefined)));
  await Promise.all(nodes.map((n) => http.request('DELETE', `/api/v1/nodes/${n}`).catch(() => undefined)));
}

/**
 * One namespace's pods bound to a node, as `owner-kind phase` (names carry random suffixes). Scoped to
 * a namespace because the seeded demo DaemonSet puts a pod on every node, ours included.
 */
export async function podsOnNode(http: KubeHttp, node: string, namespace: string): Promise<string[]> {
  const list = await http.request('GET', `/api/v1/namespaces/${namespace}/pods`, { query: { fieldSelector: `spec.nodeName=${node}` } });
  return list.items
    .filter((p: any) => !p.metadata.deletionTimestamp)
    .map((p: any) => `${p.metadata.ownerReferences?.find((r: any) => r.controller)?.kind ?? 'none'} ${p.status?.phase}`)
    .sort();
}
