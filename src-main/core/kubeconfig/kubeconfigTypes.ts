/**
 * Kubeconfig entries as the core uses them: kubectl's fields, with file paths already made absolute
 * against the file that named them. Field names follow @kubernetes/client-node's (caData, certFile,
 * authProvider…) so its auth-provider plugins (OIDC, Azure, GCP) can read a user as it is.
 */
export interface KubeCluster {
  name: string;
  /** May be missing in a file; a context that uses such a cluster reports it when connecting. */
  server: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
}

/** client.authentication.k8s.io exec plugin configuration (users[].user.exec). */
export interface ExecConfig {
  apiVersion?: string;
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
  installHint?: string;
  provideClusterInfo?: boolean;
  interactiveMode?: 'Never' | 'IfAvailable' | 'Always';
}

export interface AuthProviderConfig {
  name: string;
  config?: Record<string, any>;
}

export interface KubeUser {
  name: string;
  certData?: string;
  certFile?: string;
  keyData?: string;
  keyFile?: string;
  token?: string;
  tokenFile?: string;
  username?: string;
  password?: string;
  exec?: ExecConfig;
  authProvider?: AuthProviderConfig;
  impersonateUser?: string;
  impersonateUid?: string;
  impersonateGroups?: string[];
  impersonateExtra?: Record<string, string[]>;
}

export interface KubeContext {
  name: string;
  cluster: string;
  user?: string;
  namespace?: string;
}

/** One context with the cluster and user it names: what a connection is made from. */
export interface ResolvedContext {
  context: KubeContext;
  cluster: KubeCluster;
  user: KubeUser;
}
