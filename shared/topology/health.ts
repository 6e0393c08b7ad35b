import { apiGroup, type KubeObject } from '../model/kubeObject';
import { gatewayClassHealth, gatewayHealth, routeHealth } from './gatewayApi';

/**
 * Health of one object, with the rules of Argo CD's gitops-engine (pkg/health/health_*.go) and, for
 * CronJob, Argo CD's bundled resource customization. Deliberate differences, each a stricter reading
 * that avoids a green dot on something stuck:
 * - Pod: waiting reasons of init containers count too (an init container in CrashLoopBackOff leaves
 *   the pod Pending forever, which Argo calls Progressing).
 * - Job: `spec.suspend` alone is enough for Suspended (Argo waits for the Suspended condition), and
 *   conditions with status "False" are ignored (Argo counts a resumed Job's Suspended=False as done).
 * - HPA: AbleToScale with a `Failed*` reason, or ScalingActive with a `Failed*`/`Invalid*` reason,
 *   is Degraded (Argo lists four reasons by name), and a failing condition wins over an earlier healthy one (Argo takes the first).
 * Kinds without a rule (ConfigMap, Secret, PV, EndpointSlice, ...) are Healthy: Argo reports no
 * health for them, which never worsens an application, and Healthy is the identity of the rollup.
 */
export type HealthStatusCode = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';

export interface HealthStatus {
  status: HealthStatusCode;
  message?: string;
}

/**
 * Least to most severe, exactly Argo's `healthOrder` (pkg/health/health.go). Unknown ranks worst
 * because it means "could not be assessed" (a pod in phase Unknown, typically a lost node), which
 * must not hide behind a parent's green. Missing sits between Progressing and Degraded.
 */
export const HEALTH_ORDER: readonly HealthStatusCode[] = ['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown'];

const severity: Record<HealthStatusCode, number> = Object.fromEntries(HEALTH_ORDER.map((s, i) => [s, i])) as Record<HealthStatusCode, number>;

/** True when `candidate` is strictly worse than `current` (Argo's IsWorse). */
export function isWorse(current: HealthStatusCode, candidate: HealthStatusCode): boolean {
  return severity[candidate] > severity[current];
}

const healthy: HealthStatus = { status: 'Healthy' };
const h = (status: HealthStatusCode, message?: string): HealthStatus => (message ? { status, message } : { status });

/** The health of one full object. Pure; never throws. */
export function computeHealth(obj: KubeObject): HealthStatus {
  try {
    if (obj.metadata?.deletionTimestamp) return h('Progressing', 'Pending deletion');
    const rule = rules[`${apiGroup(obj.apiVersion)}/${obj.kind}`];
    return rule ? rule(obj) : healthy;
  } catch (err) {
    return h('Unknown', `health check failed: ${(err as Error)?.message ?? String(err)}`);
  }
}

const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const conditions = (obj: KubeObject): any[] => (Array.isArray(obj.status?.conditions) ? obj.status.conditions : []);
const condition = (obj: KubeObject, type: string): any => conditions(obj).find((c) => c?.type === type);

function deploymentHealth(obj: KubeObject): HealthStatus {
  const spec = obj.spec ?? {};
  const st = obj.status ?? {};
  if (spec.paused === true) return h('Suspended', 'Deployment is paused');
  if (num(obj.metadata?.generation) > num(st.observedGeneration)) {
    return h('Progressing', 'Waiting for rollout to finish: observed deployment generation less than desired generation');
  }
  if (condition(obj, 'Progressing')?.reason === 'ProgressDeadlineExceeded') {
    return h('Degraded', `Deployment "${obj.metadata?.name ?? ''}" exceeded its progress deadline`);
  }
  const updated = num(st.updatedReplicas);
  if (typeof spec.replicas === 'number' && updated < spec.replicas) {
    return h('Progressing', `Waiting for rollout to finish: ${updated} out of ${spec.replicas} new replicas have been updated...`);
  }
  if (num(st.replicas) > updated) {
    return h('Progressing', `Waiting for rollout to finish: ${num(st.replicas) - updated} old replicas are pending termination...`);
  }
  if (num(st.availableReplicas) < updated) {
    return h('Progressing', `Waiting for rollout to finish: ${num(st.availableReplicas)} of ${updated} updated replicas are available...`);
  }
  return healthy;
}

function statefulSetHealth(obj: KubeObject): HealthStatus {
  const spec = obj.spec ?? {};
  const st = obj.status ?? {};
  const observed = num(st.observedGeneration);
  if (observed === 0 || num(obj.metadata?.generation) > observed) {
    return h('Progressing', 'Waiting for statefulset spec update to be observed...');
  }
  const ready = num(st.readyReplicas);
  if (typeof spec.replicas === 'number' && ready < spec.replicas) {
    return h('Progressing', `Waiting for ${spec.replicas - ready} pods to be ready...`);
  }
  const strategy = spec.updateStrategy ?? {};
  const strategyType = strategy.type ?? 'RollingUpdate';
  if (strategyType === 'RollingUpdate' && strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (typeof spec.replicas === 'number' && typeof partition === 'number' && num(st.updatedReplicas) < spec.replicas - partition) {
      return h('Progressing', `Waiting for partitioned roll out to finish: ${num(st.updatedReplicas)} out of ${spec.replicas - partition} new pods have been updated...`);
    }
    return h('Healthy', `partitioned roll out complete: ${num(st.updatedReplicas)} new pods have been updated...`);
  }
  if (strategyType === 'OnDelete') return h('Healthy', `statefulset has ${ready} ready pods`);
  if (st.updateRevision !== st.currentRevision) {
    return h('Progressing', `waiting for statefulset rolling update to complete ${num(st.updatedReplicas)} pods at revision ${st.updateRevision}...`);
  }
  return h('Healthy', `statefulset rolling update complete ${num(st.currentReplicas)} pods at revision ${st.currentRevision}...`);
}

function daemonSetHealth(obj: KubeObject): HealthStatus {
  const st = obj.status ?? {};
  const name = obj.metadata?.name ?? '';
  if (num(obj.metadata?.generation) > num(st.observedGeneration)) {
    return h('Progressing', 'Waiting for rollout to finish: observed daemon set generation less than desired generation');
  }
  const desired = num(st.desiredNumberScheduled);
  const updated = num(st.updatedNumberScheduled);
  if (obj.spec?.updateStrategy?.type === 'OnDelete') {
    return h('Healthy', `daemon set ${updated} out of ${desired} new pods have been updated`);
  }
  if (updated < desired) {
    return h('Progressing', `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`);
  }
  if (num(st.numberAvailable) < desired) {
    return h('Progressing', `Waiting for daemon set "${name}" rollout to finish: ${num(st.numberAvailable)} of ${desired} updated pods are available...`);
  }
  return healthy;
}

function replicaSetHealth(obj: KubeObject): HealthStatus {
  const st = obj.status ?? {};
  if (num(obj.metadata?.generation) > num(st.observedGeneration)) {
    return h('Progressing', 'Waiting for rollout to finish: observed replica set generation less than desired generation');
  }
  const failure = condition(obj, 'ReplicaFailure');
  if (failure?.status === 'True') return h('Degraded', failure.message);
  const desired = obj.spec?.replicas;
  if (typeof desired === 'number' && num(st.availableReplicas) < desired) {
    return h('Progressing', `Waiting for rollout to finish: ${num(st.availableReplicas)} out of ${desired} new replicas are available...`);
  }
  return healthy;
}

/** Waiting reasons that mean "stuck": ErrImagePull, CreateContainerConfigError, CrashLoopBackOff, ImagePullBackOff... */
export function isStuckWaitingReason(reason: unknown): boolean {
  return typeof reason === 'string' && (reason.startsWith('Err') || reason.endsWith('Error') || reason.endsWith('BackOff'));
}

function podHealth(obj: KubeObject): HealthStatus {
  const st = obj.status ?? {};
  const restartPolicy = obj.spec?.restartPolicy ?? 'Always';
  const containers: any[] = Array.isArray(st.containerStatuses) ? st.containerStatuses : [];
  const inits: any[] = Array.isArray(st.initContainerStatuses) ? st.initContainerStatuses : [];
  // Only for long-running pods: a hook or job pod with a bad image is left to its controller (as Argo does).
  if (restartPolicy === 'Always') {
    const stuck = [...inits, ...containers].filter((c) => isStuckWaitingReason(c?.state?.waiting?.reason));
    if (stuck.length > 0) {
      const messages = stuck.map((c) => c.state.waiting.message || `${c.name}: ${c.state.waiting.reason}`);
      return h('Degraded', messages.join(', '));
    }
  }
  switch (st.phase) {
    case 'Pending':
      return h('Progressing', st.message);
    case 'Succeeded':
      return h('Healthy', st.message);
    case 'Failed': {
      if (st.message) return h('Degraded', st.message);
      for (const c of [...inits, ...containers]) {
        const t = c?.state?.terminated;
        if (!t) continue;
        if (t.message) return h('Degraded', t.message);
        if (t.reason === 'OOMKilled') return h('Degraded', 'OOMKilled');
        if (num(t.exitCode) !== 0) return h('Degraded', `container "${c.name}" failed with exit code ${t.exitCode}`);
      }
      return h('Degraded');
    }
    case 'Running':
      if (restartPolicy === 'Always') {
        if (condition(obj, 'Ready')?.status === 'True') return h('Healthy', st.message);
        if (containers.some((c) => c?.lastState?.terminated)) return h('Degraded', st.message);
        return h('Progressing', st.message);
      }
      // OnFailure / Never pods have a finite life: running means not done yet.
      return h('Progressing', st.message);
  }
  return h('Unknown', st.message);
}

function jobHealth(obj: KubeObject): HealthStatus {
  if (obj.spec?.suspend === true) return h('Suspended', 'Job is suspended');
  let failed: any;
  let complete = false;
  let message: string | undefined;
  let suspended = false;
  for (const c of conditions(obj)) {
    // A condition with status False is not in force (e.g. Suspended=False after a resume).
    if (c?.status === 'False') continue;
    if (c?.type === 'Failed') { failed = c; complete = true; }
    else if (c?.type === 'Complete') { complete = true; message = c.message; }
    else if (c?.type === 'Suspended') { complete = true; message = c.message; suspended = true; }
  }
  if (!complete) return h('Progressing', message);
  if (failed) return h('Degraded', failed.message || failed.reason);
  if (suspended) return h('Suspended', message);
  return h('Healthy', message);
}

function cronJobHealth(obj: KubeObject): HealthStatus {
  if (obj.spec?.suspend === true) return h('Suspended', 'CronJob is suspended');
  const st = obj.status;
  if (!st) return h('Progressing', 'Waiting for CronJob');
  if (!st.lastScheduleTime) return h('Healthy', 'CronJob has not been scheduled yet');
  // Argo's reading: without a success after the last schedule and nothing running, the last run failed.
  if (!st.lastSuccessfulTime) return h('Healthy', 'The CronJob never completed successfully. It may not be healthy');
  if (Array.isArray(st.active) && st.active.length > 0) return h('Healthy', 'The job is running. Its last execution may not have been successful');
  if (Date.parse(st.lastSuccessfulTime) < Date.parse(st.lastScheduleTime)) {
    return h('Degraded', 'CronJob has not completed its last execution successfully');
  }
  return h('Healthy', 'CronJob has completed its last execution successfully');
}

function pvcHealth(obj: KubeObject): HealthStatus {
  switch (obj.status?.phase) {
    case 'Bound': return healthy;
    case 'Pending': return h('Progressing', 'Waiting for the claim to be bound');
    case 'Lost': return h('Degraded', 'The claim lost its volume');
    default: return h('Unknown');
  }
}

function serviceHealth(obj: KubeObject): HealthStatus {
  if (obj.spec?.type !== 'LoadBalancer') return healthy;
  return loadBalancerIngress(obj) ? healthy : h('Progressing', 'Waiting for a load balancer address');
}

const loadBalancerIngress = (obj: KubeObject): boolean => {
  const ingress = obj.status?.loadBalancer?.ingress;
  return Array.isArray(ingress) && ingress.length > 0;
};

function ingressHealth(obj: KubeObject): HealthStatus {
  return loadBalancerIngress(obj) ? healthy : h('Progressing', 'Waiting for an address from the ingress controller');
}

interface HpaCondition { type?: string; status?: string; reason?: string; message?: string }

/** AbleToScale: FailedGetScale, FailedUpdateScale; ScalingActive: FailedGet*Metric, InvalidSelector, ... (not ScalingDisabled). */
function isHpaFailure(c: HpaCondition): boolean {
  const reason = c.reason ?? '';
  if (c.type === 'AbleToScale') return reason.startsWith('Failed');
  if (c.type === 'ScalingActive') return reason.startsWith('Failed') || reason.startsWith('Invalid');
  return false;
}

function hpaHealth(obj: KubeObject): HealthStatus {
  let conds: HpaCondition[] = conditions(obj);
  // autoscaling/v1 keeps its conditions in an annotation.
  const annotation = obj.metadata?.annotations?.['autoscaling.alpha.kubernetes.io/conditions'];
  if (conds.length === 0 && annotation) {
    const parsed = JSON.parse(annotation);
    conds = Array.isArray(parsed) ? parsed : [];
  }
  // Unlike Argo (first matching condition wins), a failure anywhere beats AbleToScale=True, which
  // the controller reports first even while it cannot read any metric.
  const failed = conds.find((c) => isHpaFailure(c));
  if (failed) return h('Degraded', failed.message);
  const ok = conds.find((c) => (c.type === 'AbleToScale' || c.type === 'ScalingLimited') && c.status === 'True');
  if (ok) return h('Healthy', ok.message);
  return h('Progressing', 'Waiting to Autoscale');
}

const rules: Record<string, (obj: KubeObject) => HealthStatus> = {
  'apps/Deployment': deploymentHealth,
  'apps/StatefulSet': statefulSetHealth,
  'apps/DaemonSet': daemonSetHealth,
  'apps/ReplicaSet': replicaSetHealth,
  '/Pod': podHealth,
  '/PersistentVolumeClaim': pvcHealth,
  '/Service': serviceHealth,
  'batch/Job': jobHealth,
  'batch/CronJob': cronJobHealth,
  'networking.k8s.io/Ingress': ingressHealth,
  'extensions/Ingress': ingressHealth,
  'autoscaling/HorizontalPodAutoscaler': hpaHealth,
  'gateway.networking.k8s.io/GatewayClass': gatewayClassHealth,
  'gateway.networking.k8s.io/Gateway': gatewayHealth,
  'gateway.networking.k8s.io/HTTPRoute': routeHealth,
  'gateway.networking.k8s.io/GRPCRoute': routeHealth,
  'gateway.networking.k8s.io/TLSRoute': routeHealth,
  'gateway.networking.k8s.io/TCPRoute': routeHealth,
};

/** The most severe of several statuses (Healthy for none). */
export function worstHealth(statuses: Iterable<HealthStatusCode>): HealthStatusCode {
  let worst: HealthStatusCode = 'Healthy';
  for (const s of statuses) if (isWorse(worst, s)) worst = s;
  return worst;
}

/**
 * A parent's health with its children's rolled in: the worst of the parent's own status and its
 * children's, in HEALTH_ORDER. When a child is what makes it worse, the message names how many
 * children are at that status and quotes the first child's message.
 */
export function rollupHealth(parent: HealthStatus, children: readonly HealthStatus[]): HealthStatus {
  let worst: HealthStatus | undefined;
  let count = 0;
  for (const c of children) {
    if (!worst || isWorse(worst.status, c.status)) { worst = c; count = 1; }
    else if (c.status === worst.status) count++;
  }
  if (!worst || !isWorse(parent.status, worst.status)) return parent;
  const detail = worst.message ? `: ${worst.message}` : '';
  return { status: worst.status, message: `${count} of ${children.length} children ${worst.status}${detail}` };
}
