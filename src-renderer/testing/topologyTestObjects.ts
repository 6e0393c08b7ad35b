import { projectTopoObject, type TopoObject } from '../../shared/topology/topologyObject';

/**
 * Small, realistic objects for the view's unit tests, projected by the real shared/topology code
 * (kubectl-shaped input in, TopoObject out), so tests exercise what the main process will send.
 */
let seq = 0;
const uid = (name: string) => `uid-${name}-${++seq}`;

export function deployment(name: string, opts: { ns?: string; replicas?: number; updated?: number; ready?: number; available?: number; current?: number; revision?: string } = {}): TopoObject {
  const replicas = opts.replicas ?? 2;
  return projectTopoObject({
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, namespace: opts.ns ?? 'demo', uid: uid(name), generation: 1, annotations: { 'deployment.kubernetes.io/revision': opts.revision ?? '1' } },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    status: {
      observedGeneration: 1, replicas: opts.current ?? replicas, updatedReplicas: opts.updated ?? replicas,
      readyReplicas: opts.ready ?? replicas, availableReplicas: opts.available ?? replicas,
    },
  });
}

export function replicaSet(owner: TopoObject, hash: string, replicas: number, revision = '1'): TopoObject {
  return projectTopoObject({
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `${owner.name}-${hash}`, namespace: owner.namespace, uid: uid(`${owner.name}-${hash}`),
      labels: { app: owner.name, 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': revision },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, uid: owner.uid, controller: true }],
    },
    spec: { replicas, selector: { matchLabels: { app: owner.name, 'pod-template-hash': hash } } },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas },
  });
}

export function pod(owner: TopoObject, suffix: string, opts: { ready?: boolean; configMaps?: string[]; phase?: string } = {}): TopoObject {
  const ready = opts.ready ?? true;
  const labels = { ...(owner.selector?.matchLabels ?? {}) };
  return projectTopoObject({
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: `${owner.name}-${suffix}`, namespace: owner.namespace, uid: uid(`${owner.name}-${suffix}`), labels,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, uid: owner.uid, controller: true }],
    },
    spec: {
      nodeName: 'kwok-node-0',
      containers: [{ name: 'c', image: 'nginx', envFrom: (opts.configMaps ?? []).map((name) => ({ configMapRef: { name } })) }],
    },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'c', ready, restartCount: 0, state: ready ? { running: {} } : { waiting: { reason: 'ContainerCreating' } } }],
    },
  });
}

export function service(name: string, selector: Record<string, string>, ns = 'demo'): TopoObject {
  return projectTopoObject({
    apiVersion: 'v1', kind: 'Service',
    metadata: { name, namespace: ns, uid: uid(name) },
    spec: { type: 'ClusterIP', clusterIP: '10.0.0.10', selector, ports: [{ port: 80, protocol: 'TCP' }] },
  });
}

export function configMap(name: string, ns = 'demo'): TopoObject {
  return projectTopoObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, uid: uid(name) } });
}

export function hpa(name: string, target: TopoObject): TopoObject {
  return projectTopoObject({
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace: target.namespace, uid: uid(name) },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: target.kind, name: target.name }, minReplicas: 1, maxReplicas: 5 },
    status: { currentReplicas: 2, desiredReplicas: 2 },
  });
}

export function ingress(name: string, backend: string, ns = 'demo'): TopoObject {
  return projectTopoObject({
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name, namespace: ns, uid: uid(name) },
    spec: { rules: [{ host: 'shop.example', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { number: 80 } } } }] } }] },
  });
}

/** A namespace's worth: ingress → service → deployment → replicaset → pods → configmap, and an HPA. */
export function demoNamespace(ns = 'demo', pods = 2) {
  const web = deployment('web', { ns, replicas: pods });
  const rs = replicaSet(web, 'abc12', pods);
  const podList = Array.from({ length: pods }, (_, i) => pod(rs, `p${i}`, { configMaps: ['web-config'] }));
  const svc = service('web', { app: 'web' }, ns);
  const cm = configMap('web-config', ns);
  const scaler = hpa('web', web);
  const ing = ingress('web', 'web', ns);
  return { web, rs, pods: podList, svc, cm, hpa: scaler, ing, all: [web, rs, ...podList, svc, cm, scaler, ing] };
}
