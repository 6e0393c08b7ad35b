import { spawn } from 'node:child_process';
import type { ExecConfig, KubeCluster } from '../kubeconfig/kubeconfigTypes';
import { CredentialError } from './apiError';

/** What an exec plugin returns in ExecCredential.status. */
export interface ExecCredentialStatus {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  expirationTimestamp?: string;
}

const DEFAULT_API_VERSION = 'client.authentication.k8s.io/v1beta1';
const SUPPORTED = new Set(['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1']);

/**
 * A client-go credential plugin (users[].user.exec) run like kubectl runs it: the user's environment
 * plus `env`, KUBERNETES_EXEC_INFO describing the request (never interactive: the app has no
 * terminal), the answer cached until its expirationTimestamp. Concurrent callers share one run.
 */
export class ExecCredentialPlugin {
  private cached: ExecCredentialStatus | undefined;
  private running: Promise<ExecCredentialStatus> | undefined;

  constructor(private readonly exec: ExecConfig, private readonly cluster: KubeCluster) {}

  get commandLine(): string { return [this.exec.command, ...(this.exec.args ?? [])].join(' '); }

  async credential(): Promise<ExecCredentialStatus> {
    const c = this.cached;
    if (c && (!c.expirationTimestamp || Date.parse(c.expirationTimestamp) > Date.now())) return c;
    this.running ??= this.run().then(
      (status) => { this.cached = status; this.running = undefined; return status; },
      (err) => { this.running = undefined; throw err; },
    );
    return this.running;
  }

  /** Forgets the cached credential (after a 401 it may have been revoked before its stated expiry). */
  invalidate(): void { this.cached = undefined; }

  private fail(detail: string, stderr = detail): CredentialError {
    return new CredentialError(`The credential plugin \`${this.commandLine}\` failed: ${detail.trim() || 'no error output'}`, this.commandLine, stderr.trim());
  }

  private run(): Promise<ExecCredentialStatus> {
    const e = this.exec;
    const apiVersion = e.apiVersion ?? DEFAULT_API_VERSION;
    if (!e.command) return Promise.reject(this.fail('the exec configuration names no command'));
    if (!SUPPORTED.has(apiVersion)) return Promise.reject(this.fail(`unsupported exec apiVersion ${apiVersion}`));
    if (e.interactiveMode === 'Always') {
      return Promise.reject(this.fail('it needs an interactive terminal (interactiveMode: Always); run it in a terminal first'));
    }
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const v of e.env ?? []) env[v.name] = v.value;
    env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion, kind: 'ExecCredential', spec: this.spec() });
    return new Promise((resolve, reject) => {
      let stdout = '';
      let stderr = '';
      const child = spawn(e.command, e.args ?? [], { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
      child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
      child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
      child.on('error', (err: NodeJS.ErrnoException) => {
        const hint = err.code === 'ENOENT' && e.installHint ? `\n${e.installHint}` : '';
        reject(this.fail(`${err.message}${hint}`));
      });
      child.on('close', (code, signal) => {
        if (code !== 0) return reject(this.fail(stderr || `exit ${code ?? signal}`, stderr));
        try {
          resolve(this.parse(stdout, apiVersion));
        } catch (err) {
          reject(this.fail((err as Error).message, stderr));
        }
      });
    });
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
