import type { KubectlOptions } from './kubectl.mjs';

export const DEFAULT_CLUSTER_NAME: 'wheelhouse';
export const NODE_NAMES: string[];
export const LIMITED_USER: 'limited-user';
export const LIMITED_NAMESPACE: 'demo';
export const COMPONENTS: string[];
/** What the echo server answers; every pod port-forward ends there. */
export const ECHO_BODY: string;

export interface ClusterPorts {
  etcd: number;
  etcdPeer: number;
  apiserver: number;
  controllerManager: number;
  scheduler: number;
  /** KWOK's kubelet server (logs/exec/port-forward); every node's daemonEndpoints port. */
  kwok: number;
  /** The echo HTTP server that port-forwards reach. */
  echo: number;
}

export interface ClusterContexts {
  /** `<name>-admin`: cluster-admin via client cert (O=system:masters); the current-context. */
  admin: string;
  /** `<name>-limited`: CN=limited-user, RoleBinding to ClusterRole edit in namespace demo only. */
  limited: string;
}

export interface ClusterSelector {
  /** Default 'wheelhouse'. Lowercase letters, digits, dashes. */
  name?: string;
  /** Default ~/.cache/wheelhouse/clusters/<name> (WHEELHOUSE_CACHE overrides ~/.cache/wheelhouse). */
  stateDir?: string;
}

export interface StartClusterOptions extends ClusterSelector {
  /** Non-default clusters use basePort+0..6; default: fixed ports for 'wheelhouse', a name-derived block otherwise. */
  basePort?: number;
  /** true/'auto': seed unless already seeded; 'force': always apply the seed. Default false. */
  seed?: boolean | 'auto' | 'force';
  /** Wipe etcd data first (and restart even if healthy). */
  fresh?: boolean;
  /** Progress lines (phase timings). Default: stderr. */
  log?: (msg: string) => void;
}

export interface ProcessState {
  name: string;
  pid: number | null;
  alive: boolean;
  log: string;
}

export interface ClusterStatus {
  name: string;
  stateDir: string;
  kubeconfigPath: string;
  apiServerUrl: string;
  contexts: ClusterContexts;
  ports: ClusterPorts;
  processes: ProcessState[];
  readyz: { ok: boolean; status: number; body: string };
  nodesReady: number;
  /** false when the running processes were started with other versions, ports or settings. */
  upToDate: boolean;
  healthy: boolean;
}

export interface ClusterHandle {
  name: string;
  stateDir: string;
  kubeconfigPath: string;
  contexts: ClusterContexts;
  /** https://127.0.0.1:<apiserver port> */
  apiServerUrl: string;
  ports: ClusterPorts;
  binDir: string;
  /** true when startCluster found it already up and healthy and did not restart anything. */
  alreadyRunning: boolean;
  /** Phase name → milliseconds. */
  times: Record<string, number>;
  /** kubectl against this cluster; context defaults to the admin context. */
  kubectl(args: string[], opts?: KubectlOptions): Promise<string>;
  status(): Promise<ClusterStatus>;
  /** Stops every process of this cluster; purge also deletes its state dir. */
  stop(opts?: { purge?: boolean; timeoutMs?: number }): Promise<{ stopped: string[] }>;
  /** SIGTERM (or the given signal) to the API server only, SIGKILL after timeoutMs (default 10 000). */
  stopApiServer(opts?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<void>;
  /** Starts the API server again (no-op when running) and waits for /readyz. */
  startApiServer(opts?: { timeoutMs?: number }): Promise<void>;
  restartApiServer(opts?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<void>;
  /** Stops metrics-server (the metrics API turns unavailable); only for clusters a test started itself. */
  stopMetricsServer(opts?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<void>;
  /** Starts metrics-server again (no-op when running or not built) and waits for its /readyz. */
  startMetricsServer(opts?: { timeoutMs?: number }): Promise<void>;
}

export function portsFor(name: string, basePort?: number): ClusterPorts;
export function resolveCluster(opts?: ClusterSelector & { basePort?: number; binDir?: string }): {
  name: string; stateDir: string; ports: ClusterPorts; binDir: string; kubeconfigPath: string; apiServerUrl: string;
  contexts: ClusterContexts; versions: { K8S_VERSION: string; ETCD_VERSION: string; KWOK_VERSION: string };
};
/** Runs build.sh when a binary is missing; returns the bin dir. */
export function ensureBinaries(opts?: { log?: (msg: string) => void }): Promise<string>;
/** Starts a cluster, or returns a handle to it when it is already up and healthy. */
export function startCluster(opts?: StartClusterOptions): Promise<ClusterHandle>;
/** A base port whose eight ports (a cluster's seven and metrics-server's) are free now, picked at random in [from, to). */
export function freeBasePort(opts?: { from?: number; to?: number; tries?: number }): Promise<number>;
/** The default cluster, seeded: reused when healthy, else brought up. Never stopped by tests. */
export function ensureCluster(opts?: { seed?: boolean; log?: (msg: string) => void }): Promise<ClusterHandle>;
export function stopCluster(opts?: ClusterSelector & { purge?: boolean; timeoutMs?: number; log?: (msg: string) => void }): Promise<{ stopped: string[] }>;
export function clusterStatus(arg?: string | ClusterSelector): Promise<ClusterStatus>;
/**
 * Starts again the client components (controller-manager, scheduler, kwok, echo server) of a running,
 * up-to-date cluster that have exited, logging which and their last log line; `up`, `status` and
 * ensureCluster call it. Returns what it restarted.
 */
export function restartDeadComponents(opts?: ClusterSelector & { log?: (msg: string) => void }): Promise<{ name: string; lastLogLine: string }[]>;
/** Applies the demo data set idempotently and waits until it has settled. */
export function seedCluster(opts: { kubeconfigPath: string; context?: string; log?: (msg: string) => void }): Promise<{ ms: number }>;
export function binDir(): string;
export function defaultStateDir(name?: string): string;
export function readVersions(): { K8S_VERSION: string; ETCD_VERSION: string; KWOK_VERSION: string };
