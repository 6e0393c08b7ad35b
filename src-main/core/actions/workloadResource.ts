import type { ResourcePath } from '../cluster/resourcePath';
import { resourceOf } from '../../../shared/model/kinds';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet';

/** Where each workload kind the actions act on lives on the API server (shared/model/kinds.ts). */
export const WORKLOAD_RESOURCES: Record<WorkloadKind, ResourcePath> = {
  Deployment: resourceOf('Deployment'),
  StatefulSet: resourceOf('StatefulSet'),
  DaemonSet: resourceOf('DaemonSet'),
  ReplicaSet: resourceOf('ReplicaSet'),
};

export const REPLICA_SETS: ResourcePath = WORKLOAD_RESOURCES.ReplicaSet;
export const CONTROLLER_REVISIONS: ResourcePath = resourceOf('ControllerRevision');
export const NODES: ResourcePath = resourceOf('Node');
export const PODS: ResourcePath = resourceOf('Pod');

/** kubectl's name for an object in its messages: `deployment.apps/web`. */
export function kubectlName(kind: WorkloadKind | 'Node', name: string): string {
  return kind === 'Node' ? `node/${name}` : `${kind.toLowerCase()}.apps/${name}`;
}

/** kubectl's name for an object in its errors: `deployments.apps "web"`. */
export function kubectlQuoted(kind: WorkloadKind, name: string): string {
  return `${WORKLOAD_RESOURCES[kind].resource}.apps "${name}"`;
}
