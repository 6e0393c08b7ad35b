import { readFileSync } from 'node:fs';
import type { KubeCluster, KubeUser } from '../kubeconfig/kubeconfigTypes';
import { CredentialError } from './apiError';
import { checkClientCertificate } from './clientCertificate';
import { acquireExecPlugin, type ExecCredentialPlugin, type ExecCredentialStatus } from './execCredential';

/** What a TLS connection to the API server is made with. A new object means new connections. */
export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  servername?: string;
  /** Only ever false (insecure-skip-tls-verify); otherwise Node's default applies. */
  rejectUnauthorized?: false;
}

export interface RequestCredentials {
  /** Header pairs (Impersonate-Group may repeat). */
  headers: [string, string][];
  tls: TlsMaterial;
}

/** client-node's auth-provider plugins take a user and options to put an Authorization header in. */
interface AuthProviderPlugin { applyAuthentication(user: unknown, opts: { headers: Record<string, string> }): Promise<void> }

/** Files named in a kubeconfig are read again at most this often (client-go re-reads token files every minute). */
const REREAD_MS = 60_000;

/**
 * One context's credentials, resolved per request: TLS material (CA, client certificate from the
 * kubeconfig or from the exec plugin), impersonation, basic auth, bearer token (inline, token file,
 * exec plugin, auth-provider). Precedence as in client-node: an inline token wins over a plugin's.
 */
export class ContextAuth {
  readonly plugin: ExecCredentialPlugin | undefined;
  private readonly releasePlugin: () => void = () => {};
  private readonly fixedHeaders: [string, string][] = [];
  private fileTls: { at: number; tls: TlsMaterial } | undefined;
  private execTls: { status: ExecCredentialStatus; base: TlsMaterial; tls: TlsMaterial } | undefined;
  private token: { at: number; value: string } | undefined;
  private provider: Promise<AuthProviderPlugin | undefined> | undefined;

  constructor(private readonly cluster: KubeCluster, private readonly user: KubeUser) {
    if (user.exec) ({ plugin: this.plugin, release: this.releasePlugin } = acquireExecPlugin(user.exec, cluster));
    if (user.impersonateUser) this.fixedHeaders.push(['Impersonate-User', user.impersonateUser]);
    if (user.impersonateUid) this.fixedHeaders.push(['Impersonate-Uid', user.impersonateUid]);
    for (const g of user.impersonateGroups ?? []) this.fixedHeaders.push(['Impersonate-Group', g]);
    for (const [k, vs] of Object.entries(user.impersonateExtra ?? {})) {
      for (const v of vs ?? []) this.fixedHeaders.push([`Impersonate-Extra-${encodeURIComponent(k)}`, String(v)]);
    }
    if (user.username) this.fixedHeaders.push(['Authorization', `Basic ${Buffer.from(`${user.username}:${user.password ?? ''}`).toString('base64')}`]);
  }

  get execCommand(): string | undefined { return this.plugin?.commandLine; }

  async resolve(): Promise<RequestCredentials> {
    const headers = [...this.fixedHeaders];
    let tls = this.tlsFromFiles();
    const bearer = (token: string | undefined) => {
      if (!token) return;
      const i = headers.findIndex(([k]) => k === 'Authorization');
      if (i >= 0) headers.splice(i, 1);
      headers.push(['Authorization', `Bearer ${token}`]);
    };
    if (this.plugin) {
      const status = await this.plugin.credential();
      bearer(status.token);
      if (status.clientCertificateData) tls = this.tlsFromExec(status, tls);
    } else if (this.user.authProvider) {
      bearer(await this.authProviderToken());
    }
    bearer(this.user.token ?? this.tokenFromFile());
    checkClientCertificate(tls.cert, this.user.name, tls.cert === this.execTls?.tls.cert ? `from the credential plugin \`${this.execCommand}\`` : 'from the kubeconfig');
    return { headers, tls };
  }

  /** This context no longer needs the exec plugin (its connection closed). */
  close(): void { this.releasePlugin(); }

  /** Forgets exec-plugin credentials so the next request runs the plugin again; false if there are none. */
  invalidate(): boolean {
    if (!this.plugin) return false;
    this.plugin.invalidate();
    return true;
  }

  private read(what: string, file: string): Buffer {
    try {
      return readFileSync(file);
    } catch (err: any) {
      const why = err?.code === 'ENOENT' ? 'the file does not exist' : err?.code === 'EACCES' ? 'permission denied' : String(err?.message ?? err);
      throw new CredentialError(`Could not read the ${what} ${file} named by user "${this.user.name}" or cluster "${this.cluster.name}" in the kubeconfig: ${why}.`, undefined, String(err?.code ?? ''));
    }
  }

  /** CA and client certificate named in the kubeconfig; files are re-read each minute, so rotated ones are picked up. */
  private tlsFromFiles(): TlsMaterial {
    if (this.fileTls && Date.now() - this.fileTls.at < REREAD_MS) return this.fileTls.tls;
    const c = this.cluster;
    const u = this.user;
    const tls: TlsMaterial = {};
    const ca = c.caFile ? this.read('certificate authority', c.caFile) : c.caData ? Buffer.from(c.caData, 'base64') : undefined;
    if (ca) tls.ca = ca;
    const cert = u.certFile ? this.read('client certificate', u.certFile) : u.certData ? Buffer.from(u.certData, 'base64') : undefined;
    const key = u.keyFile ? this.read('client key', u.keyFile) : u.keyData ? Buffer.from(u.keyData, 'base64') : undefined;
    if (cert) tls.cert = cert;
    if (key) tls.key = key;
    if (c.tlsServerName) tls.servername = c.tlsServerName;
    if (c.skipTLSVerify) tls.rejectUnauthorized = false;
    const same = this.fileTls && sameTls(this.fileTls.tls, tls);
    this.fileTls = { at: Date.now(), tls: same ? this.fileTls!.tls : tls };
    return this.fileTls.tls;
  }

  /** The plugin's client certificate over the kubeconfig's; the same object while the plugin returns the same pair. */
  private tlsFromExec(status: ExecCredentialStatus, base: TlsMaterial): TlsMaterial {
    const prev = this.execTls;
    if (prev && prev.status === status && prev.base === base) return prev.tls;
    const tls: TlsMaterial = { ...base, cert: Buffer.from(status.clientCertificateData!, 'utf8'), key: Buffer.from(status.clientKeyData!, 'utf8') };
    this.execTls = { status, base, tls: prev && sameTls(prev.tls, tls) ? prev.tls : tls };
    return this.execTls.tls;
  }

  private tokenFromFile(): string | undefined {
    const file = this.user.tokenFile ?? this.user.authProvider?.config?.tokenFile;
    if (!file) return undefined;
    if (!this.token || Date.now() - this.token.at >= REREAD_MS) this.token = { at: Date.now(), value: this.read('token file', file).toString('utf8').trim() };
    return this.token.value;
  }

  private async authProviderToken(): Promise<string | undefined> {
    this.provider ??= loadAuthProvider(this.user.authProvider!.name);
    const plugin = await this.provider;
    if (!plugin) return undefined;
    const opts = { headers: {} as Record<string, string> };
    try {
      await plugin.applyAuthentication(this.user, opts);
    } catch (err: any) {
      throw new CredentialError(`The ${this.user.authProvider!.name} auth provider failed: ${err?.message ?? err}`);
    }
    return /^Bearer (.+)$/.exec(opts.headers.Authorization ?? '')?.[1];
  }
}

/**
 * client-node's auth-provider plugins, loaded on first use: the OIDC one pulls in client-node's
 * KubeConfig and the generated API (~80 MB), which a kubeconfig without auth-provider never needs.
 */
async function loadAuthProvider(name: string): Promise<AuthProviderPlugin | undefined> {
  switch (name) {
    case 'oidc': return new (await import('@kubernetes/client-node/dist/oidc_auth.js')).OpenIDConnectAuth() as AuthProviderPlugin;
    case 'azure': return new (await import('@kubernetes/client-node/dist/azure_auth.js')).AzureAuth() as AuthProviderPlugin;
    case 'gcp': return new (await import('@kubernetes/client-node/dist/gcp_auth.js')).GoogleCloudPlatformAuth() as AuthProviderPlugin;
    default: return undefined;
  }
}

const sameBuf = (a: Buffer | undefined, b: Buffer | undefined) => a === b || (!!a && !!b && a.equals(b));

function sameTls(a: TlsMaterial, b: TlsMaterial): boolean {
  return sameBuf(a.ca, b.ca) && sameBuf(a.cert, b.cert) && sameBuf(a.key, b.key) && a.servername === b.servername && a.rejectUnauthorized === b.rejectUnauthorized;
}
