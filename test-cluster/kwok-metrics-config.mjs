// KWOK v0.7.0 configuration that simulates the kubelet's /metrics/resource endpoint for every node
// (kind Metric, as kustomize/metrics/resource/metrics-resource.yaml of sigs.k8s.io/kwok@v0.7.0) and
// where each container's usage comes from (kind ClusterResourceUsage). metrics-server scrapes the
// endpoint; kubectl top, HPAs and Wheelhouse read metrics-server. Usage, first match wins:
//   1. `kwok.x-k8s.io/usage-cpu` / `kwok.x-k8s.io/usage-memory` pod annotations (KWOK's own convention);
//   2. a square wave for CPU: pods annotated `wheelhouse.dev/usage-cpu-high`, `…-low` and
//      `…-period-seconds` use `high` in the first half of every period (wall clock) and `low` in the
//      second: the demo's HPA scales up and down on its own;
//   3. otherwise 1m CPU and 1Mi memory (KWOK's defaults).

export const USAGE_CPU = 'kwok.x-k8s.io/usage-cpu';
export const USAGE_MEMORY = 'kwok.x-k8s.io/usage-memory';
export const WAVE_HIGH = 'wheelhouse.dev/usage-cpu-high';
export const WAVE_LOW = 'wheelhouse.dev/usage-cpu-low';
export const WAVE_PERIOD = 'wheelhouse.dev/usage-cpu-period-seconds';

const ann = (k) => `pod.metadata.annotations["${k}"]`;
const has = (k) => `"${k}" in pod.metadata.annotations`;

const cpuExpression = `${has(USAGE_CPU)} ? Quantity(${ann(USAGE_CPU)})
: ${has(WAVE_HIGH)}
  ? (int(UnixSecond(Now())) % int(${ann(WAVE_PERIOD)}) < int(${ann(WAVE_PERIOD)}) / 2 ? Quantity(${ann(WAVE_HIGH)}) : Quantity(${ann(WAVE_LOW)}))
  : Quantity("1m")`;
const memoryExpression = `${has(USAGE_MEMORY)} ? Quantity(${ann(USAGE_MEMORY)}) : Quantity("1Mi")`;

const labels = (...names) => names.map((n) => ({ name: n, value: n === 'container' ? 'container.name' : `pod.metadata.${n === 'pod' ? 'name' : 'namespace'}` }));

function metric(name, dimension, kind, value, help) {
  const l = dimension === 'container' ? labels('container', 'namespace', 'pod') : dimension === 'pod' ? labels('namespace', 'pod') : [];
  return { name, dimension, kind, help, ...(l.length ? { labels: l } : {}), value };
}

export function kwokMetricsDocs() {
  return [
    {
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'Metric',
      metadata: { name: 'metrics-resource' },
      spec: {
        path: '/metrics/nodes/{nodeName}/metrics/resource',
        metrics: [
          metric('scrape_error', 'node', 'gauge', '0', '[ALPHA] 1 if there was an error while getting metrics from the node, 0 otherwise'),
          metric('container_start_time_seconds', 'container', 'gauge', 'pod.SinceSecond()', '[ALPHA] Start time of the container since unix epoch in seconds'),
          metric('container_cpu_usage_seconds_total', 'container', 'counter', 'pod.CumulativeUsage("cpu", container.name)', '[ALPHA] Cumulative cpu time consumed by the container in core-seconds'),
          metric('container_memory_working_set_bytes', 'container', 'gauge', 'pod.Usage("memory", container.name)', '[ALPHA] Current working set of the container in bytes'),
          metric('pod_cpu_usage_seconds_total', 'pod', 'counter', 'pod.CumulativeUsage("cpu")', '[ALPHA] Cumulative cpu time consumed by the pod in core-seconds'),
          metric('pod_memory_working_set_bytes', 'pod', 'gauge', 'pod.Usage("memory")', '[ALPHA] Current working set of the pod in bytes'),
          metric('node_cpu_usage_seconds_total', 'node', 'counter', 'node.CumulativeUsage("cpu")', '[ALPHA] Cumulative cpu time consumed by the node in core-seconds'),
          metric('node_memory_working_set_bytes', 'node', 'gauge', 'node.Usage("memory")', '[ALPHA] Current working set of the node in bytes'),
        ],
      },
    },
    {
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'ClusterResourceUsage',
      metadata: { name: 'wheelhouse-usage' },
      spec: { usages: [{ usage: { cpu: { expression: cpuExpression }, memory: { expression: memoryExpression } } }] },
    },
  ];
}
