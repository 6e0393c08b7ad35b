// The realistic demo data set, applied idempotently (server-side apply) and waited on until every
// controller has settled. Deployment revisions are rolled out one at a time so `rollout history` shows
// real revisions with change-causes; re-running the seed does not add revisions.
import { kubectl as runKubectl, KubectlError } from './kubectl.mjs';
import { STUCK_LABEL } from './kwok-config.mjs';
import { USAGE_MEMORY, WAVE_HIGH, WAVE_LOW, WAVE_PERIOD } from './kwok-metrics-config.mjs';
import { existsSync as helmBuilt } from 'node:fs';
import { helmPath, seedHelmRelease } from './helm.mjs';
import { demoGatewayObjects, ensureGatewayApiCrds, GATEWAY_CRDS } from './gateway-api.mjs';

/** Bump when the data set changes, so ensureCluster() re-seeds existing clusters. */
export const SEED_VERSION = 4;
const FIELD_MANAGER = 'wheelhouse-seed';

const b64 = (s) => Buffer.from(s).toString('base64');

// ── building blocks ───────────────────────────────────────────────────────────────────────────────

function deployment({ ns, name, replicas, containers, initContainers, volumes, labels = {}, annotations = {}, progressDeadlineSeconds, strategy }) {
  const sel = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels: { app: name, 'app.kubernetes.io/part-of': 'wheelhouse-demo', ...labels }, annotations },
    spec: {
      replicas,
      revisionHistoryLimit: 10,
      ...(progressDeadlineSeconds ? { progressDeadlineSeconds } : {}),
      strategy: strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      selector: { matchLabels: sel },
      template: {
        metadata: { labels: { ...sel, ...labels } },
        spec: { ...(initContainers ? { initContainers } : {}), containers, ...(volumes ? { volumes } : {}) },
      },
    },
  };
}

function service(ns, name, { headless = false, port = 80, targetPort = 80, selector } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: {
      ...(headless ? { clusterIP: 'None' } : { type: 'ClusterIP' }),
      selector: selector ?? { app: name },
      ports: [{ name: 'http', port, targetPort, protocol: 'TCP' }],
    },
  };
}

const resources = (cpu, mem) => ({ requests: { cpu, memory: mem }, limits: { memory: mem } });

function webDeployment(image, cause) {
  return deployment({
    ns: 'demo', name: 'web', replicas: 3,
    annotations: { 'kubernetes.io/change-cause': cause },
    initContainers: [{ name: 'init-config', image: 'busybox:1.36', command: ['sh', '-c', 'cp /config/* /work/'] }],
    containers: [{
      name: 'web', image,
      ports: [{ name: 'http', containerPort: 80 }],
      resources: resources('100m', '128Mi'),
      readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 },
      volumeMounts: [{ name: 'config', mountPath: '/etc/web' }, { name: 'secret', mountPath: '/etc/web-secret', readOnly: true }],
    }],
    volumes: [
      { name: 'config', configMap: { name: 'app-config' } },
      { name: 'secret', secret: { secretName: 'app-secret' } },
    ],
  });
}

function apiDeployment(image, cause) {
  return deployment({
    ns: 'demo', name: 'api', replicas: 2,
    annotations: { 'kubernetes.io/change-cause': cause },
    containers: [{
      name: 'api', image,
      ports: [{ name: 'http', containerPort: 8080 }],
      resources: resources('250m', '256Mi'),
      envFrom: [{ configMapRef: { name: 'app-config' } }, { secretRef: { name: 'app-secret' } }],
      env: [{ name: 'PORT', value: '8080' }],
    }],
  });
}

/**
 * demo/load: simulated CPU follows a square wave (KWOK, kwok-metrics-config.mjs): 200m for the first
 * half of every 4 minutes, 10m for the second, against a 100m request. Its HPA (target 50 %) scales
 * it up to 4 replicas and back to 1 on its own, so the topology shows replicas changing live.
 * @param {{ ns?: string, periodSeconds?: number }} [o]
 */
export function loadWithAutoscaler({ ns = 'demo', periodSeconds = 240 } = {}) {
  const load = deployment({
    ns, name: 'load', replicas: 1,
    containers: [{ name: 'load', image: 'ghcr.io/wheelhouse-demo/load:1.0', resources: resources('100m', '64Mi') }],
  });
  // No replicas: the HPA owns them, and re-seeding must not reset them.
  delete load.spec.replicas;
  load.spec.template.metadata.annotations = {
    [WAVE_HIGH]: '200m', [WAVE_LOW]: '10m', [WAVE_PERIOD]: String(periodSeconds), [USAGE_MEMORY]: '40Mi',
  };
  const hpa = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'load', namespace: ns },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'load' },
      minReplicas: 1,
      maxReplicas: 4,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      // Short windows so a test (and a demo viewer) sees both directions within one period.
      behavior: { scaleUp: { stabilizationWindowSeconds: 0 }, scaleDown: { stabilizationWindowSeconds: 20 } },
    },
  };
  return [load, hpa];
}

/** Revisions per deployment, oldest first; each is rolled out completely before the next. */
export const REVISIONS = {
  web: [
    ['nginx:1.25', 'initial release: nginx 1.25'],
    ['nginx:1.26', 'upgrade nginx to 1.26'],
    ['nginx:1.27', 'upgrade nginx to 1.27'],
  ].map(([img, cause]) => ({ image: img, make: () => webDeployment(img, cause) })),
  api: [
    ['ghcr.io/wheelhouse-demo/api:1.0.0', 'initial release: api 1.0.0'],
    ['ghcr.io/wheelhouse-demo/api:1.1.0', 'api 1.1.0: faster order lookups'],
  ].map(([img, cause]) => ({ image: img, make: () => apiDeployment(img, cause) })),
};

function clusterScoped() {
  const ns = (name, extra = {}) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'app.kubernetes.io/part-of': 'wheelhouse-demo', ...extra } } });
  const pv = (name, size, claimNs, claimName) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, labels: { 'app.kubernetes.io/part-of': 'wheelhouse-demo' } },
    spec: {
      capacity: { storage: size },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: 'manual',
      hostPath: { path: `/var/lib/wheelhouse-test/${name}` },
      claimRef: { namespace: claimNs, name: claimName },
    },
  });
  return [
    ns('demo'), ns('shop', { team: 'commerce' }), ns('data', { team: 'platform' }),
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'manual' },
      provisioner: 'kubernetes.io/no-provisioner',
      volumeBindingMode: 'Immediate',
      reclaimPolicy: 'Retain',
    },
    pv('demo-uploads', '1Gi', 'demo', 'uploads'),
    pv('data-db-0', '5Gi', 'data', 'data-db-0'),
    pv('data-db-1', '5Gi', 'data', 'data-db-1'),
    pv('data-db-2', '5Gi', 'data', 'data-db-2'),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'wheelhouse' },
      spec: { controller: 'wheelhouse.dev/no-controller' },
    },
    {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.demo.wheelhouse.dev' },
      spec: {
        group: 'demo.wheelhouse.dev',
        scope: 'Namespaced',
        names: { kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', singular: 'widget', shortNames: ['wdg'] },
        versions: [{
          name: 'v1alpha1',
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: [
            { name: 'Size', type: 'string', jsonPath: '.spec.size' },
            { name: 'Colour', type: 'string', jsonPath: '.spec.colour' },
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  required: ['size', 'colour'],
                  properties: {
                    size: { type: 'string', enum: ['small', 'medium', 'large'] },
                    colour: { type: 'string' },
                    count: { type: 'integer', minimum: 0 },
                  },
                },
                status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          },
        }],
      },
    },
  ];
}

function namespaced() {
  const demo = [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app-config', namespace: 'demo', labels: { app: 'web' } },
      data: { LOG_LEVEL: 'info', FEATURE_FLAGS: 'orders,search', 'nginx.conf': 'server {\n  listen 80;\n  location / { return 200 "ok"; }\n}\n' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'app-secret', namespace: 'demo' },
      type: 'Opaque',
      data: { DATABASE_URL: b64('postgres://app:s3cr3t@db.data.svc:5432/app'), API_TOKEN: b64('not-a-real-token') },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'hostile',
        namespace: 'demo',
        annotations: {
          'wheelhouse.dev/img': '<img src=x onerror=alert(1)>',
          'wheelhouse.dev/script': '<script>alert(1)</script>',
          'wheelhouse.dev/mixed': '"><svg onload=alert(1)> & \u202Egnp.exe',
        },
      },
      data: { 'index.html': '<script>alert(1)</script>', note: '<img src=x onerror=alert(1)>' },
    },
    service('demo', 'web'),
    service('demo', 'api', { targetPort: 8080 }),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'demo' },
      spec: {
        ingressClassName: 'wheelhouse',
        rules: [{
          host: 'web.demo.wheelhouse.test',
          http: { paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } },
          ] },
        }],
      },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'api', namespace: 'demo' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        minReplicas: 2,
        maxReplicas: 5,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
    ...loadWithAutoscaler(),
    deployment({
      ns: 'demo', name: 'stuck', replicas: 2, progressDeadlineSeconds: 60,
      labels: { [STUCK_LABEL]: 'true' },
      containers: [{ name: 'stuck', image: 'ghcr.io/wheelhouse-demo/never-ready:1.0', readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }],
    }),
    deployment({
      ns: 'demo', name: 'hostile-logs', replicas: 1,
      containers: [{ name: 'hostile', image: 'busybox:1.36', command: ['sh', '-c', 'printf "\\033[31m<script>alert(1)</script>\\033[0m\\n"; sleep infinity'] }],
    }),
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'uploads', namespace: 'demo' },
      spec: { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeName: 'demo-uploads' },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'scratch', namespace: 'demo', annotations: { 'wheelhouse.dev/note': 'stays Pending: no volume matches and nothing provisions' } },
      spec: { storageClassName: 'manual', accessModes: ['ReadWriteMany'], resources: { requests: { storage: '50Gi' } } },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'uploader', namespace: 'demo', labels: { app: 'uploader' } },
      spec: {
        containers: [{ name: 'uploader', image: 'busybox:1.36', command: ['sh', '-c', 'sleep infinity'], volumeMounts: [{ name: 'uploads', mountPath: '/uploads' }] }],
        volumes: [{ name: 'uploads', persistentVolumeClaim: { claimName: 'uploads' } }],
      },
    },
  ];
  const widgets = [['alpha', 'small', 'red', 1], ['beta', 'medium', 'green', 5], ['gamma', 'large', 'blue', 12]].map(([name, size, colour, count]) => ({
    apiVersion: 'demo.wheelhouse.dev/v1alpha1',
    kind: 'Widget',
    metadata: { name, namespace: 'demo', labels: { 'app.kubernetes.io/part-of': 'wheelhouse-demo' } },
    spec: { size, colour, count },
  }));
  const data = [
    service('data', 'db', { headless: true, port: 5432, targetPort: 5432 }),
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: 'data', labels: { app: 'db' } },
      spec: {
        serviceName: 'db',
        replicas: 3,
        selector: { matchLabels: { app: 'db' } },
        template: {
          metadata: { labels: { app: 'db' } },
          spec: { containers: [{ name: 'postgres', image: 'postgres:16', ports: [{ name: 'pg', containerPort: 5432 }], resources: resources('500m', '1Gi'), volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] }] },
        },
        volumeClaimTemplates: [{
          metadata: { name: 'data' },
          spec: { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } },
        }],
      },
    },
  ];
  const shop = [
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'shop', labels: { app: 'agent' } },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: {
          metadata: { labels: { app: 'agent' } },
          spec: { containers: [{ name: 'agent', image: 'ghcr.io/wheelhouse-demo/agent:2.3', resources: resources('50m', '64Mi') }] },
        },
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', namespace: 'shop', labels: { app: 'migrate' } },
      spec: {
        backoffLimit: 2,
        template: {
          metadata: { labels: { app: 'migrate' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'ghcr.io/wheelhouse-demo/migrate:1.0', args: ['--up'] }] },
        },
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'report', namespace: 'shop', labels: { app: 'report' } },
      spec: {
        schedule: '*/10 * * * *',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: {
          spec: {
            template: {
              metadata: { labels: { app: 'report' } },
              spec: { restartPolicy: 'OnFailure', containers: [{ name: 'report', image: 'ghcr.io/wheelhouse-demo/report:1.0' }] },
            },
          },
        },
      },
    },
  ];
  return { demo, widgets, data, shop };
}

// ── seeding ────────────────────────────────────────────────────────────────────────────────────────

/**
 * @param {{ kubeconfigPath: string, context?: string, log?: (m: string) => void }} opts
 */
export async function seedCluster(opts) {
  const log = opts.log ?? ((m) => process.stderr.write(`[test-cluster] ${m}\n`));
  const k = (args, o = {}) => runKubectl(args, { kubeconfig: opts.kubeconfigPath, context: opts.context, timeoutMs: 120_000, ...o });
  const apply = (items) => k(['apply', '--server-side', '--force-conflicts', `--field-manager=${FIELD_MANAGER}`, '-f', '-'],
    { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) });
  const t0 = Date.now();
  let last = t0;
  const phase = (name) => {
    const now = Date.now();
    log(`seed: ${name}: ${((now - last) / 1000).toFixed(1)}s`);
    last = now;
  };

  await apply(clusterScoped());
  await k(['wait', '--for=condition=Established', '--timeout=60s', 'crd/widgets.demo.wheelhouse.dev']);
  // Pods need their namespace's default ServiceAccount (made by the controller-manager).
  for (const ns of ['demo', 'shop', 'data']) {
    await waitUntil(`serviceaccount default in ${ns}`, async () => {
      try {
        await k(['get', '-n', ns, 'serviceaccount', 'default', '-o', 'name']);
        return true;
      } catch (err) {
        if (err instanceof KubectlError && /NotFound/.test(err.stderr)) return false;
        throw err;
      }
    });
  }
  phase('namespaces, CRD, storage');
  // Gateway API (standard channel, pinned): the CRDs, then the demo's class, Gateway and routes.
  await k(['apply', '--server-side', '--force-conflicts', `--field-manager=${FIELD_MANAGER}`, '-f', ensureGatewayApiCrds()]);
  await k(['wait', '--for=condition=Established', '--timeout=60s', ...GATEWAY_CRDS.map((c) => `crd/${c}`)]);
  phase('Gateway API CRDs');

  const { demo, widgets, data, shop } = namespaced();
  await apply([...demo, ...widgets, ...data, ...shop, ...demoGatewayObjects()]);
  phase('objects applied');

  // Revisions: web and api roll independently, so do them side by side.
  await Promise.all(Object.entries(REVISIONS).map(([name, revs]) => rollRevisions(k, apply, 'demo', name, revs, log)));
  phase('web and api revisions rolled out');

  await Promise.all([
    k(['rollout', 'status', '-n', 'data', 'statefulset/db', '--timeout=120s']),
    k(['rollout', 'status', '-n', 'shop', 'daemonset/agent', '--timeout=120s']),
    k(['rollout', 'status', '-n', 'demo', 'deployment/hostile-logs', '--timeout=120s']),
    k(['wait', '-n', 'shop', '--for=condition=Complete', '--timeout=120s', 'job/migrate']),
    k(['wait', '-n', 'demo', '--for=condition=Ready', '--timeout=120s', 'pod/uploader']),
    k(['wait', '-n', 'demo', '--for=jsonpath={.status.phase}=Bound', '--timeout=120s', 'pvc/uploads']),
    // The stuck deployment: its pods exist and run, but never turn Ready.
    waitUntil('stuck pods running', async () => {
      const out = await k(['get', 'pods', '-n', 'demo', '-l', 'app=stuck', '-o', 'jsonpath={range .items[*]}{.status.phase}{"\\n"}{end}']);
      const phases = out.split('\n').filter(Boolean);
      return phases.length >= 2 && phases.every((p) => p === 'Running');
    }),
  ]);
  phase('statefulset, daemonset, job, pvc settled');
  // The demo Helm release (two revisions), when build-helm.sh has built helm; the rest of the seed does not need it.
  if (helmBuilt(helmPath())) { await seedHelmRelease({ kubeconfig: opts.kubeconfigPath, context: opts.context, log }); phase('helm release demo/hello'); }
  log(`seed: done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return { ms: Date.now() - t0 };
}

async function rollRevisions(k, apply, ns, name, revs, log) {
  let current;
  try {
    current = JSON.parse(await k(['get', '-n', ns, `deployment/${name}`, '-o', 'json']));
  } catch (err) {
    if (!(err instanceof KubectlError && /NotFound/.test(err.stderr))) throw err;
  }
  const image = current?.spec?.template?.spec?.containers?.find((c) => c.name === name)?.image;
  const idx = image ? revs.findIndex((r) => r.image === image) : -1;
  // Not there yet → all revisions; part-way → the rest; at the last (or unknown) → re-apply the last only.
  const start = !current ? 0 : idx >= 0 && idx < revs.length - 1 ? idx + 1 : revs.length - 1;
  for (let i = start; i < revs.length; i++) {
    await apply([revs[i].make()]);
    await k(['rollout', 'status', '-n', ns, `deployment/${name}`, '--timeout=120s']);
    if (i > start || !current) log(`seed: ${ns}/${name} revision ${revs[i].image} rolled out`);
  }
}

async function waitUntil(what, fn, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > deadline) throw new Error(`seed: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
