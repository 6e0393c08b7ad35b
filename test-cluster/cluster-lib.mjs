// A real Kubernetes control plane on 127.0.0.1 for Wheelhouse's tests: etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler and the KWOK controller (fake nodes, pod lifecycle, and the
// kubelet endpoints behind logs/exec/port-forward), plus a tiny HTTP server that port-forwards reach.
// Every process is detached, has a pid file and a log file in the cluster's state dir, and is stopped
// only through those pid files (after checking /proc/<pid>/cmdline names this state dir).
// Types: cluster-lib.d.mts.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import YAML from 'yaml';
import { DEFAULT_CLUSTER_NAME, TEST_CLUSTER_DIR, binDir as pinnedBinDir, defaultStateDir, readVersions } from './paths.mjs';
import { ensurePki } from './pki.mjs';
import { kwokConfigYaml, writePodLogs } from './kwok-config.mjs';
import { kubectl as runKubectl } from './kubectl.mjs';
import { seedCluster, SEED_VERSION } from './seed.mjs';
import { METRICS_SERVER, RESOURCE_METRICS_PATH_ANNOTATION, aggregationFlags, ensureMetricsServerBinary, metricsApiObjects, metricsPort, metricsServerBuilt, metricsServerSpec } from './metrics-server.mjs';

export { DEFAULT_CLUSTER_NAME, binDir, defaultStateDir, readVersions } from './paths.mjs';
export { seedCluster } from './seed.mjs';
export { ECHO_BODY } from './echo-body.mjs';

export const NODE_NAMES = ['kwok-node-0', 'kwok-node-1', 'kwok-node-2'];
export const LIMITED_USER = 'limited-user';
export const LIMITED_NAMESPACE = 'demo';

/** Start order. `down` stops in reverse. */
export const COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok', 'echo-server'];

/** COMPONENTS plus metrics-server when its binary is built (it is optional: see metrics-server.mjs). */
function componentsOf(c) {
  return c.metricsServer ? [...COMPONENTS, METRICS_SERVER] : COMPONENTS;
}

const DEFAULT_PORTS = Object.freeze({
  etcd: 23790, etcdPeer: 23800, apiserver: 26443, controllerManager: 26457, scheduler: 26459, kwok: 26450, echo: 26480,
});

const defaultLog = (msg) => process.stderr.write(`[test-cluster] ${msg}\n`);

// ── configuration ──────────────────────────────────────────────────────────────────────────────────

/**
 * Ports: the default cluster uses the fixed DEFAULT_PORTS; any other cluster uses basePort+0..6
 * (etcd, etcd peer, apiserver, controller-manager, scheduler, kwok kubelet, echo). Without a basePort a
 * non-default cluster gets one derived from its name (31000–38980, step 20).
 * @param {string} name @param {number} [basePort]
 */
export function portsFor(name, basePort) {
  if (basePort == null && name === DEFAULT_CLUSTER_NAME) return { ...DEFAULT_PORTS };
  let b = basePort;
  if (b == null) {
    let h = 0;
    for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    b = 31000 + (h % 400) * 20;
  }
  if (!Number.isInteger(b) || b < 1024 || b > 65000) throw new Error(`basePort ${b} out of range 1024..65000`);
  return { etcd: b, etcdPeer: b + 1, apiserver: b + 2, controllerManager: b + 3, scheduler: b + 4, kwok: b + 5, echo: b + 6 };
}

/**
 * @param {{ name?: string, stateDir?: string, basePort?: number, binDir?: string }} [opts]
 */
export function resolveCluster(opts = {}) {
  const name = opts.name ?? DEFAULT_CLUSTER_NAME;
  const stateDir = path.resolve(opts.stateDir ?? defaultStateDir(name));
  const saved = readJson(path.join(stateDir, 'cluster.json'));
  // Reuse the ports a cluster was created with unless told otherwise, so `down`/`status` of a
  // non-default cluster find it again.
  const ports = opts.basePort == null && saved?.ports && name !== DEFAULT_CLUSTER_NAME ? saved.ports : portsFor(name, opts.basePort);
  const bin = opts.binDir ?? pinnedBinDir();
  return {
    name,
    stateDir,
    ports,
    binDir: bin,
    versions: readVersions(),
    kubeconfigPath: path.join(stateDir, 'kubeconfig'),
    // Kept out of `ports` so clusters recorded before metrics-server existed are not "stale" (empty etcd).
    metricsPort: metricsPort(name === DEFAULT_CLUSTER_NAME && opts.basePort == null, ports),
    metricsServer: metricsServerBuilt(),
    apiServerUrl: `https://127.0.0.1:${ports.apiserver}`,
    contexts: { admin: `${name}-admin`, limited: `${name}-limited` },
  };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function writeFileAtomic(file, data, mode = 0o600) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data, { mode });
  fs.renameSync(tmp, file);
}

const sd = (c, ...p) => path.join(c.stateDir, ...p);
const pki = (c, f) => path.join(c.stateDir, 'pki', f);

// ── binaries ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Runs build.sh (a no-op taking milliseconds when the binaries are cached) and returns the bin dir.
 * @param {{ log?: (msg: string) => void }} [opts]
 */
export async function ensureBinaries(opts = {}) {
  const log = opts.log ?? defaultLog;
  const want = pinnedBinDir();
  const names = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl', 'kwok'];
  if (names.every((b) => isExecutable(path.join(want, b)))) return want;
  // One build at a time on this machine (two concurrent `go build`s of Kubernetes on 2 cores help nobody).
  fs.mkdirSync(path.dirname(want), { recursive: true });
  return withLockFile(path.join(path.dirname(want), '.build.lock'), 'building the test-cluster binaries', async () => {
    if (names.every((b) => isExecutable(path.join(want, b)))) return want;
    return runBuild(want, log);
  }, { log });
}

async function runBuild(want, log) {
  log(`building binaries with ${path.join(TEST_CLUSTER_DIR, 'build.sh')} (first build: ~10 min on 2 cores)`);
  const out = await new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(TEST_CLUSTER_DIR, 'build.sh')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { for (const l of d.split('\n')) if (l.trim()) log(`  build: ${l}`); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`test-cluster/build.sh failed with exit code ${code}`))));
  });
  const dir = String(out).trim().split('\n').pop();
  if (dir !== want) throw new Error(`build.sh printed ${dir}, expected ${want}`);
  return dir;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// ── generated files ────────────────────────────────────────────────────────────────────────────────

function b64(file) {
  return fs.readFileSync(file).toString('base64');
}

/** The user-facing kubeconfig: admin (cluster-admin) and limited (edit in demo) contexts, certs embedded. */
function userKubeconfig(c) {
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: c.name, cluster: { server: c.apiServerUrl, 'certificate-authority-data': b64(pki(c, 'ca.crt')) } }],
    users: [
      { name: `${c.name}-admin`, user: { 'client-certificate-data': b64(pki(c, 'admin.crt')), 'client-key-data': b64(pki(c, 'admin.key')) } },
      { name: `${c.name}-limited`, user: { 'client-certificate-data': b64(pki(c, 'limited.crt')), 'client-key-data': b64(pki(c, 'limited.key')) } },
    ],
    contexts: [
      { name: c.contexts.admin, context: { cluster: c.name, user: `${c.name}-admin`, namespace: 'default' } },
      { name: c.contexts.limited, context: { cluster: c.name, user: `${c.name}-limited`, namespace: LIMITED_NAMESPACE } },
    ],
    'current-context': c.contexts.admin,
  }, { lineWidth: 0 });
}

function componentKubeconfig(c, stem) {
  return YAML.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: c.name, cluster: { server: c.apiServerUrl, 'certificate-authority': pki(c, 'ca.crt') } }],
    users: [{ name: stem, user: { 'client-certificate': pki(c, `${stem}.crt`), 'client-key': pki(c, `${stem}.key`) } }],
    contexts: [{ name: stem, context: { cluster: c.name, user: stem } }],
    'current-context': stem,
  }, { lineWidth: 0 });
}

function schedulerConfig(c) {
  return YAML.stringify({
    apiVersion: 'kubescheduler.config.k8s.io/v1',
    kind: 'KubeSchedulerConfiguration',
    clientConnection: { kubeconfig: sd(c, 'kubeconfigs', 'scheduler.kubeconfig'), qps: 200, burst: 400 },
    leaderElection: { leaderElect: false },
  });
}

function writeConfigFiles(c) {
  for (const d of ['logs', 'pids', 'kubeconfigs', 'etcd-data']) fs.mkdirSync(sd(c, d), { recursive: true, mode: 0o700 });
  fs.chmodSync(sd(c, 'etcd-data'), 0o700);
  writeFileAtomic(c.kubeconfigPath, userKubeconfig(c));
  for (const stem of ['controller-manager', 'scheduler', 'kwok']) {
    writeFileAtomic(sd(c, 'kubeconfigs', `${stem}.kubeconfig`), componentKubeconfig(c, stem));
  }
  writeFileAtomic(sd(c, 'kubeconfigs', 'metrics-server.kubeconfig'), componentKubeconfig(c, 'admin'));
  writeFileAtomic(sd(c, 'scheduler.yaml'), schedulerConfig(c));
  writeFileAtomic(sd(c, 'kwok.yaml'), kwokConfigYaml({ stateDir: c.stateDir, echoPort: c.ports.echo, clusterName: c.name }));
  writePodLogs(c.stateDir);
}

// ── process specs ──────────────────────────────────────────────────────────────────────────────────

// Fixed, not inherited: the environment is part of specHash(), and callers (npm scripts, vitest, a
// shell) have different PATHs.
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function baseEnv(extra = {}) {
  return { PATH: SYSTEM_PATH, LANG: 'C.UTF-8', ...extra };
}

/** The project's Node 24 when installed, else whatever runs us (only the echo server needs it). */
function nodeBinary() {
  const projectNode = path.join(TEST_CLUSTER_DIR, '..', 'node_modules', 'node', 'bin', 'node');
  return isExecutable(projectNode) ? path.resolve(projectNode) : process.execPath;
}

/** @returns {{ bin: string, args: string[], env: Record<string,string> }} */
function spec(c, name) {
  const p = c.ports;
  const bin = (b) => path.join(c.binDir, b);
  switch (name) {
    case 'etcd':
      return {
        bin: bin('etcd'),
        env: baseEnv({ HOME: c.stateDir }),
        args: [
          `--name=${c.name}`, `--data-dir=${sd(c, 'etcd-data')}`,
          `--listen-client-urls=http://127.0.0.1:${p.etcd}`, `--advertise-client-urls=http://127.0.0.1:${p.etcd}`,
          `--listen-peer-urls=http://127.0.0.1:${p.etcdPeer}`, `--initial-advertise-peer-urls=http://127.0.0.1:${p.etcdPeer}`,
          `--initial-cluster=${c.name}=http://127.0.0.1:${p.etcdPeer}`, '--initial-cluster-state=new',
          // A throwaway test store: skipping fsync makes it several times faster on slow disks.
          '--unsafe-no-fsync', '--quota-backend-bytes=8589934592', '--log-level=warn',
        ],
      };
    case 'kube-apiserver':
      return {
        bin: bin('kube-apiserver'),
        env: baseEnv({ HOME: c.stateDir }),
        args: [
          '--bind-address=127.0.0.1', '--advertise-address=127.0.0.1', `--secure-port=${p.apiserver}`,
          `--etcd-servers=http://127.0.0.1:${p.etcd}`,
          `--tls-cert-file=${pki(c, 'apiserver.crt')}`, `--tls-private-key-file=${pki(c, 'apiserver.key')}`,
          `--client-ca-file=${pki(c, 'ca.crt')}`,
          `--service-account-key-file=${pki(c, 'sa.pub')}`, `--service-account-signing-key-file=${pki(c, 'sa.key')}`,
          '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
          '--authorization-mode=Node,RBAC',
          '--service-cluster-ip-range=10.96.0.0/16',
          // logs/exec/port-forward: the API server dials the node's InternalIP (127.0.0.1) on the
          // node's daemonEndpoints port, which is KWOK's kubelet server.
          `--kubelet-client-certificate=${pki(c, 'apiserver-kubelet-client.crt')}`,
          `--kubelet-client-key=${pki(c, 'apiserver-kubelet-client.key')}`,
          '--kubelet-preferred-address-types=InternalIP',
          `--cert-dir=${sd(c, 'apiserver-certs')}`,
          // The endpoint reconciler would publish 127.0.0.1 as the kubernetes Service endpoint, which
          // Endpoints validation rejects (loopback); we listen on loopback only, so publish none.
          '--endpoint-reconciler-type=none',
          // The aggregation layer, for metrics-server's APIService v1beta1.metrics.k8s.io.
          ...aggregationFlags((f) => pki(c, f)),
          '--allow-privileged=true', `--profiling=${process.env.WHEELHOUSE_APISERVER_PROFILING === '1'}`, '--v=0',
          // ^ WHEELHOUSE_APISERVER_PROFILING=1 serves /debug/pprof (bench/apiserver-profile.mjs).
        ],
      };
    case 'kube-controller-manager':
      return {
        bin: bin('kube-controller-manager'),
        env: baseEnv({ HOME: c.stateDir }),
        args: [
          `--kubeconfig=${sd(c, 'kubeconfigs', 'controller-manager.kubeconfig')}`,
          '--bind-address=127.0.0.1', `--secure-port=${p.controllerManager}`,
          `--cert-dir=${sd(c, 'controller-manager-certs')}`,
          '--leader-elect=false', '--use-service-account-credentials=true',
          `--service-account-private-key-file=${pki(c, 'sa.key')}`, `--root-ca-file=${pki(c, 'ca.crt')}`,
          `--cluster-signing-cert-file=${pki(c, 'ca.crt')}`, `--cluster-signing-key-file=${pki(c, 'ca.key')}`,
          `--cluster-name=${c.name}`,
          // Room for the 60k-pod benchmarks (defaults are 20/30 requests per second).
          '--kube-api-qps=200', '--kube-api-burst=400',
          '--concurrent-deployment-syncs=10', '--concurrent-replicaset-syncs=10',
          // HPAs react within seconds of metrics-server's 15 s window (default sync period 15 s).
          '--horizontal-pod-autoscaler-sync-period=5s',
        ],
      };
    case 'kube-scheduler':
      return {
        bin: bin('kube-scheduler'),
        env: baseEnv({ HOME: c.stateDir }),
        args: [
          `--config=${sd(c, 'scheduler.yaml')}`,
          '--bind-address=127.0.0.1', `--secure-port=${p.scheduler}`, `--cert-dir=${sd(c, 'scheduler-certs')}`,
        ],
      };
    case 'kwok':
      return {
        bin: bin('kwok'),
        // `kubectl exec` runs real processes as children of kwok: give them a small, clean environment.
        env: {
          PATH: SYSTEM_PATH,
          HOME: sd(c, 'exec-workdir'), SHELL: '/bin/sh', TERM: 'xterm-256color', LANG: 'C.UTF-8', PS1: '$ ',
        },
        args: [
          `--kubeconfig=${sd(c, 'kubeconfigs', 'kwok.kubeconfig')}`,
          `--config=${sd(c, 'kwok.yaml')}`,
          '--manage-all-nodes=true',
          '--node-ip=127.0.0.1', '--node-name=localhost', `--node-port=${p.kwok}`,
          `--server-address=127.0.0.1:${p.kwok}`,
          `--tls-cert-file=${pki(c, 'kubelet.crt')}`, `--tls-private-key-file=${pki(c, 'kubelet.key')}`,
          '--node-lease-duration-seconds=40',
          '--cidr=10.0.0.1/12',
        ],
      };
    case 'echo-server':
      return {
        bin: nodeBinary(),
        env: baseEnv({ HOME: c.stateDir }),
        args: [path.join(TEST_CLUSTER_DIR, 'echo-server.mjs'), '--state-dir', c.stateDir, '--port', String(p.echo),
          '--live-log', sd(c, 'pod-logs', 'api.log')],
      };
    case METRICS_SERVER:
      return metricsServerSpec({ stateDir: c.stateDir, kubeconfig: sd(c, 'kubeconfigs', 'metrics-server.kubeconfig'), port: c.metricsPort }, baseEnv({ HOME: c.stateDir }));
    default:
      throw new Error(`unknown component ${name}`);
  }
}

/**
 * Fingerprint of every command line and config file, so `up` restarts a cluster started with older
 * settings. The checkout's own folder is left out (a copy of the repo elsewhere runs the same
 * cluster); `checkoutDir` puts it back for clusters started before it was left out.
 */
function specHash(c, checkoutDir = '<test-cluster>') {
  const h = createHash('sha256');
  for (const n of componentsOf(c)) {
    const s = spec(c, n);
    const args = s.args.map((a) => a.split(TEST_CLUSTER_DIR).join(checkoutDir));
    h.update(JSON.stringify({ args, env: s.env, bin: n === 'echo-server' ? 'node' : s.bin }));
  }
  h.update(kwokConfigYaml({ stateDir: c.stateDir, echoPort: c.ports.echo, clusterName: c.name }));
  h.update(schedulerConfig(c));
  h.update(fs.readFileSync(path.join(TEST_CLUSTER_DIR, 'echo-server.mjs')));
  return h.digest('hex').slice(0, 16);
}

/** A reused cluster's record gets the hash without the checkout's folder, so other checkouts agree it is current. */
function recordPortableSpecHash(c) {
  const saved = readJson(sd(c, 'cluster.json'));
  const hash = specHash(c);
  if (saved && saved.specHash !== hash) writeFileAtomic(sd(c, 'cluster.json'), JSON.stringify({ ...saved, specHash: hash }, null, 2) + '\n', 0o644);
}

// ── processes ──────────────────────────────────────────────────────────────────────────────────────

const pidFile = (c, name) => sd(c, 'pids', `${name}.pid`);
const logFile = (c, name) => sd(c, 'logs', `${name}.log`);

function readPid(c, name) {
  try {
    const n = Number(fs.readFileSync(pidFile(c, name), 'utf8').trim());
    return Number.isInteger(n) && n > 1 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** /proc facts about a pid, or undefined when it is gone (zombies count as gone). */
function procInfo(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return undefined;
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { pid, state, cmdline };
  } catch {
    return undefined;
  }
}

/** True when pid is alive and its command line names this cluster's state dir (guards against pid reuse). */
function isOurs(c, pid) {
  const info = pid ? procInfo(pid) : undefined;
  return !!info && info.cmdline.some((a) => a === c.stateDir || a.includes(`${c.stateDir}/`));
}

function tailLog(c, name, lines = 25) {
  try {
    const text = fs.readFileSync(logFile(c, name), 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function startProcess(c, name) {
  const s = spec(c, name);
  fs.mkdirSync(sd(c, 'logs'), { recursive: true });
  fs.mkdirSync(sd(c, 'pids'), { recursive: true });
  const fd = fs.openSync(logFile(c, name), 'a');
  fs.writeSync(fd, `\n===== ${new Date().toISOString()} start ${name}: ${s.bin} ${s.args.join(' ')}\n`);
  let child;
  try {
    child = spawn(s.bin, s.args, { detached: true, stdio: ['ignore', fd, fd], env: s.env, cwd: c.stateDir });
  } finally {
    fs.closeSync(fd);
  }
  if (!child.pid) throw new Error(`could not start ${name} (${s.bin})`);
  child.on('error', () => {});
  child.unref();
  writeFileAtomic(pidFile(c, name), `${child.pid}\n`, 0o644);
  return child.pid;
}

/**
 * Stops one component through its pid file: SIGTERM to its process group (it leads one, being
 * started detached; exec sessions under kwok go with it), then SIGKILL after timeoutMs.
 */
async function stopProcess(c, name, { timeoutMs = 10_000, signal = 'SIGTERM', log = defaultLog } = {}) {
  const pid = readPid(c, name);
  if (!pid) return false;
  if (!isOurs(c, pid)) {
    fs.rmSync(pidFile(c, name), { force: true });
    return false;
  }
  const kill = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        // already gone
      }
    }
  };
  kill(signal);
  const deadline = Date.now() + timeoutMs;
  while (isOurs(c, pid) && Date.now() < deadline) await sleep(100);
  if (isOurs(c, pid)) {
    log(`${name} (pid ${pid}) did not exit ${timeoutMs} ms after ${signal}; sending SIGKILL`);
    kill('SIGKILL');
    const hard = Date.now() + 5000;
    while (isOurs(c, pid) && Date.now() < hard) await sleep(50);
  }
  // An exiting process loses its cmdline (the kernel frees its memory) before it closes its files: wait
  // until it is gone or a zombie. (A zombie leader's other threads may still hold its sockets: starting
  // again also waits for the port, in startAndWait.)
  const closed = Date.now() + 5000;
  while (stillExiting(pid) && Date.now() < closed) await sleep(20);
  fs.rmSync(pidFile(c, name), { force: true });
  return true;
}

/** The process exists and is not yet a zombie (its open files, listening sockets included, may remain). */
function stillExiting(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

// ── probes ─────────────────────────────────────────────────────────────────────────────────────────

/** GET (or other) over http(s) with optional client cert; never throws, status 0 on network errors. */
function request(url, { cert, key, ca, insecure = false, method = 'GET', timeoutMs = 3000, body, headers } = {}) {
  return new Promise((resolve) => {
    const u = new URL(url);
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(u, { method, cert, key, ca, rejectUnauthorized: !insecure, agent: false, timeout: timeoutMs, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', (err) => resolve({ status: 0, body: '', error: err }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) => resolve({ status: 0, body: '', error: err }));
    req.end(body);
  });
}

function adminTls(c) {
  return { cert: fs.readFileSync(pki(c, 'admin.crt')), key: fs.readFileSync(pki(c, 'admin.key')), ca: fs.readFileSync(pki(c, 'ca.crt')) };
}

async function api(c, apiPath, opts = {}) {
  const r = await request(`${c.apiServerUrl}${apiPath}`, { ...adminTls(c), ...opts });
  let json;
  try {
    json = r.body ? JSON.parse(r.body) : undefined;
  } catch {
    json = undefined;
  }
  return { ...r, json };
}

async function readyz(c, timeoutMs = 2000) {
  if (!fs.existsSync(pki(c, 'admin.crt'))) return { ok: false, status: 0, body: 'no pki' };
  const r = await request(`${c.apiServerUrl}/readyz`, { ...adminTls(c), timeoutMs });
  return { ok: r.status === 200 && r.body.trim() === 'ok', status: r.status, body: r.body };
}

/**
 * /readyz for the verdict "healthy, reuse it" or "dead, restart it": on a loaded machine a live API
 * server can take seconds to answer, and a wrong "dead" restarts a shared cluster under other suites.
 * So a few tries with a long timeout before saying no; a refused connection still fails in seconds.
 */
async function readyzPatiently(c, { tries = 3, timeoutMs = 10_000, pauseMs = 1000 } = {}) {
  let r = await readyz(c, timeoutMs);
  for (let i = 1; i < tries && !r.ok; i++) {
    await sleep(pauseMs);
    r = await readyz(c, timeoutMs);
  }
  return r;
}

const probes = {
  etcd: async (c) => {
    const r = await request(`http://127.0.0.1:${c.ports.etcd}/health`, { timeoutMs: 2000 });
    return r.status === 200 && /"health":\s*"true"/.test(r.body);
  },
  'kube-apiserver': async (c) => (await readyz(c)).ok,
  'kube-controller-manager': async (c) => (await request(`https://127.0.0.1:${c.ports.controllerManager}/healthz`, { insecure: true })).status === 200,
  'kube-scheduler': async (c) => (await request(`https://127.0.0.1:${c.ports.scheduler}/healthz`, { insecure: true })).status === 200,
  kwok: async (c) => (await request(`https://127.0.0.1:${c.ports.kwok}/healthz`, { insecure: true })).status === 200,
  'echo-server': async (c) => (await request(`http://127.0.0.1:${c.ports.echo}/`)).status === 200,
  // /livez, not /readyz: metrics-server is ready only once it holds two scrapes of some pod.
  [METRICS_SERVER]: async (c) => (await request(`https://127.0.0.1:${c.metricsPort}/livez`, { insecure: true })).status === 200,
};

async function waitFor(what, fn, { timeoutMs = 60_000, intervalMs = 200, check } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (check) check();
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await sleep(intervalMs);
  }
}

/** Starts a component and waits for its health probe; fails fast with its log tail if it dies. */
async function startAndWait(c, name, timeoutMs = 60_000) {
  // A restart right after a stop: the port the component listens on may not be released yet (an exiting
  // process, a socket the kernel still tears down). Wait for it, and say who holds it if it stays taken.
  const port = { etcd: c.ports.etcd, 'kube-apiserver': c.ports.apiserver }[name];
  if (port) {
    await waitFor(`port ${port} to be free for ${name}`, () => portFree(port), { timeoutMs: 10_000, intervalMs: 100 }).catch((err) => {
      const owner = portOwner(port);
      throw new Error(`${err.message}${owner ? ` (held by pid ${owner.pid}: ${owner.cmdline.join(' ').slice(0, 200)})` : ''}`);
    });
  }
  const pid = startProcess(c, name);
  await waitFor(`${name} to become healthy`, () => probes[name](c), {
    timeoutMs,
    check: () => {
      if (!isOurs(c, pid)) throw new Error(`${name} exited during startup; last lines of ${logFile(c, name)}:\n${tailLog(c, name)}`);
    },
  });
  return pid;
}

// ── ports ──────────────────────────────────────────────────────────────────────────────────────────

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * A base port for another cluster whose eight ports (basePort+0..6 and metrics-server's +7) are all free
 * now, picked at random below the ephemeral range (32768+), so tests never collide with a fixed port.
 * @param {{ from?: number, to?: number, tries?: number }} [opts]
 */
export async function freeBasePort(opts = {}) {
  const from = opts.from ?? 20000;
  const to = opts.to ?? 32000;
  for (let i = 0; i < (opts.tries ?? 50); i++) {
    const base = from + Math.floor(Math.random() * ((to - from) / 10)) * 10;
    let free = true;
    for (let p = base; p < base + 8 && free; p++) free = await portFree(p);
    if (free) return base;
  }
  throw new Error(`no free run of 8 ports found between ${from} and ${to}`);
}

/** Best effort: which process listens on a TCP port (reads /proc/net/tcp* and /proc/<pid>/fd). */
function portOwner(port) {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set();
  for (const f of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text;
    try {
      text = fs.readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[1].endsWith(`:${hex}`) && cols[3] === '0A') inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let fds;
    try {
      fds = fs.readdirSync(`/proc/${d}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${d}/fd/${fd}`));
        if (m && inodes.has(m[1])) return procInfo(Number(d)) ?? { pid: Number(d), cmdline: [] };
      } catch {
        // raced with the process
      }
    }
  }
  return undefined;
}

async function assertPortsFree(c) {
  const busy = [];
  for (const [role, port] of Object.entries({ ...c.ports, ...(c.metricsServer ? { metricsServer: c.metricsPort } : {}) })) {
    if (!(await portFree(port))) busy.push({ role, port, owner: portOwner(port) });
  }
  if (busy.length === 0) return;
  const lines = busy.map(({ role, port, owner }) => {
    const who = owner ? `pid ${owner.pid}: ${owner.cmdline.join(' ').slice(0, 200)}` : 'unknown process (try: ss -ltnp)';
    const ours = owner?.cmdline?.some((a) => a.includes(c.stateDir));
    return `  127.0.0.1:${port} (${role}) is in use by ${who}${ours ? `\n    it belongs to this cluster's state dir but has no pid file; stop it with: kill ${owner.pid}` : ''}`;
  });
  throw new Error(`cannot start test cluster "${c.name}": ports in use\n${lines.join('\n')}\n` +
    `Either stop those processes, or start this cluster on other ports (startCluster({ basePort }) / --base-port).`);
}

// ── locking (one `up`/`down` per state dir at a time; other test runs and agents share the default cluster)

async function withLock(c, fn, opts = {}) {
  fs.mkdirSync(c.stateDir, { recursive: true, mode: 0o700 });
  return withLockFile(sd(c, 'lock'), `working on cluster "${c.name}"`, fn, opts);
}

async function withLockFile(lock, what, fn, { timeoutMs = 1_800_000, log = defaultLog } = {}) {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let holder;
      let ageMs;
      try {
        holder = Number(fs.readFileSync(lock, 'utf8').trim() || 0);
        ageMs = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      // An empty lock file was either just created by another process (give it a moment) or left by one
      // that died between creating and writing it.
      if ((holder && !procInfo(holder)) || (!holder && ageMs > 5000)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (held by pid ${holder})`, { cause: err });
      if (!told) log(`waiting for another process (pid ${holder}) ${what}`);
      told = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

// ── cluster-level operations ───────────────────────────────────────────────────────────────────────

function processTable(c) {
  return componentsOf(c).map((name) => {
    const pid = readPid(c, name);
    return { name, pid: pid ?? null, alive: pid ? isOurs(c, pid) : false, log: logFile(c, name) };
  });
}

async function nodesReady(c) {
  const r = await api(c, '/api/v1/nodes', { timeoutMs: 10_000 });
  if (r.status !== 200 || !r.json) return { ready: 0, total: 0, names: [] };
  const names = r.json.items.filter((n) => n.status?.conditions?.some((k) => k.type === 'Ready' && k.status === 'True')).map((n) => n.metadata.name);
  return { ready: names.length, total: r.json.items.length, names };
}

/**
 * @param {string | { name?: string, stateDir?: string }} [arg]
 */
export async function clusterStatus(arg) {
  const c = resolveCluster(typeof arg === 'string' ? { name: arg } : arg);
  const processes = processTable(c);
  const rz = processes.find((p) => p.name === 'kube-apiserver')?.alive ? await readyzPatiently(c) : { ok: false, status: 0, body: 'kube-apiserver not running' };
  const nodes = rz.ok ? await nodesReady(c) : { ready: 0, total: 0, names: [] };
  const saved = readJson(sd(c, 'cluster.json'));
  // A cluster started by this checkout before the hash left the checkout's folder out is current too.
  const sameSpec = saved?.specHash === specHash(c) || saved?.specHash === specHash(c, TEST_CLUSTER_DIR);
  const current = saved?.binDir === c.binDir && sameSpec && JSON.stringify(saved?.ports) === JSON.stringify(c.ports);
  const healthy = processes.every((p) => p.alive) && rz.ok && nodes.ready >= NODE_NAMES.length && current;
  return {
    name: c.name,
    stateDir: c.stateDir,
    kubeconfigPath: c.kubeconfigPath,
    apiServerUrl: c.apiServerUrl,
    contexts: c.contexts,
    ports: c.ports,
    processes,
    readyz: rz,
    nodesReady: nodes.ready,
    // false when the running processes were started with other versions, ports or settings
    upToDate: current,
    healthy,
  };
}

async function stopAll(c, opts = {}) {
  const log = opts.log ?? defaultLog;
  const order = [...COMPONENTS, METRICS_SERVER].reverse();
  // Everything that talks to the API server first (in parallel), then the API server, then etcd.
  const clients = order.filter((n) => n !== 'kube-apiserver' && n !== 'etcd');
  const stopped = await Promise.all(clients.map((n) => stopProcess(c, n, { log, timeoutMs: opts.timeoutMs })));
  const a = await stopProcess(c, 'kube-apiserver', { log, timeoutMs: opts.timeoutMs ?? 15_000 });
  const e = await stopProcess(c, 'etcd', { log, timeoutMs: opts.timeoutMs });
  return [...clients.filter((_, i) => stopped[i]), ...(a ? ['kube-apiserver'] : []), ...(e ? ['etcd'] : [])];
}

/**
 * Stops a cluster's processes (from pid files). purge also deletes its state dir.
 * @param {{ name?: string, stateDir?: string, purge?: boolean, log?: (m: string) => void, timeoutMs?: number }} [opts]
 */
export async function stopCluster(opts = {}) {
  const c = resolveCluster(opts);
  const log = opts.log ?? defaultLog;
  if (!fs.existsSync(c.stateDir)) return { stopped: [] };
  const result = await withLock(c, async () => {
    const stopped = await stopAll(c, opts);
    if (opts.purge) {
      // keep the lock file until withLock removes it
      for (const e of fs.readdirSync(c.stateDir)) if (e !== 'lock') fs.rmSync(sd(c, e), { recursive: true, force: true });
    }
    log(`cluster "${c.name}" stopped${stopped.length ? ` (${stopped.join(', ')})` : ' (nothing was running)'}${opts.purge ? '; state removed' : ''}`);
    return { stopped };
  }, { log });
  if (opts.purge) {
    try {
      fs.rmdirSync(c.stateDir); // only if still empty (nobody started it again meanwhile)
    } catch {
      // not empty or already gone
    }
  }
  return result;
}

function timer(log) {
  const t0 = Date.now();
  let last = t0;
  const times = {};
  return {
    times,
    phase(name) {
      const now = Date.now();
      times[name] = now - last;
      log(`${name}: ${((now - last) / 1000).toFixed(1)}s`);
      last = now;
    },
    total: () => Date.now() - t0,
  };
}

/** Objects every cluster has from `up` on: the KWOK nodes, namespace demo, and the limited user's RBAC. */
function bootstrapObjects(c) {
  const zones = ['zone-a', 'zone-b', 'zone-c'];
  const nodes = NODE_NAMES.map((name, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': 'kwok.fake',
        'topology.kubernetes.io/zone': zones[i % zones.length],
        type: 'kwok',
      },
      annotations: {
        'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0',
        // Where metrics-server scrapes this node's simulated kubelet resource metrics (served by kwok).
        [RESOURCE_METRICS_PATH_ANNOTATION]: `/metrics/nodes/${name}/metrics/resource`,
      },
    },
    spec: {},
    status: {
      // 3 × 25 000 pods: room for the 60k-pod benchmarks.
      allocatable: { cpu: '1000', memory: '4Ti', pods: '25000', 'ephemeral-storage': '10Ti' },
      capacity: { cpu: '1000', memory: '4Ti', pods: '25000', 'ephemeral-storage': '10Ti' },
      addresses: [{ type: 'InternalIP', address: '127.0.0.1' }, { type: 'Hostname', address: name }],
      nodeInfo: {
        architecture: 'amd64', operatingSystem: 'linux', osImage: 'KWOK simulated node',
        kernelVersion: `kwok-${c.versions.KWOK_VERSION}`, kubeletVersion: c.versions.K8S_VERSION,
        containerRuntimeVersion: `kwok://${c.versions.KWOK_VERSION}`,
        machineID: '', systemUUID: '', bootID: '', kubeProxyVersion: '',
      },
    },
  }));
  return [
    ...nodes,
    ...(c.metricsServer ? metricsApiObjects(c.metricsPort) : []),
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: LIMITED_NAMESPACE } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `${LIMITED_USER}-edit`, namespace: LIMITED_NAMESPACE },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: LIMITED_USER }],
    },
  ];
}

/** kubectl against this cluster as admin (or another context). */
function kubectlFor(c) {
  return (args, opts = {}) => runKubectl(args, { kubeconfig: c.kubeconfigPath, context: c.contexts.admin, ...opts });
}

async function applyObjects(c, objects, fieldManager = 'wheelhouse-test-cluster') {
  const list = { apiVersion: 'v1', kind: 'List', items: objects };
  await kubectlFor(c)(['apply', '--server-side', '--force-conflicts', `--field-manager=${fieldManager}`, '-f', '-'], { input: JSON.stringify(list) });
}

async function waitClusterUsable(c, tm) {
  await waitFor('3 KWOK nodes Ready', async () => (await nodesReady(c)).ready >= NODE_NAMES.length, { timeoutMs: 60_000 });
  // Fresh heartbeats from this kwok run (a restarted cluster still has Ready nodes from last time).
  const since = Date.now() - 5_000;
  await waitFor('node leases renewed by kwok', async () => {
    const r = await api(c, '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases');
    if (r.status !== 200) return false;
    const fresh = r.json.items.filter((l) => NODE_NAMES.includes(l.metadata.name) && Date.parse(l.spec?.renewTime ?? 0) >= since);
    return fresh.length >= NODE_NAMES.length;
  }, { timeoutMs: 60_000 });
  tm.phase('nodes Ready');
  await waitFor('default ServiceAccounts', async () => {
    for (const ns of ['default', LIMITED_NAMESPACE]) {
      if ((await api(c, `/api/v1/namespaces/${ns}/serviceaccounts/default`)).status !== 200) return false;
    }
    return true;
  }, { timeoutMs: 60_000 });
  tm.phase('default ServiceAccount');
}

function handle(c, extra = {}, log = defaultLog) {
  return {
    name: c.name,
    stateDir: c.stateDir,
    kubeconfigPath: c.kubeconfigPath,
    contexts: c.contexts,
    apiServerUrl: c.apiServerUrl,
    ports: c.ports,
    binDir: c.binDir,
    ...extra,
    kubectl: kubectlFor(c),
    status: () => clusterStatus({ name: c.name, stateDir: c.stateDir }),
    stop: (o = {}) => stopCluster({ name: c.name, stateDir: c.stateDir, log, ...o }),
    // A SIGTERMed API server keeps open watch connections for up to 60 s (its request timeout) before
    // exiting, so by default it gets 5 s and then SIGKILL.
    stopApiServer: async (o = {}) => {
      await stopProcess(c, 'kube-apiserver', { timeoutMs: 5000, log, ...o });
    },
    startApiServer: async (o = {}) => {
      if (isOurs(c, readPid(c, 'kube-apiserver'))) return;
      await startAndWait(c, 'kube-apiserver', o.timeoutMs ?? 60_000);
    },
    // metrics-server, for tests of what the metrics API says when it is down (private clusters only).
    stopMetricsServer: async (o = {}) => {
      await stopProcess(c, METRICS_SERVER, { timeoutMs: 5000, log, ...o });
    },
    startMetricsServer: async (o = {}) => {
      if (!c.metricsServer || isOurs(c, readPid(c, METRICS_SERVER))) return;
      await startAndWait(c, METRICS_SERVER, o.timeoutMs ?? 60_000);
    },
    restartApiServer: async (o = {}) => {
      await stopProcess(c, 'kube-apiserver', { timeoutMs: 5000, log, ...o });
      await startAndWait(c, 'kube-apiserver', o.timeoutMs ?? 60_000);
    },
  };
}

/** The components that only talk to the API server: one that died can be started again on its own. */
const CLIENT_COMPONENTS = ['kube-controller-manager', 'kube-scheduler', 'kwok', 'echo-server'];

/**
 * Starts again, one by one, the client components of a running, up-to-date cluster that have exited
 * (kube-scheduler exits on purpose after an API server restart: "Scheduler cache is corrupted", and
 * then pods stay Pending), saying which and why. Does nothing when etcd or the API server is down or
 * the cluster runs with other settings (then `up` restarts it whole). Caller holds the lock.
 */
async function healDeadComponents(c, log) {
  const table = processTable(c);
  const alive = (n) => table.find((p) => p.name === n)?.alive;
  if (!alive('etcd') || !alive('kube-apiserver')) return [];
  const saved = readJson(sd(c, 'cluster.json'));
  const sameSpec = saved?.specHash === specHash(c) || saved?.specHash === specHash(c, TEST_CLUSTER_DIR);
  if (!sameSpec || saved?.binDir !== c.binDir || JSON.stringify(saved?.ports) !== JSON.stringify(c.ports)) return [];
  const restarted = [];
  for (const name of CLIENT_COMPONENTS) {
    if (alive(name)) continue;
    const last = tailLog(c, name, 40).split('\n').filter((l) => l.trim() && !l.startsWith('=====')).slice(-1)[0]?.trim() ?? '(no log)';
    log(`${name} of cluster "${c.name}" had exited (last log line: ${last.slice(0, 300)}); starting it again`);
    const pid = await startAndWait(c, name, 60_000);
    log(`${name} restarted (pid ${pid})`);
    restarted.push({ name, lastLogLine: last });
  }
  return restarted;
}

/**
 * `cluster:status`, `cluster:up` and the tests' setup: restarts the exited client components of a
 * running cluster (see healDeadComponents) and says so. Returns what it restarted.
 * @param {{ name?: string, stateDir?: string, log?: (m: string) => void }} [opts]
 */
export async function restartDeadComponents(opts = {}) {
  const c = resolveCluster(opts);
  if (!fs.existsSync(c.stateDir)) return [];
  return withLock(c, () => healDeadComponents(c, opts.log ?? defaultLog), { log: opts.log ?? defaultLog });
}

/**
 * Starts (or reuses, when already healthy) a cluster. See cluster-lib.d.mts for the options.
 */
export async function startCluster(opts = {}) {
  const log = opts.log ?? defaultLog;
  const tm = timer(log);
  await ensureBinaries({ log });
  if (!metricsServerBuilt()) {
    // One build at a time here too (several test runs may start clusters at once).
    const lock = path.join(path.dirname(pinnedBinDir()), '.metrics-server-build.lock');
    await withLockFile(lock, 'building metrics-server', () => ensureMetricsServerBinary(log), { log });
  }
  const c = resolveCluster(opts);
  if (!c.metricsServer) log('metrics-server is not built: starting without the metrics API');
  tm.phase('binaries');
  return withLock(c, async () => {
    if (!opts.fresh) await healDeadComponents(c, log);
    const before = await clusterStatus({ name: c.name, stateDir: c.stateDir });
    if (before.healthy && !opts.fresh) {
      log(`cluster "${c.name}" is already up and healthy (${c.apiServerUrl})`);
      recordPortableSpecHash(c);
      if (opts.seed) await maybeSeed(c, log, tm, opts.seed === 'force');
      return handle(c, { alreadyRunning: true, times: tm.times }, log);
    }

    // Leftovers of an earlier run: stop whatever the pid files say is ours and still alive.
    const leftovers = await stopAll(c, { log, timeoutMs: 5000 });
    if (leftovers.length) log(`stopped leftover processes of an earlier run: ${leftovers.join(', ')}`);
    await assertPortsFree(c);
    tm.phase('cleanup');

    const saved = readJson(sd(c, 'cluster.json'));
    const stale = saved && (saved.binDir !== c.binDir || JSON.stringify(saved.ports) !== JSON.stringify(c.ports));
    if (opts.fresh || stale) {
      if (stale) log('versions or ports changed since the last run: starting from an empty etcd');
      fs.rmSync(sd(c, 'etcd-data'), { recursive: true, force: true });
      fs.rmSync(sd(c, 'seeded.json'), { force: true });
    }
    ensurePki(c.stateDir, { clusterName: c.name, kubeletNames: NODE_NAMES });
    writeConfigFiles(c);
    tm.phase('pki and config');

    try {
      await startAndWait(c, 'etcd', 30_000);
    } catch (err) {
      if (opts.fresh || !fs.existsSync(sd(c, 'etcd-data', 'member'))) throw err;
      log(`etcd did not start on the existing data (${err.message.split('\n')[0]}); moving etcd-data aside and starting empty`);
      await stopProcess(c, 'etcd', { log });
      fs.renameSync(sd(c, 'etcd-data'), sd(c, `etcd-data.broken-${Date.now()}`));
      fs.mkdirSync(sd(c, 'etcd-data'), { mode: 0o700 });
      fs.rmSync(sd(c, 'seeded.json'), { force: true });
      await startAndWait(c, 'etcd', 30_000);
    }
    tm.phase('etcd');
    await startAndWait(c, 'kube-apiserver', 90_000);
    tm.phase('kube-apiserver /readyz');
    // A new kwok has a new holder identity and would wait for the old node leases (40 s) to expire
    // before managing the nodes and their pods; the previous kwok is gone, so drop its leases.
    await Promise.all(NODE_NAMES.map((n) => api(c, `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${n}`, { method: 'DELETE' })));
    await Promise.all(['kube-controller-manager', 'kube-scheduler', 'kwok', 'echo-server'].map((n) => startAndWait(c, n, 60_000)));
    tm.phase('controller-manager, scheduler, kwok, echo-server');
    writeFileAtomic(sd(c, 'cluster.json'), JSON.stringify({ name: c.name, ports: c.ports, binDir: c.binDir, versions: c.versions, specHash: specHash(c), startedAt: new Date().toISOString() }, null, 2) + '\n', 0o644);
    await applyObjects(c, bootstrapObjects(c));
    tm.phase('nodes, namespace demo, RBAC');
    if (c.metricsServer) {
      await startAndWait(c, METRICS_SERVER, 60_000);
      tm.phase('metrics-server');
    }
    await waitClusterUsable(c, tm);
    if (opts.seed) await maybeSeed(c, log, tm, opts.seed === 'force');
    log(`cluster "${c.name}" ready in ${(tm.total() / 1000).toFixed(1)}s: ${c.apiServerUrl}, kubeconfig ${c.kubeconfigPath}`);
    return handle(c, { alreadyRunning: false, times: tm.times }, log);
  }, { log });
}

async function maybeSeed(c, log, tm, force) {
  const marker = readJson(sd(c, 'seeded.json'));
  if (!force && marker?.version === SEED_VERSION) {
    const r = await api(c, '/apis/apps/v1/namespaces/demo/deployments/web');
    if (r.status === 200) {
      log('demo data already seeded');
      return;
    }
  }
  await seedCluster({ kubeconfigPath: c.kubeconfigPath, context: c.contexts.admin, log });
  writeFileAtomic(sd(c, 'seeded.json'), JSON.stringify({ version: SEED_VERSION, at: new Date().toISOString() }) + '\n', 0o644);
  tm.phase('seed');
}

/**
 * The default cluster for tests: reuse it when healthy (and seeded), else bring it up and seed it.
 * @param {{ seed?: boolean, log?: (m: string) => void }} [opts]
 */
export async function ensureCluster(opts = {}) {
  return startCluster({ name: DEFAULT_CLUSTER_NAME, seed: opts.seed ?? true, log: opts.log });
}
