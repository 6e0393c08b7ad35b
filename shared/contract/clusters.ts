import { z } from 'zod';
import { invalidNameReason } from '../model/objectNames';

export const ConnectionState = z.enum(['idle', 'connecting', 'ready', 'degraded', 'unauthorized', 'unreachable', 'error']);
export type ConnectionState = z.infer<typeof ConnectionState>;

export const ContextInfo = z.object({
  name: z.string(),
  cluster: z.string(),
  user: z.string(),
  namespace: z.string().optional(),
  server: z.string().optional(),
  /** The exec credential plugin this context runs, shown so a foreign kubeconfig cannot hide code. */
  execCommand: z.string().optional(),
  authKind: z.enum(['client-cert', 'token', 'token-file', 'exec', 'oidc', 'basic', 'none']),
});
export type ContextInfo = z.infer<typeof ContextInfo>;

export const ClusterStatus = z.object({
  context: z.string(),
  state: ConnectionState,
  reason: z.string().optional(),
  detail: z.string().optional(),
  version: z.string().optional(),
  since: z.string(),
  /** The exec credential plugin, while it runs long enough to be worth showing, or after it failed. */
  plugin: z.object({
    command: z.string(),
    phase: z.enum(['running', 'failed', 'cancelled']),
    startedAt: z.string(),
    stderr: z.string(),
    retryAt: z.string().optional(),
  }).optional(),
});
export type ClusterStatus = z.infer<typeof ClusterStatus>;

export const KubeconfigState = z.object({
  files: z.array(z.string()),
  currentContext: z.string().optional(),
  contexts: z.array(ContextInfo),
  /** A readable reason when a file could not be loaded; other files still count. */
  errors: z.array(z.object({ file: z.string(), message: z.string() })),
  lastContext: z.string().optional(),
});
export type KubeconfigState = z.infer<typeof KubeconfigState>;

export const ApiResourceInfo = z.object({
  group: z.string(),
  version: z.string(),
  resource: z.string(),
  kind: z.string(),
  namespaced: z.boolean(),
  verbs: z.array(z.string()),
  shortNames: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
});
export type ApiResourceInfo = z.infer<typeof ApiResourceInfo>;

/** A namespace name as the API server takes it (RFC 1123 label), refused with the server's own words. */
const NamespaceName = z.string().superRefine((name, ctx) => {
  const bad = invalidNameReason('Namespace', name);
  if (bad) ctx.addIssue({ code: 'custom', message: bad });
});

export const clusterMethods = {
  'kubeconfig.get': { params: z.object({}), result: KubeconfigState },
  'cluster.connect': { params: z.object({ context: z.string() }), result: ClusterStatus },
  'cluster.status': { params: z.object({ context: z.string() }), result: ClusterStatus },
  'cluster.discovery': { params: z.object({ context: z.string() }), result: z.array(ApiResourceInfo) },
  /** Stops the context's credential plugin run (its process group is killed); it stays stopped until retried. */
  'cluster.credentials.cancel': { params: z.object({ context: z.string() }), result: ClusterStatus },
  /** Ends the credential plugin's backoff or cancellation and connects again now. */
  'cluster.credentials.retry': { params: z.object({ context: z.string() }), result: ClusterStatus },
  'cluster.access': {
    params: z.object({
      context: z.string(),
      checks: z.array(z.object({
        verb: z.string(), group: z.string(), resource: z.string(),
        namespace: z.string().optional(), subresource: z.string().optional(), name: z.string().optional(),
      })).max(200),
    }),
    result: z.array(z.object({ allowed: z.boolean(), reason: z.string().optional() })),
  },
  'prefs.get': {
    params: z.object({ context: z.string() }),
    /** `typedNamespaces`: namespaces the user typed for this context (for users who may not list namespaces), newest first. */
    result: z.object({ namespace: z.string().optional(), typedNamespaces: z.array(z.string()).optional(), favouriteNamespaces: z.array(z.string()).optional() }),
  },
  'prefs.set': {
    params: z.object({ context: z.string(), namespace: z.string().optional(), typedNamespace: z.string().min(1).max(253).optional() }),
    result: z.object({ ok: z.literal(true) }),
  },
  /** Stars (or un-stars) a namespace for this context, remembered across restarts; answers the context's favourites in the order starred. */
  'prefs.favourite': {
    params: z.object({ context: z.string(), namespace: NamespaceName, favourite: z.boolean() }),
    result: z.object({ favouriteNamespaces: z.array(z.string()) }),
  },
} as const;

export const clusterTopics = {
  'kubeconfig.watch': { params: z.object({}), event: KubeconfigState },
  'cluster.watch': { params: z.object({ context: z.string() }), event: ClusterStatus },
} as const;
