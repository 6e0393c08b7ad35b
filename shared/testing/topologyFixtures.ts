import type { KubeObject, OwnerReference } from '../model/kubeObject';

/**
 * Hand-built demo objects, shaped like what the API server returns (defaults filled in, status as
 * controllers write it), for renderer development and tests. Namespace "shop":
 * - web: Deployment at revision 3 with two old ReplicaSets at 0, three ready pods, a Service with
 *   its EndpointSlice, an Ingress (rules and default backend), an HPA, a ConfigMap, Secrets and a
 *   ReadWriteMany claim bound to a volume;
 * - db: StatefulSet with two pods, each with its claim and volume, behind a headless Service;
 * - log-agent: DaemonSet on three nodes;
 * - nightly-report: CronJob → Job → Pod (completed);
 * - checkout: a stuck rollout: the new ReplicaSet's pod is in ImagePullBackOff, the Deployment has
 *   exceeded its progress deadline, two pods of the old ReplicaSet still serve.
 * Namespace "payments": a small Deployment and Service, so the all-namespaces view has two groups.
 * uids are readable (`uid-<kind>-<namespace>-<name>`); each call returns fresh copies.
 */
export const DEMO_NAMESPACE = 'shop';

const T0 = '2026-03-02T08:00:00Z';
const T_RECENT = '2026-03-09T09:30:00Z';

const uidOf = (kind: string, ns: string | undefined, name: string) => `uid-${kind.toLowerCase()}-${ns ?? 'cluster'}-${name}`;

function obj(apiVersion: string, kind: string, name: string, ns: string | undefined, rest: Partial<KubeObject> & { labels?: Record<string, string>; annotations?: Record<string, string>; owner?: KubeObject; generation?: number; created?: string } = {}): KubeObject {
  const { labels, annotations, owner, generation, created, ...body } = rest;
  const metadata: KubeObject['metadata'] = {
    uid: uidOf(kind, ns, name), name, creationTimestamp: created ?? T0, resourceVersion: '1000',
  };
  if (ns) metadata.namespace = ns;
  if (labels) metadata.labels = labels;
  if (annotations) metadata.annotations = annotations;
  if (generation !== undefined) metadata.generation = generation;
  if (owner) metadata.ownerReferences = [ownerRef(owner)];
  return { apiVersion, kind, metadata, ...body };
}

function ownerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind!, name: owner.metadata!.name!, uid: owner.metadata!.uid!, controller: true, blockOwnerDeletion: true };
}

const readyConditions = (ready: boolean) => [
  { type: 'Initialized', status: 'True' },
  { type: 'Ready', status: ready ? 'True' : 'False' },
  { type: 'ContainersReady', status: ready ? 'True' : 'False' },
  { type: 'PodScheduled', status: 'True' },
];

interface PodSpecInput {
  image: string;
  container?: string;
  env?: any[];
  envFrom?: any[];
  volumes?: any[];
  restartPolicy?: string;
}

function podSpec(p: PodSpecInput): any {
  const container: any = { name: p.container ?? 'app', image: p.image, imagePullPolicy: 'IfNotPresent', resources: {} };
  if (p.env) container.env = p.env;
  if (p.envFrom) container.envFrom = p.envFrom;
  if (p.volumes) container.volumeMounts = p.volumes.map((v) => ({ name: v.name, mountPath: `/mnt/${v.name}` }));
  const spec: any = { containers: [container], restartPolicy: p.restartPolicy ?? 'Always', dnsPolicy: 'ClusterFirst', serviceAccountName: 'default', terminationGracePeriodSeconds: 30 };
  if (p.volumes) spec.volumes = p.volumes;
  return spec;
}

type PodState = 'running' | 'imagePullBackOff' | 'succeeded';

function pod(name: string, ns: string, owner: KubeObject, labels: Record<string, string>, spec: any, node: string, state: PodState = 'running', ip = '10.244.1.10'): KubeObject {
  const c = spec.containers[0];
  const base = { name: c.name, image: c.image, imageID: '', restartCount: 0 };
  let status: any;
  if (state === 'running') {
    status = {
      phase: 'Running', conditions: readyConditions(true), hostIP: '172.18.0.2', podIP: ip, startTime: T0, qosClass: 'BestEffort',
      containerStatuses: [{ ...base, ready: true, started: true, state: { running: { startedAt: T0 } } }],
    };
  } else if (state === 'imagePullBackOff') {
    status = {
      phase: 'Pending', conditions: readyConditions(false), hostIP: '172.18.0.3', podIP: ip, startTime: T_RECENT, qosClass: 'BestEffort',
      containerStatuses: [{ ...base, ready: false, started: false, state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } } }],
    };
  } else {
    status = {
      phase: 'Succeeded', conditions: readyConditions(false), hostIP: '172.18.0.2', podIP: ip, startTime: T_RECENT, qosClass: 'BestEffort',
      containerStatuses: [{ ...base, ready: false, started: false, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: T_RECENT, finishedAt: T_RECENT } } }],
    };
  }
  return obj('v1', 'Pod', name, ns, { labels, owner, spec: { ...spec, nodeName: node }, status, created: state === 'running' ? T0 : T_RECENT });
}

function deployment(name: string, ns: string, replicas: number, revision: number, template: any, status: any, generation = 1): KubeObject {
  return obj('apps/v1', 'Deployment', name, ns, {
    labels: { app: name }, annotations: { 'deployment.kubernetes.io/revision': String(revision) }, generation,
    spec: {
      replicas, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, selector: { matchLabels: { app: name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, template,
    },
    status: { observedGeneration: generation, ...status },
  });
}

function replicaSet(deploy: KubeObject, hash: string, revision: number, replicas: number, podSpecValue: any, ready = replicas): KubeObject {
  const ns = deploy.metadata!.namespace!;
  const app = deploy.metadata!.name!;
  const labels = { app, 'pod-template-hash': hash };
  return obj('apps/v1', 'ReplicaSet', `${app}-${hash}`, ns, {
    labels, owner: deploy, generation: 1, annotations: { 'deployment.kubernetes.io/revision': String(revision), 'deployment.kubernetes.io/desired-replicas': String(deploy.spec.replicas) },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpecValue } },
    status: replicas === 0 ? { replicas: 0, observedGeneration: 1 } : { replicas, fullyLabeledReplicas: replicas, readyReplicas: ready, availableReplicas: ready, observedGeneration: 1 },
  });
}

function service(name: string, ns: string, selector: Record<string, string>, port: number, targetPort: number, headless = false): KubeObject {
  return obj('v1', 'Service', name, ns, {
    labels: { app: name },
    spec: { type: 'ClusterIP', clusterIP: headless ? 'None' : `10.96.${port % 250}.${name.length * 7}`, selector, ports: [{ name: 'http', port, targetPort, protocol: 'TCP' }], sessionAffinity: 'None' },
    status: { loadBalancer: {} },
  });
}

function endpointSlice(svc: KubeObject, pods: KubeObject[], port: number): KubeObject {
  const ns = svc.metadata!.namespace!;
  const name = svc.metadata!.name!;
  return {
    ...obj('discovery.k8s.io/v1', 'EndpointSlice', `${name}-x7k2p`, ns, { labels: { 'kubernetes.io/service-name': name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' }, owner: svc }),
    addressType: 'IPv4',
    ports: [{ name: 'http', port, protocol: 'TCP' }],
    endpoints: pods.map((p) => ({
      addresses: [p.status.podIP], nodeName: p.spec.nodeName,
      conditions: { ready: p.status.phase === 'Running' && p.status.conditions.some((c: any) => c.type === 'Ready' && c.status === 'True'), serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: ns, name: p.metadata!.name, uid: p.metadata!.uid },
    })),
  } as KubeObject;
}

function claim(name: string, ns: string, volume: string, size: string, mode = 'ReadWriteOnce', labels?: Record<string, string>): KubeObject {
  return obj('v1', 'PersistentVolumeClaim', name, ns, {
    labels,
    spec: { accessModes: [mode], resources: { requests: { storage: size } }, storageClassName: 'standard', volumeMode: 'Filesystem', volumeName: volume },
    status: { phase: 'Bound', accessModes: [mode], capacity: { storage: size } },
  });
}

function volume(name: string, claimNs: string, claimName: string, size: string, mode = 'ReadWriteOnce'): KubeObject {
  return obj('v1', 'PersistentVolume', name, undefined, {
    spec: {
      capacity: { storage: size }, accessModes: [mode], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard', volumeMode: 'Filesystem',
      hostPath: { path: `/var/local-path-provisioner/${name}`, type: 'DirectOrCreate' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: claimNs, name: claimName, uid: uidOf('PersistentVolumeClaim', claimNs, claimName) },
    },
    status: { phase: 'Bound' },
  });
}

function shop(): KubeObject[] {
  const ns = DEMO_NAMESPACE;
  const out: KubeObject[] = [];

  // web
  const webConfig = obj('v1', 'ConfigMap', 'web-config', ns, { labels: { app: 'web' }, data: { LOG_LEVEL: 'info', FEATURE_FLAGS: 'search,recommendations' } } as any);
  const webTls = obj('v1', 'Secret', 'web-tls', ns, { type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } } as any);
  const dbCredentials = obj('v1', 'Secret', 'db-credentials', ns, { type: 'Opaque', data: { username: '', password: '' } } as any);
  const uploadsPv = 'pvc-3f1c9a2e-uploads';
  const uploads = claim('web-uploads', ns, uploadsPv, '10Gi', 'ReadWriteMany');
  const webSpec = podSpec({
    image: 'ghcr.io/example/web:1.4.2', container: 'web',
    envFrom: [{ configMapRef: { name: 'web-config' } }],
    env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }],
    volumes: [{ name: 'tls', secret: { secretName: 'web-tls' } }, { name: 'uploads', persistentVolumeClaim: { claimName: 'web-uploads' } }],
  });
  const webTemplate = { metadata: { labels: { app: 'web', tier: 'frontend' } }, spec: webSpec };
  const web = deployment('web', ns, 3, 3, webTemplate, { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, conditions: [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
    { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-5d8f7c9b4" has successfully progressed.' },
  ] }, 5);
  const rs3 = replicaSet(web, '5d8f7c9b4', 3, 3, webSpec);
  const rs2 = replicaSet(web, '6b7d9c8f5', 2, 0, { ...webSpec, containers: [{ ...webSpec.containers[0], image: 'ghcr.io/example/web:1.4.1' }] });
  const rs1 = replicaSet(web, '7c9f8d6b3', 1, 0, { ...webSpec, containers: [{ ...webSpec.containers[0], image: 'ghcr.io/example/web:1.3.0' }] });
  const webPods = ['kx2vq', 'p8d4m', 'z7w1t'].map((s, i) => pod(`web-5d8f7c9b4-${s}`, ns, rs3, { app: 'web', tier: 'frontend', 'pod-template-hash': '5d8f7c9b4' }, webSpec, `worker-${i + 1}`, 'running', `10.244.${i + 1}.11`));
  const webSvc = service('web', ns, { app: 'web' }, 80, 8080);
  const webIngress = obj('networking.k8s.io/v1', 'Ingress', 'web', ns, {
    generation: 1, labels: { app: 'web' },
    spec: {
      ingressClassName: 'nginx', tls: [{ hosts: ['shop.example.com'], secretName: 'web-tls' }],
      defaultBackend: { service: { name: 'web', port: { number: 80 } } },
      rules: [{ host: 'shop.example.com', http: { paths: [
        { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
        { path: '/checkout', pathType: 'Prefix', backend: { service: { name: 'checkout', port: { number: 80 } } } },
      ] } }],
    },
    status: { loadBalancer: { ingress: [{ ip: '172.18.0.50' }] } },
  });
  const webHpa = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', ns, {
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 3, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] },
    status: { currentReplicas: 3, desiredReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 22, averageValue: '44m' } } }], conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
      { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' },
    ] },
  });
  out.push(webConfig, webTls, dbCredentials, uploads, volume(uploadsPv, ns, 'web-uploads', '10Gi', 'ReadWriteMany'),
    web, rs3, rs2, rs1, ...webPods, webSvc, endpointSlice(webSvc, webPods, 8080), webIngress, webHpa);

  // db
  const dbLabels = { app: 'db' };
  const dbSpec = podSpec({
    image: 'docker.io/library/postgres:16.4', container: 'postgres',
    env: [{ name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } }],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
  });
  const db = obj('apps/v1', 'StatefulSet', 'db', ns, {
    labels: dbLabels, generation: 2,
    spec: {
      replicas: 2, serviceName: 'db', podManagementPolicy: 'OrderedReady', selector: { matchLabels: dbLabels },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      template: { metadata: { labels: dbLabels }, spec: { ...dbSpec, volumes: undefined } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } } }],
    },
    status: { observedGeneration: 2, replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2, currentRevision: 'db-7f9c6d5b8', updateRevision: 'db-7f9c6d5b8', collisionCount: 0 },
  });
  out.push(db);
  const dbPods: KubeObject[] = [];
  for (const i of [0, 1]) {
    const claimName = `data-db-${i}`;
    const pvName = `pvc-8e2d4b1${i}-data-db-${i}`;
    const spec = { ...dbSpec, hostname: `db-${i}`, subdomain: 'db', volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] };
    const p = pod(`db-${i}`, ns, db, { ...dbLabels, 'apps.kubernetes.io/pod-index': String(i), 'statefulset.kubernetes.io/pod-name': `db-${i}` }, spec, `worker-${i + 2}`, 'running', `10.244.${i + 2}.20`);
    dbPods.push(p);
    out.push(p, claim(claimName, ns, pvName, '5Gi', 'ReadWriteOnce', dbLabels), volume(pvName, ns, claimName, '5Gi'));
  }
  const dbSvc = service('db', ns, dbLabels, 5432, 5432, true);
  out.push(dbSvc, endpointSlice(dbSvc, dbPods, 5432));

  // log-agent
  const agentConfig = obj('v1', 'ConfigMap', 'log-agent-config', ns, { data: { 'fluent-bit.conf': '[INPUT]\n    Name tail\n' } } as any);
  const agentSpec = podSpec({ image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9', container: 'fluent-bit', volumes: [{ name: 'config', configMap: { name: 'log-agent-config' } }] });
  const agent = obj('apps/v1', 'DaemonSet', 'log-agent', ns, {
    labels: { app: 'log-agent' }, generation: 1,
    spec: { selector: { matchLabels: { app: 'log-agent' } }, template: { metadata: { labels: { app: 'log-agent' } }, spec: agentSpec }, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } },
    status: { observedGeneration: 1, desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0 },
  });
  out.push(agentConfig, agent, ...['4hq9n', 'b2m7x', 'r5t8c'].map((s, i) => pod(`log-agent-${s}`, ns, agent, { app: 'log-agent', 'controller-revision-hash': '6c8d7f9b5' }, agentSpec, `worker-${i + 1}`, 'running', `10.244.${i + 1}.30`)));

  // nightly-report
  const reportSpec = podSpec({ image: 'ghcr.io/example/report:0.9.0', container: 'report', restartPolicy: 'OnFailure', envFrom: [{ secretRef: { name: 'db-credentials' } }] });
  const cron = obj('batch/v1', 'CronJob', 'nightly-report', ns, {
    generation: 1,
    spec: { schedule: '0 2 * * *', concurrencyPolicy: 'Forbid', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, jobTemplate: { spec: { backoffLimit: 2, template: { spec: reportSpec } } } },
    status: { lastScheduleTime: '2026-03-09T02:00:00Z', lastSuccessfulTime: '2026-03-09T02:03:41Z' },
  });
  const jobName = 'nightly-report-29551320';
  const jobLabels = { 'batch.kubernetes.io/job-name': jobName, 'job-name': jobName, 'batch.kubernetes.io/controller-uid': uidOf('Job', ns, jobName) };
  const job = obj('batch/v1', 'Job', jobName, ns, {
    owner: cron, generation: 1, labels: jobLabels, created: '2026-03-09T02:00:00Z',
    spec: { backoffLimit: 2, completions: 1, parallelism: 1, suspend: false, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uidOf('Job', ns, jobName) } }, template: { metadata: { labels: jobLabels }, spec: reportSpec } },
    status: { startTime: '2026-03-09T02:00:00Z', completionTime: '2026-03-09T02:03:41Z', succeeded: 1, ready: 0, terminating: 0, conditions: [
      { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
      { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
    ] },
  });
  out.push(cron, job, pod(`${jobName}-v9q4s`, ns, job, jobLabels, reportSpec, 'worker-2', 'succeeded', '10.244.2.40'));

  // checkout: stuck rollout
  const checkoutConfig = obj('v1', 'ConfigMap', 'checkout-config', ns, { data: { PAYMENT_URL: 'http://payments-api.payments.svc' } } as any);
  const oldSpec = podSpec({ image: 'ghcr.io/example/checkout:1.9.3', container: 'checkout', envFrom: [{ configMapRef: { name: 'checkout-config' } }] });
  const newSpec = podSpec({ image: 'ghcr.io/example/checkout:2.0.0-rc1', container: 'checkout', envFrom: [{ configMapRef: { name: 'checkout-config' } }] });
  const checkout = deployment('checkout', ns, 2, 2, { metadata: { labels: { app: 'checkout' } }, spec: newSpec }, {
    replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 1, conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
      { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "checkout-84c6b7d9f" has timed out progressing.' },
    ] }, 2);
  const newRs = replicaSet(checkout, '84c6b7d9f', 2, 1, newSpec, 0);
  const oldRs = replicaSet(checkout, '5b9d8c7f6', 1, 2, oldSpec);
  out.push(checkoutConfig, checkout, newRs, oldRs,
    pod('checkout-84c6b7d9f-j3n8w', ns, newRs, { app: 'checkout', 'pod-template-hash': '84c6b7d9f' }, newSpec, 'worker-3', 'imagePullBackOff', '10.244.3.50'),
    ...['f6r2k', 'm1x9z'].map((s, i) => pod(`checkout-5b9d8c7f6-${s}`, ns, oldRs, { app: 'checkout', 'pod-template-hash': '5b9d8c7f6' }, oldSpec, `worker-${i + 1}`, 'running', `10.244.${i + 1}.51`)));
  const checkoutSvc = service('checkout', ns, { app: 'checkout' }, 80, 8080);
  out.push(checkoutSvc, endpointSlice(checkoutSvc, out.filter((o) => o.kind === 'Pod' && o.metadata?.labels?.app === 'checkout'), 8080));
  return out;
}

function payments(): KubeObject[] {
  const ns = 'payments';
  const spec = podSpec({ image: 'ghcr.io/example/payments-api:3.2.0', container: 'api' });
  const api = deployment('payments-api', ns, 2, 1, { metadata: { labels: { app: 'payments-api' } }, spec }, {
    replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2,
    conditions: [{ type: 'Available', status: 'True' }, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }],
  });
  const rs = replicaSet(api, '66f7d8c9b', 1, 2, spec);
  const pods = ['c4v7n', 'h2k9p'].map((s, i) => pod(`payments-api-66f7d8c9b-${s}`, ns, rs, { app: 'payments-api', 'pod-template-hash': '66f7d8c9b' }, spec, `worker-${i + 1}`, 'running', `10.244.${i + 1}.60`));
  const svc = service('payments-api', ns, { app: 'payments-api' }, 80, 8080);
  return [api, rs, ...pods, svc, endpointSlice(svc, pods, 8080)];
}

/** The whole demo set, as full objects. */
export function demoObjects(): KubeObject[] {
  return [...shop(), ...payments()];
}

export interface ScaleFixtureOptions {
  namespaces?: number;
  deploymentsPerNamespace?: number;
  podsPerDeployment?: number;
}

/**
 * Many plain Deployments (Deployment → ReplicaSet → pods, a Service and a ConfigMap each), all
 * healthy except every 50th pod (CrashLoopBackOff): for scale tests and benchmarks.
 */
export function scaleFixture({ namespaces = 1, deploymentsPerNamespace = 10, podsPerDeployment = 10 }: ScaleFixtureOptions = {}): KubeObject[] {
  const out: KubeObject[] = [];
  let n = 0;
  for (let i = 0; i < namespaces; i++) {
    const ns = `load-${i}`;
    for (let d = 0; d < deploymentsPerNamespace; d++) {
      const name = `app-${d}`;
      const spec = podSpec({ image: `registry.example/app-${d}:1.0.0`, envFrom: [{ configMapRef: { name: `${name}-config` } }] });
      const dep = deployment(name, ns, podsPerDeployment, 1, { metadata: { labels: { app: name } }, spec }, {
        replicas: podsPerDeployment, updatedReplicas: podsPerDeployment, readyReplicas: podsPerDeployment, availableReplicas: podsPerDeployment,
      });
      const rs = replicaSet(dep, 'abc123', 1, podsPerDeployment, spec);
      out.push(obj('v1', 'ConfigMap', `${name}-config`, ns, { data: {} } as any), dep, rs, service(name, ns, { app: name }, 80, 8080));
      for (let p = 0; p < podsPerDeployment; p++) {
        const pd = pod(`${name}-abc123-${p}`, ns, rs, { app: name, 'pod-template-hash': 'abc123' }, spec, `worker-${p % 50}`);
        if (++n % 50 === 0) {
          const cs = pd.status.containerStatuses[0];
          pd.status.conditions = readyConditions(false);
          cs.ready = false;
          cs.restartCount = 7;
          cs.state = { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } };
          cs.lastState = { terminated: { exitCode: 1, reason: 'Error' } };
        }
        out.push(pd);
      }
    }
  }
  return out;
}
