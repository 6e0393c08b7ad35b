// The "New" menu's entries: which `kubectl create` form each is, and the resource whose `create`
// RBAC decides whether it is offered (checked through shared/actions/actionAccess.ts).
import { resourceOf } from '../model/kinds';

export type CreateFormId = 'namespace' | 'deployment' | 'service' | 'configmap' | 'secret' | 'job' | 'ingress' | 'role' | 'rolebinding';

export interface CreateEntry { id: CreateFormId; label: string; kind: string; command: string }

export const CREATE_ENTRIES: readonly CreateEntry[] = [
  { id: 'namespace', label: 'Namespace', kind: 'Namespace', command: 'kubectl create namespace' },
  { id: 'deployment', label: 'Deployment', kind: 'Deployment', command: 'kubectl create deployment' },
  { id: 'service', label: 'Service', kind: 'Service', command: 'kubectl create service' },
  { id: 'configmap', label: 'ConfigMap', kind: 'ConfigMap', command: 'kubectl create configmap' },
  { id: 'secret', label: 'Secret (generic)', kind: 'Secret', command: 'kubectl create secret generic' },
  { id: 'job', label: 'Job', kind: 'Job', command: 'kubectl create job' },
  { id: 'ingress', label: 'Ingress', kind: 'Ingress', command: 'kubectl create ingress' },
  { id: 'role', label: 'Role', kind: 'Role', command: 'kubectl create role' },
  { id: 'rolebinding', label: 'RoleBinding', kind: 'RoleBinding', command: 'kubectl create rolebinding' },
];

/** The group and resource a form creates (for the RBAC check). */
export const createTarget = (e: CreateEntry) => {
  const r = resourceOf(e.kind);
  return { group: r.group, resource: r.resource, namespaced: e.kind !== 'Namespace' };
};
