// Reads of the metrics API (metrics.k8s.io/v1beta1, served through the aggregation layer by
// metrics-server), the same paths `kubectl top` reads, and the precise reason when it cannot answer.
import type { LinkHttp } from '../cluster/contextLink';
import { ApiError, deepMessage } from '../cluster/apiError';
import type { MetricsUnavailable, NodeUsage, PodUsage } from '../../../shared/contract/metrics';
import { nanoValue, value } from '../../../shared/model/quantity';

export const METRICS_API = '/apis/metrics.k8s.io/v1beta1';
export const METRICS_APISERVICE = 'v1beta1.metrics.k8s.io';

type Http = Pick<LinkHttp, 'request'>;
type Usage = { cpu?: string; memory?: string };
interface RawPodMetrics { metadata: { name: string; namespace: string }; timestamp: string; window: string; containers?: { name: string; usage: Usage }[] }
interface RawNodeMetrics { metadata: { name: string }; timestamp: string; window: string; usage: Usage }

const cpu = (u: Usage) => nanoValue(u.cpu ?? '0');
const mem = (u: Usage) => value(u.memory ?? '0');

/** `kubectl top pod -n <namespace>`'s read (`-A`'s without a namespace). */
export async function readPodMetrics(http: Http, namespace: string | undefined, timeoutMs = 15_000): Promise<PodUsage[]> {
  const path = namespace === undefined ? `${METRICS_API}/pods` : `${METRICS_API}/namespaces/${encodeURIComponent(namespace)}/pods`;
  const list = await http.request<{ items: RawPodMetrics[] }>('GET', path, { timeoutMs });
  return (list.items ?? []).map((p) => ({
    namespace: p.metadata.namespace, name: p.metadata.name, timestamp: p.timestamp, window: p.window,
    containers: (p.containers ?? []).map((c) => ({ name: c.name, cpuNanos: cpu(c.usage), memoryBytes: mem(c.usage) })),
  }));
}

/** `kubectl top node`'s read. */
export async function readNodeMetrics(http: Http, timeoutMs = 15_000): Promise<NodeUsage[]> {
  const list = await http.request<{ items: RawNodeMetrics[] }>('GET', `${METRICS_API}/nodes`, { timeoutMs });
  return (list.items ?? []).map((n) => ({ name: n.metadata.name, timestamp: n.timestamp, window: n.window, cpuNanos: cpu(n.usage), memoryBytes: mem(n.usage) }));
}

interface ApiServiceStatus { status?: { conditions?: { type: string; status: string; reason?: string; message?: string }[] } }

/**
 * Why a metrics read failed, in the user's terms: no metrics API installed, installed but not
 * Available (with the APIService's own condition), not allowed (which verb on which resource), or
 * anything else with its message.
 */
export async function explainFailure(http: Http, err: unknown, verb: string, resource: string, namespace?: string): Promise<MetricsUnavailable> {
  const where = namespace ? ` in namespace ${namespace}` : '';
  if (err instanceof ApiError && err.status === 403) {
    return { reason: 'forbidden', verb, resource, message: `Not allowed to ${verb} ${resource}${where}: ${err.message}` };
  }
  if (!(err instanceof ApiError)) return { reason: 'error', message: `Could not read metrics: ${deepMessage(err)}` };
  let apiService: ApiServiceStatus | undefined;
  try {
    apiService = await http.request<ApiServiceStatus>('GET', `/apis/apiregistration.k8s.io/v1/apiservices/${METRICS_APISERVICE}`, { timeoutMs: 10_000 });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      return { reason: 'api-absent', message: `No metrics API: the cluster has no APIService ${METRICS_APISERVICE}. Install metrics-server to see CPU and memory.` };
    }
    // Cannot look at the APIService (e.g. not allowed): say what the metrics read itself answered.
    return err.status === 404
      ? { reason: 'api-absent', message: `No metrics API: the cluster does not serve metrics.k8s.io/v1beta1 (${err.message}).` }
      : { reason: 'api-unavailable', message: `The metrics API did not answer (HTTP ${err.status}): ${err.message}` };
  }
  const available = apiService.status?.conditions?.find((c) => c.type === 'Available');
  if (available?.status !== 'True') {
    const why = [available?.reason, available?.message].filter(Boolean).join(': ') || 'no Available condition yet';
    return { reason: 'api-unavailable', message: `APIService ${METRICS_APISERVICE} is not Available: ${why}` };
  }
  return { reason: 'error', message: `The metrics API failed (HTTP ${err.status}): ${err.message}` };
}
