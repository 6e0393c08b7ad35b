import type { KubeCluster, KubeUser } from './kubeconfigTypes';

/**
 * The kubeconfig combinations kubectl refuses before it connects, with kubectl's own reasons:
 * client-go's clientcmd validation (validateClusterInfo, validateAuthInfo, as DirectClientConfig's
 * ConfirmUsable runs them) and transport's TLS rule (a CA together with insecure-skip-tls-verify).
 * Embedded data that is not base64 is named by its field (kubectl stops at the whole file with
 * "illegal base64 data at input byte N"). Files named are read per request (ContextAuth), which names
 * one that is missing. An empty list means the context may be tried.
 */
export function kubeconfigProblems(cluster: KubeCluster, user: KubeUser): string[] {
  return [...clusterProblems(cluster), ...userProblems(user), ...base64Problems(cluster, user)];
}

function clusterProblems(c: KubeCluster): string[] {
  const out: string[] = [];
  if (!c.server) out.push(`no server found for cluster "${c.name}"`);
  if (c.caFile && c.caData) out.push(`certificate-authority-data and certificate-authority are both specified for ${c.name}. certificate-authority-data will override.`);
  if (c.skipTLSVerify && (c.caFile || c.caData)) out.push(`specifying a root certificates file with the insecure flag is not allowed (cluster "${c.name}" sets insecure-skip-tls-verify and a certificate authority: remove one of them)`);
  if (c.proxyUrl && !validProxyUrl(c.proxyUrl)) out.push(`invalid 'proxy-url' "${c.proxyUrl}" for cluster "${c.name}": only http, https and socks5 proxy URLs are supported`);
  return out;
}

function userProblems(u: KubeUser): string[] {
  const out: string[] = [];
  const methods: string[] = [];
  if (u.token) methods.push('token');
  if (u.username || u.password) methods.push('basicAuth');
  if (u.certFile || u.certData) {
    if (u.certFile && u.certData) out.push(`client-cert-data and client-cert are both specified for ${u.name}. client-cert-data will override.`);
    if (u.keyFile && u.keyData) out.push(`client-key-data and client-key are both specified for ${u.name}; client-key-data will override`);
    if (!u.keyFile && !u.keyData) out.push(`client-key-data or client-key must be specified for ${u.name} to use the clientCert authentication method.`);
  }
  const e = u.exec;
  if (e) {
    if (u.authProvider) out.push(`authProvider cannot be provided in combination with an exec plugin for ${u.name}`);
    if (!e.command) out.push(`command must be specified for ${u.name} to use exec authentication plugin`);
    if (!e.apiVersion) out.push(`apiVersion must be specified for ${u.name} to use exec authentication plugin`);
    // client-go defaults interactiveMode to IfAvailable for v1beta1 only; v1 must say it.
    const mode = e.interactiveMode ?? (e.apiVersion === 'client.authentication.k8s.io/v1beta1' ? 'IfAvailable' : undefined);
    if (!mode) out.push(`interactiveMode must be specified for ${u.name} to use exec authentication plugin`);
    else if (!['Never', 'IfAvailable', 'Always'].includes(mode)) out.push(`invalid interactiveMode for ${u.name}: "${mode}"`);
  }
  if (methods.length > 1) out.push(`more than one authentication method found for ${u.name}; found [${methods.join(' ')}], only one is allowed`);
  if ((u.impersonateUid || u.impersonateGroups?.length || Object.keys(u.impersonateExtra ?? {}).length) && !u.impersonateUser) {
    out.push(`requesting uid, groups or user-extra for ${u.name} without impersonating a user`);
  }
  return out;
}

function base64Problems(c: KubeCluster, u: KubeUser): string[] {
  const out: string[] = [];
  const check = (field: string, owner: string, value: string | undefined) => {
    const bad = value === undefined ? undefined : base64Error(value);
    if (bad) out.push(`${field} of ${owner} is not valid base64 (${bad}); it should hold a PEM file encoded with \`base64 -w0\``);
  };
  check('certificate-authority-data', `cluster "${c.name}"`, c.caData);
  check('client-certificate-data', `user "${u.name}"`, u.certData);
  check('client-key-data', `user "${u.name}"`, u.keyData);
  return out;
}

/**
 * Why `s` is not standard padded base64 as Go's decoder reads it (line breaks are skipped), in Go's
 * words ("illegal base64 data at input byte N"); undefined when it is.
 */
export function base64Error(s: string): string | undefined {
  const text = s.replace(/[\r\n]/g, '');
  const m = /[^A-Za-z0-9+/=]/.exec(text);
  if (m) return `illegal base64 data at input byte ${m.index}`;
  const pad = text.indexOf('=');
  if (pad >= 0 && !/^={1,2}$/.test(text.slice(pad))) return `illegal base64 data at input byte ${pad}`;
  if (text.length % 4 !== 0) return `illegal base64 data at input byte ${text.length - (text.length % 4)}`;
  return undefined;
}

function validProxyUrl(u: string): boolean {
  try { return ['http:', 'https:', 'socks5:', 'socks5h:'].includes(new URL(u).protocol); } catch { return false; }
}
