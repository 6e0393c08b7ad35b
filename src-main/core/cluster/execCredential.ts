import { spawn } from 'node:child_process';
import type { ExecConfig, KubeCluster } from '../kubeconfig/kubeconfigTypes';
import { CredentialError } from './apiError';
import { killProcessGroup, trackPluginProcess } from './pluginProcesses';

/** What an exec plugin returns in ExecCredential.status. */
export interface ExecCredentialStatus {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  expirationTimestamp?: string;
}

/** What a person is shown about the plugin: running (since when, its stderr so far), or failed / cancelled. */
export interface PluginActivity {
  command: string;
  phase: 'running' | 'failed' | 'cancelled';
  startedAt: string;
  /** The tail of its stderr (a login URL, a device code, a prompt). */
  stderr: string;
  /** After a failure, when a request that needs the credential may run it again. */
  retryAt?: string;
}

export interface ExecPluginTiming {
  /** A run still going after this long is shown (command, elapsed, stderr). */
  reportAfterMs: number;
  /** A run is stopped (its process group killed) after this long. */
  timeoutMs: number;
  /** The first wait after a failure; it doubles per failure up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_PLUGIN_TIMING: ExecPluginTiming = { reportAfterMs: 3_000, timeoutMs: 120_000, backoffMs: 5_000, maxBackoffMs: 300_000 };

const DEFAULT_API_VERSION = 'client.authentication.k8s.io/v1beta1';
const SUPPORTED = new Set(['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1']);
const STDOUT_CAP = 1 << 20;
const STDERR_KEEP = 8_192;

/**
 * A client-go credential plugin (users[].user.exec) run like kubectl runs it: the user's environment
 * plus `env`, KUBERNETES_EXEC_INFO describing the request (never interactive: the app has no
 * terminal), the answer cached until its expirationTimestamp. Unlike kubectl, which runs once per
 * command, the app asks all the time, so: one run at a time (every waiting request shares it), after
 * a failure no new run until an exponential backoff has passed (requests in between get the failure),
 * a run still going is reported with its stderr (it may wait for a browser login), can be cancelled,
 * and is stopped after a timeout; its process group is killed on cancel, timeout and app exit.
 */
export class ExecCredentialPlugin {
  private cached: ExecCredentialStatus | undefined;
  private running: { promise: Promise<ExecCredentialStatus>; cancel(): void } | undefined;
  private failure: { error: CredentialError; retryAt: number } | undefined;
  private failures = 0;
  private cancelled = false;
  private activityNow: PluginActivity | undefined;
  private readonly listeners = new Set<(a: PluginActivity | undefined) => void>();
  /** How many times the command was started (tests, the debug log). */
  runs = 0;

  constructor(private readonly exec: ExecConfig, private readonly cluster: KubeCluster, private readonly timing: ExecPluginTiming = DEFAULT_PLUGIN_TIMING) {}

  get commandLine(): string { return [this.exec.command, ...(this.exec.args ?? [])].join(' '); }

  /** The plugin's visible activity (undefined when idle and healthy). */
  get activity(): PluginActivity | undefined { return this.activityNow; }

  onActivity(l: (a: PluginActivity | undefined) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  async credential(): Promise<ExecCredentialStatus> {
    const c = this.cached;
    if (c && (!c.expirationTimestamp || Date.parse(c.expirationTimestamp) > Date.now())) return c;
    if (this.running) return this.running.promise;
    if (this.cancelled) throw new CredentialError(`The credential plugin \`${this.commandLine}\` was cancelled. Press Retry to run it again.`, this.commandLine);
    if (this.failure && Date.now() < this.failure.retryAt) throw this.failure.error;
    const invalid = this.invalidConfig();
    if (invalid) throw this.fail(invalid);
    this.running = this.start();
    return this.running.promise;
  }

  /** Forgets the cached credential (after a 401 it may have been revoked before its stated expiry). */
  invalidate(): void { this.cached = undefined; }

  /** Stops a run in progress (its process group is killed); no new run until retryNow(). */
  cancel(): boolean {
    const r = this.running;
    this.cancelled = true;
    if (!r) return false;
    r.cancel();
    return true;
  }

  /** Ends the backoff or a cancellation: the next request runs the plugin at once. */
  retryNow(): void {
    this.cancelled = false;
    this.failure = undefined;
    this.failures = 0;
    if (this.activityNow && !this.running) this.show(undefined);
  }

  /** Kills a run in progress (the app is quitting or the connection closes). */
  stop(): void { this.running?.cancel(); }

  private show(a: PluginActivity | undefined): void {
    this.activityNow = a;
    for (const l of [...this.listeners]) l(a);
  }

  private fail(detail: string, stderr = detail): CredentialError {
    return new CredentialError(`The credential plugin \`${this.commandLine}\` failed: ${detail.trim() || 'no error output'}`, this.commandLine, stderr.trim());
  }

  private start(): NonNullable<typeof this.running> {
    let cancel = () => {};
    const startedAt = new Date();
    const promise = new Promise<ExecCredentialStatus>((resolve, reject) => {
      this.runs++;
      const e = this.exec;
      const apiVersion = e.apiVersion ?? DEFAULT_API_VERSION;
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const v of e.env ?? []) env[v.name] = v.value;
      env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion, kind: 'ExecCredential', spec: this.spec() });
      let stdout = '';
      let stderr = '';
      let ended = false;
      // Its own process group, so that cancel/timeout/exit reach whatever it started (a browser helper, a shell).
      const proc = spawn(e.command, e.args ?? [], { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: process.platform !== 'win32' });
      const untrack = trackPluginProcess(proc);
      const activity = (phase: PluginActivity['phase']): PluginActivity => ({ command: this.commandLine, phase, startedAt: startedAt.toISOString(), stderr: stderr.slice(-STDERR_KEEP) });
      let reported = false;
      const report = setTimeout(() => { reported = true; this.show(activity('running')); }, this.timing.reportAfterMs);
      const timeout = setTimeout(() => finish(this.fail(
        `it did not finish within ${Math.round(this.timing.timeoutMs / 1000)} s and was stopped. If it waits for a login in your browser or a prompt, complete it and press Retry.`, stderr)), this.timing.timeoutMs);
      report.unref?.(); timeout.unref?.();
      const finish = (err: CredentialError | undefined, status?: ExecCredentialStatus) => {
        if (ended) return;
        ended = true;
        clearTimeout(report); clearTimeout(timeout);
        untrack();
        if (proc.exitCode === null && proc.signalCode === null) killProcessGroup(proc);
        this.running = undefined;
        if (err) {
          this.failures++;
          const wait = Math.min(this.timing.backoffMs * 2 ** (this.failures - 1), this.timing.maxBackoffMs);
          const retryAt = Date.now() + wait;
          const cancelled = this.cancelled;
          const error = cancelled ? err : new CredentialError(`${err.message} Next attempt in ${Math.round(wait / 1000)} s, or press Retry.`, err.command, err.stderr);
          this.failure = { error, retryAt };
          this.show({ ...activity(cancelled ? 'cancelled' : 'failed'), ...(cancelled ? {} : { retryAt: new Date(retryAt).toISOString() }) });
          reject(error);
        } else {
          this.failures = 0;
          this.failure = undefined;
          this.cached = status;
          if (reported || this.activityNow) this.show(undefined);
          resolve(status!);
        }
      };
      cancel = () => finish(new CredentialError(`The credential plugin \`${this.commandLine}\` was cancelled${stderr.trim() ? ` (its last output: ${stderr.trim().split('\n').pop()})` : ''}. Press Retry to run it again.`, this.commandLine, stderr.trim()));
      proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        if (stdout.length > STDOUT_CAP) finish(this.fail(`its output exceeded ${STDOUT_CAP} bytes`, stderr));
      });
      proc.stderr!.setEncoding('utf8').on('data', (d: string) => {
        stderr = (stderr + d).slice(-STDERR_KEEP);
        if (reported && !ended) this.show(activity('running'));
      });
      proc.on('error', (err: NodeJS.ErrnoException) => {
        const hint = err.code === 'ENOENT' && e.installHint ? `\n${e.installHint}` : '';
        finish(this.fail(`${err.message}${hint}`));
      });
      proc.on('close', (code, signal) => {
        if (code !== 0) return finish(this.fail(stderr || `exit ${code ?? signal}`, stderr));
        try {
          finish(undefined, this.parse(stdout, apiVersion));
        } catch (err) {
          finish(this.fail((err as Error).message, stderr));
        }
      });
    });
    return { promise, cancel: () => cancel() };
  }

  private invalidConfig(): string | undefined {
    const e = this.exec;
    const apiVersion = e.apiVersion ?? DEFAULT_API_VERSION;
    if (!e.command) return 'the exec configuration names no command';
    if (!SUPPORTED.has(apiVersion)) return `unsupported exec apiVersion ${apiVersion}`;
    if (e.interactiveMode === 'Always') return 'it needs an interactive terminal (interactiveMode: Always); run it in a terminal first';
    return undefined;
  }

  private spec(): object {
    if (!this.exec.provideClusterInfo) return { interactive: false };
    const c = this.cluster;
    const cluster: Record<string, unknown> = { server: c.server };
    if (c.tlsServerName) cluster['tls-server-name'] = c.tlsServerName;
    if (c.skipTLSVerify) cluster['insecure-skip-tls-verify'] = true;
    if (c.caData) cluster['certificate-authority-data'] = c.caData;
    if (c.proxyUrl) cluster['proxy-url'] = c.proxyUrl;
    return { interactive: false, cluster };
  }

  private parse(stdout: string, apiVersion: string): ExecCredentialStatus {
    let obj: any;
    try { obj = JSON.parse(stdout); } catch { throw new Error(`its output is not an ExecCredential (${stdout.length} bytes of non-JSON)`); }
    if (obj?.kind !== 'ExecCredential') throw new Error(`its output is a ${obj?.kind ?? 'document without kind'}, not an ExecCredential`);
    if (obj.apiVersion && obj.apiVersion !== apiVersion) throw new Error(`it answered ${obj.apiVersion} but is configured for ${apiVersion}`);
    const s = obj.status ?? {};
    const status: ExecCredentialStatus = {};
    for (const k of ['token', 'clientCertificateData', 'clientKeyData', 'expirationTimestamp'] as const) if (typeof s[k] === 'string' && s[k]) status[k] = s[k];
    if (!!status.clientCertificateData !== !!status.clientKeyData) throw new Error('it returned a client certificate without its key (or a key without its certificate)');
    if (!status.token && !status.clientCertificateData) throw new Error('it returned neither a token nor a client certificate');
    return status;
  }
}

const shared = new Map<string, { plugin: ExecCredentialPlugin; refs: number }>();

/**
 * The one plugin for a user entry: contexts that name the same user (and, when the plugin is given
 * the cluster's details, the same cluster) share its runs, its cached credential and its backoff.
 * `release` when the connection closes; the last release stops a run in progress.
 */
export function acquireExecPlugin(exec: ExecConfig, cluster: KubeCluster): { plugin: ExecCredentialPlugin; release(): void } {
  const key = JSON.stringify([exec, exec.provideClusterInfo ? cluster : null]);
  let entry = shared.get(key);
  if (!entry) shared.set(key, entry = { plugin: new ExecCredentialPlugin(exec, cluster), refs: 0 });
  entry.refs++;
  const e = entry;
  let released = false;
  return {
    plugin: e.plugin,
    release: () => {
      if (released) return;
      released = true;
      if (--e.refs > 0) return;
      shared.delete(key);
      e.plugin.stop();
    },
  };
}
