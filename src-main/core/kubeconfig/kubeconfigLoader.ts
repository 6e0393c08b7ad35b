import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { parse } from 'yaml';
import type { ContextInfo } from '../../../shared/contract/clusters';
import { kubeconfigProblems } from './kubeconfigValidation';
import type { ExecConfig, KubeCluster, KubeContext, KubeUser, ResolvedContext } from './kubeconfigTypes';

export interface LoadedKubeconfig {
  files: string[];
  clusters: KubeCluster[];
  users: KubeUser[];
  contexts: KubeContext[];
  currentContext?: string;
  errors: { file: string; message: string }[];
}

/**
 * Loads and merges kubeconfig files by kubectl's rules: the first file to define a cluster, user or
 * context name wins, and current-context comes from the first file that sets one. A broken file is
 * reported and skipped; the others load.
 */
export function loadKubeconfig(files: string[]): LoadedKubeconfig {
  const out: LoadedKubeconfig = { files, clusters: [], users: [], contexts: [], errors: [] };
  const seen = { c: new Set<string>(), u: new Set<string>(), x: new Set<string>() };
  for (const file of files) {
    if (!existsSync(file)) continue; // kubectl ignores missing files in the list
    let one: ReturnType<typeof parseKubeconfig>;
    try {
      one = parseKubeconfig(readFileSync(file, 'utf8'), dirname(file));
    } catch (err: any) {
      out.errors.push({ file, message: unreadableFile(file, err) });
      continue;
    }
    for (const c of one.clusters) if (!seen.c.has(c.name)) { seen.c.add(c.name); out.clusters.push(c); }
    for (const u of one.users) if (!seen.u.has(u.name)) { seen.u.add(u.name); out.users.push(u); }
    for (const x of one.contexts) if (!seen.x.has(x.name)) { seen.x.add(x.name); out.contexts.push(x); }
    if (!out.currentContext && one.currentContext) out.currentContext = one.currentContext;
  }
  return out;
}

/** Which file, which line, what is wrong: the YAML parser's first line without its code frame. */
function unreadableFile(file: string, err: any): string {
  const pos = err?.linePos?.[0] as { line: number; col: number } | undefined;
  const what = String(err?.message ?? err).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `Could not read kubeconfig ${file}${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}: ${what}. Its contexts are left out until it is fixed; contexts from the other files work.`;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const named = (xs: unknown): { name: string; body: any }[] =>
  (Array.isArray(xs) ? xs : []).filter((e) => e && typeof e.name === 'string' && e.name).map((e) => ({ name: e.name, body: e }));

/**
 * One kubeconfig file's text. Relative paths (certificate-authority, client-certificate, client-key,
 * tokenFile, and an exec command with a path separator) resolve against the file's folder, as in
 * client-go's ResolveLocalPaths.
 */
export function parseKubeconfig(text: string, baseDir: string): Omit<LoadedKubeconfig, 'files' | 'errors'> {
  const doc = parse(text) ?? {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a kubeconfig (expected a YAML mapping)');
  const abs = (p: unknown) => { const s = str(p); return s && !isAbsolute(s) ? join(baseDir, s) : s; };
  const clusters = named(doc.clusters).map(({ name, body }): KubeCluster => {
    const c = body.cluster ?? {};
    return strip({
      name, server: String(c.server ?? '').replace(/\/+$/, ''),
      caData: str(c['certificate-authority-data']), caFile: abs(c['certificate-authority']),
      skipTLSVerify: c['insecure-skip-tls-verify'] === true ? true : undefined,
      tlsServerName: str(c['tls-server-name']), proxyUrl: str(c['proxy-url']),
    });
  });
  const users = named(doc.users).map(({ name, body }): KubeUser => {
    const u = body.user ?? {};
    return strip({
      name,
      certData: str(u['client-certificate-data']), certFile: abs(u['client-certificate']),
      keyData: str(u['client-key-data']), keyFile: abs(u['client-key']),
      token: str(u.token), tokenFile: abs(u.tokenFile),
      username: str(u.username), password: str(u.password),
      exec: execConfig(u.exec, baseDir),
      authProvider: u['auth-provider'] && typeof u['auth-provider'].name === 'string' ? u['auth-provider'] : undefined,
      impersonateUser: str(u.as), impersonateUid: str(u['as-uid']),
      impersonateGroups: Array.isArray(u['as-groups']) && u['as-groups'].length ? u['as-groups'].map(String) : undefined,
      impersonateExtra: u['as-user-extra'] && typeof u['as-user-extra'] === 'object' ? u['as-user-extra'] : undefined,
    });
  });
  const contexts = named(doc.contexts).map(({ name, body }): KubeContext => {
    const x = body.context ?? {};
    return strip({ name, cluster: String(x.cluster ?? ''), user: str(x.user), namespace: str(x.namespace) });
  });
  return { clusters, users, contexts, currentContext: str(doc['current-context']) };
}

function execConfig(e: any, baseDir: string): ExecConfig | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const command = String(e.command ?? '');
  return strip({
    apiVersion: str(e.apiVersion),
    command: command && !isAbsolute(command) && command.includes(sep) ? join(baseDir, command) : command,
    args: Array.isArray(e.args) ? e.args.map(String) : undefined,
    env: Array.isArray(e.env) ? e.env.filter((v: any) => v && typeof v.name === 'string').map((v: any) => ({ name: v.name, value: String(v.value ?? '') })) : undefined,
    installHint: str(e.installHint),
    provideClusterInfo: e.provideClusterInfo === true ? true : undefined,
    interactiveMode: str(e.interactiveMode) as ExecConfig['interactiveMode'],
  });
}

/** Drops undefined fields, so that equal definitions compare (and fingerprint) equal. */
function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export class UnknownContextError extends Error {}
export class InvalidContextError extends Error {}

/** A context with its cluster and user, for that context's connection. */
export function resolveContext(loaded: LoadedKubeconfig, contextName: string): ResolvedContext {
  const context = loaded.contexts.find((c) => c.name === contextName);
  if (!context) throw new UnknownContextError(`Context "${contextName}" is not in ${loaded.files.join(', ')}.`);
  const cluster = loaded.clusters.find((c) => c.name === context.cluster);
  if (!cluster) throw new InvalidContextError(`Context "${contextName}" names cluster "${context.cluster}", which no kubeconfig file defines.`);
  if (!cluster.server) throw new InvalidContextError(`Cluster "${cluster.name}" has no server address.`);
  const user = loaded.users.find((u) => u.name === context.user) ?? { name: context.user ?? 'anonymous' };
  const problems = kubeconfigProblems(cluster, user);
  if (problems.length) {
    throw new InvalidContextError(`Context "${contextName}" is not usable (kubectl refuses it too): ${problems.join('; ')}. Fix the kubeconfig entry; other contexts are not affected.`);
  }
  return { context, cluster, user };
}

export function describeContext(loaded: LoadedKubeconfig, ctx: KubeContext): ContextInfo {
  const cluster = loaded.clusters.find((c) => c.name === ctx.cluster);
  const user = loaded.users.find((u) => u.name === ctx.user);
  let authKind: ContextInfo['authKind'] = 'none';
  let execCommand: string | undefined;
  if (user?.exec) {
    authKind = 'exec';
    execCommand = [user.exec.command, ...(user.exec.args ?? [])].join(' ');
  } else if (user?.authProvider?.name === 'oidc') authKind = 'oidc';
  else if (user?.certData || user?.certFile) authKind = 'client-cert';
  else if (user?.token) authKind = 'token';
  else if (user?.authProvider?.config?.tokenFile || user?.tokenFile) authKind = 'token-file';
  else if (user?.username) authKind = 'basic';
  const info: ContextInfo = { name: ctx.name, cluster: ctx.cluster, user: ctx.user ?? '', authKind };
  if (ctx.namespace) info.namespace = ctx.namespace;
  if (cluster?.server) info.server = cluster.server;
  if (execCommand) info.execCommand = execCommand;
  return info;
}
