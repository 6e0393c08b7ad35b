import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { collectionPath, objectPath } from '../cluster/resourcePath';
import { requireActionAccess } from './accessCheck';
import { cordonNode } from './cordon';
import { classifyPodForDrain, daemonSetOwner, type DrainFilterOptions } from './drainPodFilter';
import { listAll } from './listAll';
import { kubectlName, NODES, PODS, WORKLOAD_RESOURCES } from './workloadResource';
import type { DrainEvent, DrainPlan, DrainResult, PodRef } from '../../../shared/contract/actions';
import { matchesLabelSelector, type LabelSelector } from '../../../shared/model/labelSelector';

export interface DrainOptions extends DrainFilterOptions {
  /** Like --grace-period; absent uses each pod's terminationGracePeriodSeconds. */
  gracePeriodSeconds?: number;
  /** Pods still blocked (429 from a PodDisruptionBudget) or still terminating after this are reported. */
  timeoutMs: number;
  /** Pause between eviction retries (kubectl: 5 s). */
  retryDelayMs: number;
  /** Poll interval while waiting for an evicted pod to disappear (kubectl: 1 s). */
  deletePollMs?: number;
  signal?: AbortSignal;
  onEvent?: (e: DrainEvent) => void;
}

type PodOutcome =
  | { state: 'gone' }
  | { state: 'blocked' | 'failed'; reason: string }
  | { state: 'cancelled' };

const refOf = (pod: any): PodRef => ({ namespace: String(pod.metadata?.namespace ?? ''), name: String(pod.metadata?.name ?? '') });
const key = (r: PodRef) => `${r.namespace}/${r.name}`;

/**
 * `kubectl drain`: cordon, list the node's pods, skip DaemonSet-managed and mirror pods, refuse the
 * whole drain when a pod cannot be evicted safely (no controller without force, emptyDir data), then
 * evict every other pod through `pods/eviction` (policy/v1) in parallel. A 429 is a
 * PodDisruptionBudget saying "not now": retried every retryDelay until the timeout, then reported as
 * blocked instead of waiting forever. Cancelling (the signal) stops the retries; the node stays
 * cordoned, as with kubectl.
 */
export async function drainNode(http: KubeHttp, node: string, opts: DrainOptions): Promise<DrainResult> {
  const emit = (e: DrainEvent) => opts.onEvent?.(e);
  const signal = opts.signal ?? new AbortController().signal;
  const deadline = Date.now() + opts.timeoutMs;
  await requireActionAccess(http, 'drain', { ...NODES, name: node });
  const result: DrainResult = { node, outcome: 'drained', message: '', evicted: [], blocked: [], failed: [], skipped: [], refused: [], warnings: [] };
  const finish = (outcome: DrainResult['outcome'], message: string): DrainResult => {
    result.outcome = outcome;
    result.message = message;
    emit({ type: 'done', result });
    return result;
  };

  const cordon = await cordonNode(http, node);
  emit({ type: 'cordoned', node, changed: cordon.changed });
  if (signal.aborted) return finish('cancelled', `drain of ${kubectlName('Node', node)} cancelled; the node stays cordoned`);

  const plan = await classifyNodePods(http, node, opts, signal);
  const toEvict = plan.toEvict;
  result.skipped = plan.skipped;
  result.refused = plan.refused;
  result.warnings = plan.warnings;
  emit({ type: 'plan', evict: toEvict.map(refOf), skipped: result.skipped, refused: result.refused });

  if (result.refused.length > 0) {
    const byReason = new Map<string, string[]>();
    for (const r of result.refused) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), key(r)]);
    return finish('refused', [...byReason].map(([reason, refs]) => `cannot delete ${reason}: ${refs.join(', ')}`).join('; '));
  }

  const outcomes = await Promise.all(toEvict.map(async (pod) => ({ pod: refOf(pod), outcome: await evictAndWait(http, pod, opts, deadline, signal, emit) })));
  for (const { pod, outcome } of outcomes) {
    if (outcome.state === 'gone') result.evicted.push(pod);
    else if (outcome.state === 'blocked') result.blocked.push({ ...pod, reason: outcome.reason });
    else if (outcome.state === 'failed') result.failed.push({ ...pod, reason: outcome.reason });
  }
  const name = kubectlName('Node', node);
  if (signal.aborted) return finish('cancelled', `drain of ${name} cancelled after evicting ${result.evicted.length} pod(s); the node stays cordoned`);
  if (result.blocked.length > 0) {
    return finish('blocked', `${name}: ${result.blocked.length} pod(s) could not be evicted within ${Math.round(opts.timeoutMs / 1000)} s because a PodDisruptionBudget does not allow it: ${result.blocked.map(key).join(', ')}`);
  }
  if (result.failed.length > 0) return finish('failed', `${name}: ${result.failed.map((f) => `${key(f)}: ${f.reason}`).join('; ')}`);
  return finish('drained', `${name} drained`);
}

/** The node's pods as a drain with these options sorts them: evict, skip (DaemonSet, mirror), refuse. */
async function classifyNodePods(http: KubeHttp, node: string, opts: DrainFilterOptions, signal?: AbortSignal) {
  const pods = await listAll(http, collectionPath(PODS), { fieldSelector: `spec.nodeName=${node}` }, signal);
  const daemonSets = await existingDaemonSets(http, pods);
  const toEvict: any[] = [];
  const skipped: DrainResult['skipped'] = [];
  const refused: DrainResult['refused'] = [];
  const warnings = new Map<string, string[]>();
  for (const pod of pods) {
    const verdict = classifyPodForDrain(pod, opts, (ns, name) => daemonSets.has(`${ns}/${name}`));
    const ref = refOf(pod);
    if (verdict.evict) {
      toEvict.push(pod);
      if (verdict.warning) warnings.set(verdict.warning, [...(warnings.get(verdict.warning) ?? []), key(ref)]);
    } else if (verdict.skip) {
      skipped.push({ ...ref, reason: verdict.reason });
    } else {
      refused.push({ ...ref, reason: verdict.error });
    }
  }
  return { toEvict, skipped, refused, warnings: [...warnings].map(([msg, refs]) => `${msg}: ${refs.join(', ')}`) };
}

/**
 * The drain preview: what `drainNode` with these options would evict, skip and refuse right now, read
 * with the same rules and the same access checks, writing nothing.
 */
export async function planDrain(http: KubeHttp, node: string, opts: DrainFilterOptions): Promise<DrainPlan> {
  await requireActionAccess(http, 'drain', { ...NODES, name: node });
  const plan = await classifyNodePods(http, node, opts);
  const budgets = await budgetsAllowingNoDisruption(http, [...new Set(plan.toEvict.map((p) => String(p.metadata?.namespace ?? '')))]);
  const budgetBlocked: DrainPlan['budgetBlocked'] = [];
  for (const pod of plan.toEvict) {
    const pdb = budgets.find((b) => b.namespace === pod.metadata?.namespace && matchesLabelSelector(b.selector, pod.metadata?.labels));
    if (pdb) budgetBlocked.push({ ...refOf(pod), reason: `PodDisruptionBudget "${pdb.name}" allows no disruption now (${pdb.status})` });
  }
  return { evict: plan.toEvict.map(refOf), skipped: plan.skipped, refused: plan.refused, budgetBlocked, warnings: plan.warnings };
}

/** PodDisruptionBudgets in these namespaces that allow no disruption now; none known when they may not be listed. */
async function budgetsAllowingNoDisruption(http: KubeHttp, namespaces: string[]) {
  const out: { namespace: string; name: string; selector: LabelSelector; status: string }[] = [];
  await Promise.all(namespaces.map(async (ns) => {
    let items: any[];
    try {
      items = await listAll(http, collectionPath({ group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' }, ns), {});
    } catch (err) {
      if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return;
      throw err;
    }
    for (const b of items) {
      if (b?.spec?.selector && b.status?.disruptionsAllowed === 0) {
        out.push({ namespace: ns, name: String(b.metadata?.name), selector: b.spec.selector, status: `${b.status.currentHealthy ?? 0} healthy, ${b.status.desiredHealthy ?? 0} required` });
      }
    }
  }));
  return out;
}

/** Which of the pods' DaemonSets still exist (kubectl GETs each; a pod of a deleted one is an orphan). */
async function existingDaemonSets(http: KubeHttp, pods: any[]): Promise<Set<string>> {
  const wanted = new Map<string, { namespace: string; name: string }>();
  for (const pod of pods) {
    const ds = daemonSetOwner(pod);
    if (ds) wanted.set(`${ds.namespace}/${ds.name}`, ds);
  }
  const found = new Set<string>();
  await Promise.all([...wanted].map(async ([k, ds]) => {
    try {
      await http.request('GET', objectPath(WORKLOAD_RESOURCES.DaemonSet, ds.namespace, ds.name));
      found.add(k);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) found.add(k); // Unknown: assume it exists, the safe side.
    }
  }));
  return found;
}

async function evictAndWait(http: KubeHttp, pod: any, opts: DrainOptions, deadline: number, signal: AbortSignal, emit: (e: DrainEvent) => void): Promise<PodOutcome> {
  const ref = refOf(pod);
  const path = objectPath(PODS, ref.namespace, ref.name);
  const body: Record<string, unknown> = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: ref.name, namespace: ref.namespace } };
  if (opts.gracePeriodSeconds !== undefined) body.deleteOptions = { gracePeriodSeconds: opts.gracePeriodSeconds };
  const uid = pod.metadata?.uid;
  emit({ type: 'pod', pod: ref, state: 'evicting' });
  for (let attempt = 1; ; attempt++) {
    if (signal.aborted) return { state: 'cancelled' };
    try {
      await http.request('POST', `${path}/eviction`, { body, signal, timeoutMs: 30_000 });
      emit({ type: 'pod', pod: ref, state: 'evicted' });
      break;
    } catch (err) {
      if (signal.aborted) return { state: 'cancelled' };
      if (err instanceof ApiError && err.status === 404) {
        emit({ type: 'pod', pod: ref, state: 'gone' });
        return { state: 'gone' };
      }
      const terminatingNamespace = err instanceof ApiError && err.status === 403 && hasCause(err, 'NamespaceTerminating');
      if (err instanceof ApiError && (err.status === 429 || terminatingNamespace)) {
        if (Date.now() >= deadline) {
          emit({ type: 'pod', pod: ref, state: 'blocked', message: err.message, attempt });
          return { state: 'blocked', reason: err.message };
        }
        emit({ type: 'pod', pod: ref, state: 'retrying', message: err.message, attempt });
        await sleep(Math.min(opts.retryDelayMs, Math.max(0, deadline - Date.now())), signal);
        continue;
      }
      const reason = err instanceof Error ? err.message : String(err);
      emit({ type: 'pod', pod: ref, state: 'failed', message: reason });
      return { state: 'failed', reason };
    }
  }
  // Like kubectl: evicted is not done; wait until the pod (this uid) is gone.
  for (;;) {
    if (signal.aborted) return { state: 'cancelled' };
    try {
      const current = await http.request('GET', path, { signal, timeoutMs: 15_000 });
      if (uid && current?.metadata?.uid !== uid) break;
    } catch (err) {
      if (signal.aborted) return { state: 'cancelled' };
      if (err instanceof ApiError && err.status === 404) break;
    }
    if (Date.now() >= deadline) {
      const reason = 'evicted, but still terminating when the timeout was reached';
      emit({ type: 'pod', pod: ref, state: 'failed', message: reason });
      return { state: 'failed', reason };
    }
    await sleep(Math.min(opts.deletePollMs ?? 1000, Math.max(0, deadline - Date.now())), signal);
  }
  emit({ type: 'pod', pod: ref, state: 'gone' });
  return { state: 'gone' };
}

function hasCause(err: ApiError, type: string): boolean {
  const causes = (err.body as any)?.details?.causes;
  return Array.isArray(causes) && causes.some((c: any) => c?.type === type);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => { clearTimeout(timer); signal.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
