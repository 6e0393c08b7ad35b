import { existsSync } from 'node:fs';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import type { ContextInfo } from '../../../shared/contract/clusters';

export interface LoadedKubeconfig {
  files: string[];
  clusters: Cluster[];
  users: User[];
  contexts: Context[];
  currentContext?: string;
  errors: { file: string; message: string }[];
}

/**
 * Loads and merges kubeconfig files by kubectl's rules: the first file to define a cluster, user or
 * context name wins, and current-context comes from the first file that sets one. client-node's own
 * mergeConfig throws on duplicates and lets the last file win, so the merge is ours; parsing, path
 * resolution and auth stay client-node's. A broken file is reported and skipped; the others load.
 */
export function loadKubeconfig(files: string[]): LoadedKubeconfig {
  const out: LoadedKubeconfig = { files, clusters: [], users: [], contexts: [], errors: [] };
  const seen = { c: new Set<string>(), u: new Set<string>(), x: new Set<string>() };
  for (const file of files) {
    if (!existsSync(file)) continue; // kubectl ignores missing files in the list
    const kc = new KubeConfig();
    try {
      kc.loadFromFile(file);
    } catch (err: any) {
      out.errors.push({ file, message: `Could not read kubeconfig ${file}: ${err?.message ?? err}` });
      continue;
    }
    for (const c of kc.getClusters()) if (!seen.c.has(c.name)) { seen.c.add(c.name); out.clusters.push(c); }
    for (const u of kc.getUsers()) if (!seen.u.has(u.name)) { seen.u.add(u.name); out.users.push(u); }
    for (const x of kc.getContexts()) if (!seen.x.has(x.name)) { seen.x.add(x.name); out.contexts.push(x); }
    const current = kc.getCurrentContext();
    if (!out.currentContext && current) out.currentContext = current;
  }
  return out;
}

export class UnknownContextError extends Error {}
export class InvalidContextError extends Error {}

/** A KubeConfig bound to one context, for that context's connection. */
export function kubeConfigFor(loaded: LoadedKubeconfig, contextName: string): KubeConfig {
  const context = loaded.contexts.find((c) => c.name === contextName);
  if (!context) throw new UnknownContextError(`Context "${contextName}" is not in ${loaded.files.join(', ')}.`);
  const cluster = loaded.clusters.find((c) => c.name === context.cluster);
  if (!cluster) throw new InvalidContextError(`Context "${contextName}" names cluster "${context.cluster}", which no kubeconfig file defines.`);
  if (!cluster.server) throw new InvalidContextError(`Cluster "${cluster.name}" has no server address.`);
  const user = loaded.users.find((u) => u.name === context.user) ?? { name: context.user ?? 'anonymous' };
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: [cluster], users: [user], contexts: [context], currentContext: contextName });
  return kc;
}

export function describeContext(loaded: LoadedKubeconfig, ctx: Context): ContextInfo {
  const cluster = loaded.clusters.find((c) => c.name === ctx.cluster);
  const user: any = loaded.users.find((u) => u.name === ctx.user);
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
  const info: ContextInfo = { name: ctx.name, cluster: ctx.cluster, user: ctx.user, authKind };
  if (ctx.namespace) info.namespace = ctx.namespace;
  if (cluster?.server) info.server = cluster.server;
  if (execCommand) info.execCommand = execCommand;
  return info;
}
