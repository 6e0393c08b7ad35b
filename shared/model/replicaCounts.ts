/**
 * Replica counts with one meaning across kinds, read from a workload's spec and status.
 * desired: spec.replicas (DaemonSet: desiredNumberScheduled); updated: on the newest template (a
 * ReplicaSet or ReplicationController has one template, so all its pods: same as current); ready;
 * available; current: pods that exist now (status.replicas; DaemonSet: currentNumberScheduled).
 */
export interface ReplicaCounts {
  desired: number;
  updated: number;
  ready: number;
  available: number;
  current: number;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The counts of a kind that keeps replicas; undefined for any other kind. */
export function replicaCounts(kind: string | undefined, spec: any, status: any): ReplicaCounts | undefined {
  const st = status ?? {};
  switch (kind) {
    case 'DaemonSet':
      return {
        desired: num(st.desiredNumberScheduled), updated: num(st.updatedNumberScheduled), ready: num(st.numberReady),
        available: num(st.numberAvailable), current: num(st.currentNumberScheduled),
      };
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'ReplicationController': {
      const current = num(st.replicas);
      return {
        // The API server defaults spec.replicas to 1; an absent value here is an object not yet defaulted.
        desired: typeof spec?.replicas === 'number' ? spec.replicas : 1,
        updated: kind === 'ReplicaSet' || kind === 'ReplicationController' ? current : num(st.updatedReplicas),
        ready: num(st.readyReplicas),
        available: num(st.availableReplicas),
        current,
      };
    }
    default:
      return undefined;
  }
}
