import type { ResourcePath } from '../cluster/resourcePath';

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet';

/** Where each workload kind lives on the API server (apps/v1). */
export const WORKLOAD_RESOURCES: Record<WorkloadKind, ResourcePath> = {
  Deployment: { group: 'apps', version: 'v1', resource: 'deployments' },
  StatefulSet: { group: 'apps', version: 'v1', resource: 'statefulsets' },
  DaemonSet: { group: 'apps', version: 'v1', resource: 'daemonsets' },
  ReplicaSet: { group: 'apps', version: 'v1', resource: 'replicasets' },
};

export const REPLICA_SETS: ResourcePath = WORKLOAD_RESOURCES.ReplicaSet;
export const CONTROLLER_REVISIONS: ResourcePath = { group: 'apps', version: 'v1', resource: 'controllerrevisions' };
export const NODES: ResourcePath = { group: '', version: 'v1', resource: 'nodes' };
export const PODS: ResourcePath = { group: '', version: 'v1', resource: 'pods' };

/** kubectl's name for an object in its messages: `deployment.apps/web`. */
export function kubectlName(kind: WorkloadKind | 'Node', name: string): string {
  return kind === 'Node' ? `node/${name}` : `${kind.toLowerCase()}.apps/${name}`;
}

/** kubectl's name for an object in its errors: `deployments.apps "web"`. */
export function kubectlQuoted(kind: WorkloadKind, name: string): string {
  return `${WORKLOAD_RESOURCES[kind].resource}.apps "${name}"`;
}
