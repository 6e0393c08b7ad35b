import { ContractError } from '../../../shared/contract/contractError';
import { debugContainerName, ephemeralDebugContainer, ephemeralPatch, nodeDebugPod, nodeDebugPodName } from '../../../shared/debug/debugSpecs';
import { requireActionAccess } from '../actions/accessCheck';
import { ApiError } from '../cluster/apiError';
import type { KubeHttp } from '../cluster/kubeHttp';

const podPath = (ns: string, name: string) => `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Reads the pod until `state(pod)` says running (true) or failed (a sentence); times out with the last waiting reason. */
async function waitRunning(http: KubeHttp, ns: string, name: string, what: string, state: (pod: any) => true | string | { waiting: string } | undefined, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = 'not started yet';
  for (;;) {
    const pod = await http.request('GET', podPath(ns, name), { timeoutMs: 15_000 });
    const s = state(pod);
    if (s === true) return;
    if (typeof s === 'string') throw new ContractError('conflict', `${what} did not start: ${s}.`);
    if (s) last = s.waiting;
    if (Date.now() > until) throw new ContractError('timeout', `${what} is still not running after ${Math.round(timeoutMs / 1000)} s (${last}). It stays in the pod; its image may be slow to pull or not exist.`);
    await sleep(500);
  }
}

function containerState(st: any): true | string | { waiting: string } | undefined {
  if (!st) return undefined;
  if (st.state?.running) return true;
  if (st.state?.terminated) return `it exited (${st.state.terminated.reason ?? `code ${st.state.terminated.exitCode}`})`;
  if (st.state?.waiting) return { waiting: [st.state.waiting.reason, st.state.waiting.message].filter(Boolean).join(': ') };
  return undefined;
}

/**
 * `kubectl debug -it pod/x --image=IMG [--target=C] --profile=general`: the strategic-merge patch of the
 * pod's `ephemeralcontainers` subresource that adds `debugger-xxxxx`, then waiting until it runs.
 */
export async function addDebugContainer(http: KubeHttp, p: { namespace: string; pod: string; image: string; target?: string; timeoutSeconds?: number }): Promise<{ container: string; spec: Record<string, unknown> }> {
  await requireActionAccess(http, 'debug', { group: '', resource: 'pods', namespace: p.namespace, name: p.pod });
  let pod: any;
  try {
    pod = await http.request('GET', podPath(p.namespace, p.pod), { timeoutMs: 15_000 });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw new ContractError('not-found', `Pod ${p.namespace}/${p.pod} not found.`);
    throw err;
  }
  if (p.target && !(pod?.spec?.containers ?? []).some((c: any) => c?.name === p.target)) {
    throw new ContractError('bad-request', `Pod ${p.pod} has no container ${p.target} to target.`);
  }
  const name = debugContainerName(pod);
  const container = ephemeralDebugContainer({ name, image: p.image, target: p.target });
  let result: any;
  try {
    result = await http.request('PATCH', `${podPath(p.namespace, p.pod)}/ephemeralcontainers`, {
      body: ephemeralPatch(pod, container), contentType: 'application/strategic-merge-patch+json', timeoutMs: 30_000,
    });
  } catch (err) {
    // kubectl's reading: a 404 without a name means the subresource itself is missing.
    if (err instanceof ApiError && err.status === 404 && !(err.body as any)?.details?.name) throw new ContractError('refused', 'Ephemeral containers are disabled on this cluster (no pods/ephemeralcontainers).');
    throw err;
  }
  const spec = (result?.spec?.ephemeralContainers ?? []).find((c: any) => c?.name === name) ?? container;
  await waitRunning(http, p.namespace, p.pod, `Debug container ${name}`,
    (pd) => containerState((pd?.status?.ephemeralContainerStatuses ?? []).find((s: any) => s?.name === name)), (p.timeoutSeconds ?? 120) * 1000);
  return { container: name, spec };
}

/**
 * `kubectl debug node/N -it --image=IMG --profile=general`: pod `node-debugger-N-xxxxx` on the node,
 * host namespaces, the node's / at /host; waits until it runs.
 */
export async function startNodeShell(http: KubeHttp, p: { node: string; image: string; namespace?: string; timeoutSeconds?: number }): Promise<{ namespace: string; pod: string; container: string }> {
  const namespace = p.namespace ?? 'default';
  await requireActionAccess(http, 'nodeShell', { group: '', resource: 'nodes', name: p.node, namespace });
  try {
    await http.request('GET', `/api/v1/nodes/${encodeURIComponent(p.node)}`, { timeoutMs: 15_000 });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw new ContractError('not-found', `Node ${p.node} not found.`);
    throw err;
  }
  const name = nodeDebugPodName(p.node);
  await http.request('POST', `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`, { body: nodeDebugPod({ name, node: p.node, image: p.image, namespace }), timeoutMs: 30_000 });
  await waitRunning(http, namespace, name, `Node shell pod ${name}`, (pd) => {
    if (pd?.status?.phase === 'Failed' || pd?.status?.phase === 'Succeeded') return `the pod is ${pd.status.phase}`;
    return containerState((pd?.status?.containerStatuses ?? []).find((s: any) => s?.name === 'debugger'));
  }, (p.timeoutSeconds ?? 120) * 1000);
  return { namespace, pod: name, container: 'debugger' };
}

/** Deletes a node shell's pod; refuses any pod that is not a node-debugger pod. */
export async function endNodeShell(http: KubeHttp, p: { namespace: string; pod: string }): Promise<{ deleted: boolean; message: string }> {
  let pod: any;
  try {
    pod = await http.request('GET', podPath(p.namespace, p.pod), { timeoutMs: 15_000 });
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return { deleted: false, message: `Pod ${p.pod} is already gone.` };
    throw err;
  }
  if (!p.pod.startsWith('node-debugger-') || pod?.metadata?.labels?.['app.kubernetes.io/managed-by'] !== 'kubectl-debug') {
    throw new ContractError('refused', `Pod ${p.namespace}/${p.pod} is not a node shell pod; delete it from its details instead.`);
  }
  await http.request('DELETE', podPath(p.namespace, p.pod), { body: { gracePeriodSeconds: 0 }, timeoutMs: 30_000 });
  return { deleted: true, message: `Deleted node shell pod ${p.namespace}/${p.pod}.` };
}
