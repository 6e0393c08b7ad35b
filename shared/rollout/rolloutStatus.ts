import { REVISION_ANNOTATION, type RolloutKind, type Workload } from './workloadShapes';

/** Pod counts for the rollout bars. */
export interface RolloutCounts {
  desired: number;
  current: number;
  updated: number;
  ready: number;
  available: number;
}

/** `kubectl rollout status` for one observation of the object, with the counts behind it. */
export interface RolloutStatus {
  /** kubectl's line (without its trailing newline); empty when kubectl would print an error instead. */
  message: string;
  done: boolean;
  /** kubectl's error for this state (progress deadline exceeded, wrong strategy, revision mismatch). */
  error?: string;
  /** The Deployment exceeded its progress deadline (Progressing condition, reason ProgressDeadlineExceeded). */
  stuck: boolean;
  counts: RolloutCounts;
}

const n = (v: number | undefined) => v ?? 0;

/**
 * The status viewers of kubectl's polymorphichelpers/rollout_status.go. `revision` > 0 asks, like
 * `--revision`, that a Deployment be at that revision.
 */
export function rolloutStatus(kind: RolloutKind, obj: Workload, revision = 0): RolloutStatus {
  switch (kind) {
    case 'Deployment': return deploymentStatus(obj, revision);
    case 'DaemonSet': return daemonSetStatus(obj);
    case 'StatefulSet': return statefulSetStatus(obj);
  }
}

function deploymentStatus(d: Workload, revision: number): RolloutStatus {
  const s = d.status ?? {};
  const counts: RolloutCounts = {
    desired: n(d.spec?.replicas), current: n(s.replicas), updated: n(s.updatedReplicas), ready: n(s.readyReplicas), available: n(s.availableReplicas),
  };
  const name = d.metadata.name;
  const status = (message: string, done = false): RolloutStatus => ({ message, done, stuck: false, counts });
  const failure = (error: string, stuck = false): RolloutStatus => ({ message: '', done: false, error, stuck, counts });

  if (revision > 0) {
    const current = Number(d.metadata.annotations?.[REVISION_ANNOTATION] ?? 0);
    if (!Number.isInteger(current)) return failure(`cannot get the revision of deployment "${name}"`);
    if (current !== revision) return failure(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  if (n(d.metadata.generation) <= n(s.observedGeneration)) {
    const progressing = s.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return failure(`deployment "${name}" exceeded its progress deadline`, true);
    const replicas = d.spec?.replicas;
    if (replicas !== undefined && n(s.updatedReplicas) < replicas) {
      return status(`Waiting for deployment "${name}" rollout to finish: ${n(s.updatedReplicas)} out of ${replicas} new replicas have been updated...`);
    }
    if (n(s.replicas) > n(s.updatedReplicas)) {
      return status(`Waiting for deployment "${name}" rollout to finish: ${n(s.replicas) - n(s.updatedReplicas)} old replicas are pending termination...`);
    }
    if (n(s.availableReplicas) < n(s.updatedReplicas)) {
      return status(`Waiting for deployment "${name}" rollout to finish: ${n(s.availableReplicas)} of ${n(s.updatedReplicas)} updated replicas are available...`);
    }
    return status(`deployment "${name}" successfully rolled out`, true);
  }
  return status('Waiting for deployment spec update to be observed...');
}

function daemonSetStatus(ds: Workload): RolloutStatus {
  const s = ds.status ?? {};
  const counts: RolloutCounts = {
    desired: n(s.desiredNumberScheduled), current: n(s.currentNumberScheduled), updated: n(s.updatedNumberScheduled),
    ready: n(s.numberReady), available: n(s.numberAvailable),
  };
  const name = ds.metadata.name;
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') {
    return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type', stuck: false, counts };
  }
  const status = (message: string, done = false): RolloutStatus => ({ message, done, stuck: false, counts });
  if (n(ds.metadata.generation) <= n(s.observedGeneration)) {
    if (n(s.updatedNumberScheduled) < n(s.desiredNumberScheduled)) {
      return status(`Waiting for daemon set "${name}" rollout to finish: ${n(s.updatedNumberScheduled)} out of ${n(s.desiredNumberScheduled)} new pods have been updated...`);
    }
    if (n(s.numberAvailable) < n(s.desiredNumberScheduled)) {
      return status(`Waiting for daemon set "${name}" rollout to finish: ${n(s.numberAvailable)} of ${n(s.desiredNumberScheduled)} updated pods are available...`);
    }
    return status(`daemon set "${name}" successfully rolled out`, true);
  }
  return status('Waiting for daemon set spec update to be observed...');
}

function statefulSetStatus(sts: Workload): RolloutStatus {
  const s = sts.status ?? {};
  const replicas = sts.spec?.replicas;
  const counts: RolloutCounts = {
    desired: n(replicas), current: n(s.replicas), updated: n(s.updatedReplicas), ready: n(s.readyReplicas), available: n(s.availableReplicas),
  };
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') {
    return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type', stuck: false, counts };
  }
  const status = (message: string, done = false): RolloutStatus => ({ message, done, stuck: false, counts });
  if (n(s.observedGeneration) === 0 || n(sts.metadata.generation) > n(s.observedGeneration)) {
    return status('Waiting for statefulset spec update to be observed...');
  }
  if (replicas !== undefined && n(s.readyReplicas) < replicas) return status(`Waiting for ${replicas - n(s.readyReplicas)} pods to be ready...`);
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && n(s.updatedReplicas) < replicas - partition) {
      return status(`Waiting for partitioned roll out to finish: ${n(s.updatedReplicas)} out of ${replicas - partition} new pods have been updated...`);
    }
    return status(`partitioned roll out complete: ${n(s.updatedReplicas)} new pods have been updated...`, true);
  }
  if (s.updateRevision !== s.currentRevision) {
    return status(`waiting for statefulset rolling update to complete ${n(s.updatedReplicas)} pods at revision ${s.updateRevision ?? ''}...`);
  }
  return status(`statefulset rolling update complete ${n(s.currentReplicas)} pods at revision ${s.currentRevision ?? ''}...`, true);
}
