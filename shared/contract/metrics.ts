import { z } from 'zod';
import { NamespaceName, ObjectName } from './actions';

// Resource usage from the metrics API (metrics.k8s.io/v1beta1, what `kubectl top` reads), sampled by
// the core for what is open: a namespace's pods, the nodes, and a bounded history per pod or node for
// the charts. When there is nothing to show, the events say precisely why. Implemented in
// src-main/core/metrics/; quantities and kubectl-top formatting are in shared/metrics/.

const Context = z.string().min(1).max(1024);

export const MetricsUnavailableReason = z.enum([
  /** No APIService v1beta1.metrics.k8s.io: nothing serves the metrics API (metrics-server not installed). */
  'api-absent',
  /** The APIService exists but is not Available (metrics-server down or unreachable); message = its condition. */
  'api-unavailable',
  /** This user may not read the metrics (verb and resource say what is missing). */
  'forbidden',
  /** The API answers but has no sample for this object yet (new pod, first scrape pending). */
  'no-samples',
  /** Anything else (network, timeout): message from the request. */
  'error',
]);
export type MetricsUnavailableReason = z.infer<typeof MetricsUnavailableReason>;

export const MetricsUnavailable = z.object({
  reason: MetricsUnavailableReason,
  /** One sentence for the user, e.g. `APIService v1beta1.metrics.k8s.io is not Available: FailedDiscoveryCheck: …`. */
  message: z.string(),
  verb: z.string().optional(),
  resource: z.string().optional(),
});
export type MetricsUnavailable = z.infer<typeof MetricsUnavailable>;

/** CPU in nanocores (exact for what metrics-server reports), memory in bytes. */
export const Usage = z.object({ cpuNanos: z.number(), memoryBytes: z.number() });
export type Usage = z.infer<typeof Usage>;

export const PodUsage = z.object({
  namespace: z.string(),
  name: z.string(),
  /** The metrics window: the sample was taken over [timestamp - window, timestamp]. */
  timestamp: z.string(),
  window: z.string(),
  containers: z.array(Usage.extend({ name: z.string() })),
  /** Summed requests and limits of the pod's containers (CPU millicores, memory bytes), when known. */
  resources: z.object({ cpuRequest: z.number().optional(), cpuLimit: z.number().optional(), memoryRequest: z.number().optional(), memoryLimit: z.number().optional() }).optional(),
});
export type PodUsage = z.infer<typeof PodUsage>;

export const NodeUsage = Usage.extend({
  name: z.string(), timestamp: z.string(), window: z.string(),
  /** The node's allocatable CPU (millicores) and memory (bytes), when known. */
  allocatable: z.object({ cpuMilli: z.number().optional(), memoryBytes: z.number().optional() }).optional(),
});
export type NodeUsage = z.infer<typeof NodeUsage>;

/** A namespace's pods together (no kubectl equivalent: the sum of `kubectl top pod -n <ns>`'s pods, exact). */
export const NamespaceUsage = Usage.extend({ name: z.string(), pods: z.number(), timestamp: z.string() });
export type NamespaceUsage = z.infer<typeof NamespaceUsage>;

export const UsageSample = Usage.extend({ /** ms since epoch of the metrics timestamp */ at: z.number() });
export type UsageSample = z.infer<typeof UsageSample>;

/** One line of a chart: a container of a pod (key = its name), or a node (key = 'node'). */
export const UsageSeries = z.object({ key: z.string(), samples: z.array(UsageSample) });
export type UsageSeries = z.infer<typeof UsageSeries>;

const Unavailable = z.object({ type: z.literal('unavailable'), unavailable: MetricsUnavailable, at: z.string() });

export const PodMetricsEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pods'), pods: z.array(PodUsage), at: z.string() }),
  Unavailable,
]);
export type PodMetricsEvent = z.infer<typeof PodMetricsEvent>;

export const NodeMetricsEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('nodes'), nodes: z.array(NodeUsage), at: z.string() }),
  Unavailable,
]);
export type NodeMetricsEvent = z.infer<typeof NodeMetricsEvent>;

export const NamespaceMetricsEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('namespaces'), namespaces: z.array(NamespaceUsage), at: z.string() }),
  Unavailable,
]);
export type NamespaceMetricsEvent = z.infer<typeof NamespaceMetricsEvent>;

export const UsageHistoryEvent = z.discriminatedUnion('type', [
  /** Everything kept for the object (oldest first); sent again after each new sample. */
  z.object({ type: z.literal('history'), series: z.array(UsageSeries), intervalMs: z.number(), since: z.string() }),
  Unavailable,
]);
export type UsageHistoryEvent = z.infer<typeof UsageHistoryEvent>;

export const UsageTarget = z.discriminatedUnion('kind', [
  z.object({ context: Context, kind: z.literal('Pod'), namespace: NamespaceName, name: ObjectName }),
  z.object({ context: Context, kind: z.literal('Node'), name: ObjectName }),
  /**
   * A workload's pods together: those of the namespace its selector matches (as `kubectl get pods -l`),
   * summed per sampling round into one series (key `pods`); `name` only names it in messages.
   */
  z.object({ context: Context, kind: z.literal('Workload'), namespace: NamespaceName, name: ObjectName, selector: z.string().max(4096) }),
]);
export type UsageTarget = z.infer<typeof UsageTarget>;

export const metricsMethods = {} as const;

export const metricsTopics = {
  /** The namespace's pod usage, sampled every interval while subscribed (and kept as history). */
  'metrics.pods': { params: z.object({ context: Context, namespace: NamespaceName }), event: PodMetricsEvent },
  /** Every node's usage, sampled while subscribed. */
  'metrics.nodes': { params: z.object({ context: Context }), event: NodeMetricsEvent },
  /** Every namespace's pods summed (one cluster-wide read, as `kubectl top pod -A`), while subscribed. */
  'metrics.namespaces': { params: z.object({ context: Context }), event: NamespaceMetricsEvent },
  /** One pod's (per container) or node's usage over the time Wheelhouse has sampled it. */
  'metrics.history': { params: UsageTarget, event: UsageHistoryEvent },
} as const;
