// metrics-server for the test cluster: built from its Go module (build-metrics-server.sh, cached in its
// own folder keyed by METRICS_SERVER_VERSION), run as one more local process, and registered through
// the aggregation layer the way kwokctl's `--enable metrics-server` does it (KWOK v0.7.0
// pkg/kwokctl/components/metrics_server.go and metrics_server_apiservice.yaml.tpl): an APIService
// v1beta1.metrics.k8s.io pointing at an ExternalName Service `localhost`. It scrapes KWOK's simulated
// kubelet resource metrics, which every node names in its `metrics.k8s.io/resource-metrics-path`
// annotation. Optional: when the build fails the cluster starts without it and says so.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TEST_CLUSTER_DIR, cacheDir, readVersions } from './paths.mjs';

export const METRICS_SERVER = 'metrics-server';
export const METRICS_APISERVICE = 'v1beta1.metrics.k8s.io';
/** The annotation metrics-server ≥ 0.7 reads for a node's resource-metrics path (kwok#1745). */
export const RESOURCE_METRICS_PATH_ANNOTATION = 'metrics.k8s.io/resource-metrics-path';
const DEFAULT_METRICS_PORT = 26471;

/** Where build-metrics-server.sh puts the binary for the pinned version. */
export function metricsServerBinary() {
  const v = /** @type {Record<string,string>} */ (readVersions());
  if (!v.METRICS_SERVER_VERSION) return undefined;
  return path.join(cacheDir(), 'bin', `metrics-server-${v.METRICS_SERVER_VERSION}`, 'metrics-server');
}

export function metricsServerBuilt() {
  const bin = metricsServerBinary();
  if (!bin) return false;
  try {
    fs.accessSync(bin, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The metrics-server port: fixed for the default cluster, basePort+7 for the others (blocks are 20 wide). */
export function metricsPort(isDefault, ports) {
  return isDefault ? DEFAULT_METRICS_PORT : ports.etcd + 7;
}

/**
 * Builds metrics-server when it is not cached. Never throws: a failed build is reported through log
 * and the cluster goes on without metrics (kubectl top, HPAs and Wheelhouse's metrics stay unavailable).
 * @param {(msg: string) => void} log
 * @returns {Promise<string | undefined>} the binary, or undefined when the build failed
 */
export async function ensureMetricsServerBinary(log) {
  if (metricsServerBuilt()) return metricsServerBinary();
  const script = path.join(TEST_CLUSTER_DIR, 'build-metrics-server.sh');
  log(`building metrics-server with ${script} (first build: a few minutes on 2 cores)`);
  const code = await new Promise((resolve) => {
    const child = spawn('bash', [script], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.setEncoding('utf8').on('data', (d) => { for (const l of d.split('\n')) if (l.trim()) log(`  build: ${l}`); });
    child.on('error', () => resolve(-1));
    child.on('close', (c) => resolve(c));
  });
  if (code === 0 && metricsServerBuilt()) return metricsServerBinary();
  log(`metrics-server build FAILED (exit ${code}): the cluster starts WITHOUT metrics-server; kubectl top, HPAs and Wheelhouse's metrics will be unavailable, and the tests that need them fail`);
  return undefined;
}

/**
 * The metrics-server process. Flags as kwokctl passes them, with our loopback addresses; the admin
 * kubeconfig is also its kubelet client identity (KWOK's kubelet server accepts any client).
 * @param {{ stateDir: string, kubeconfig: string, port: number }} c
 */
export function metricsServerSpec(c, env) {
  return {
    bin: /** @type {string} */ (metricsServerBinary()),
    env,
    args: [
      `--kubeconfig=${c.kubeconfig}`, `--authentication-kubeconfig=${c.kubeconfig}`, `--authorization-kubeconfig=${c.kubeconfig}`,
      '--bind-address=127.0.0.1', `--secure-port=${c.port}`, `--cert-dir=${path.join(c.stateDir, 'metrics-server-certs')}`,
      '--kubelet-preferred-address-types=InternalIP', '--kubelet-use-node-status-port', '--kubelet-insecure-tls',
      '--metric-resolution=15s',
    ],
  };
}

/**
 * kube-apiserver flags for the aggregation layer: it proxies to metrics-server with the admin client
 * cert (what KWOK v0.7.0 does) and tells it who the user is in X-Remote-* headers, which
 * metrics-server trusts because the cert is signed by the requestheader CA with an allowed name.
 * @param {(f: string) => string} pki
 */
export function aggregationFlags(pki) {
  return [
    `--proxy-client-cert-file=${pki('admin.crt')}`, `--proxy-client-key-file=${pki('admin.key')}`,
    `--requestheader-client-ca-file=${pki('ca.crt')}`, '--requestheader-allowed-names=wheelhouse-admin',
    '--requestheader-username-headers=X-Remote-User', '--requestheader-group-headers=X-Remote-Group',
    '--requestheader-extra-headers-prefix=X-Remote-Extra-',
  ];
}

/** The Service and APIService that route /apis/metrics.k8s.io/v1beta1 to metrics-server on 127.0.0.1. */
export function metricsApiObjects(port) {
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: METRICS_SERVER, namespace: 'kube-system', labels: { 'k8s-app': METRICS_SERVER } },
      // ExternalName: the aggregator dials localhost:<port> (aggregator routing stays off, since
      // endpoint routing rejects ExternalName services).
      spec: { type: 'ExternalName', externalName: 'localhost', ports: [{ name: 'https', port, protocol: 'TCP', targetPort: port }] },
    },
    {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name: METRICS_APISERVICE, labels: { 'k8s-app': METRICS_SERVER } },
      spec: {
        group: 'metrics.k8s.io', version: 'v1beta1', groupPriorityMinimum: 100, versionPriority: 100,
        insecureSkipTLSVerify: true, service: { name: METRICS_SERVER, namespace: 'kube-system', port },
      },
    },
  ];
}



