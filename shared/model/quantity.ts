// Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity) as numbers: enough to add
// requests and limits and compare them with allocatable, as `kubectl describe node` does.

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6,
};

/** The quantity's value in base units (cores, bytes, count); undefined when it is not a quantity. */
export function parseQuantity(q: unknown): number | undefined {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(q.trim());
  if (!m) return undefined;
  return Number(m[1]) * (m[2] ? 10 ** Number(m[2]) : 1) * SUFFIX[m[3] ?? ''];
}

/** CPU as kubectl prints a sum: "250m", "2". */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Memory as kubectl prints a sum of binary quantities: "64Mi", "1536Mi", "2Gi", else bytes. */
export function formatMemory(bytes: number): string {
  for (const [s, f] of [['Gi', 1024 ** 3], ['Mi', 1024 ** 2], ['Ki', 1024]] as const) if (bytes !== 0 && bytes % f === 0) return `${bytes / f}${s}`;
  return String(Math.round(bytes));
}

/** A pod's effective requests or limits (kubectl resourcehelper): the sum of its containers, at least any one init container, plus overhead. */
export function podResources(pod: any, which: 'requests' | 'limits'): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const c of pod?.spec?.containers ?? []) {
    for (const [r, q] of Object.entries(c?.resources?.[which] ?? {})) sum[r] = (sum[r] ?? 0) + (parseQuantity(q) ?? 0);
  }
  for (const c of pod?.spec?.initContainers ?? []) {
    for (const [r, q] of Object.entries(c?.resources?.[which] ?? {})) sum[r] = Math.max(sum[r] ?? 0, parseQuantity(q) ?? 0);
  }
  for (const [r, q] of Object.entries(pod?.spec?.overhead ?? {})) if (sum[r] !== undefined) sum[r] += parseQuantity(q) ?? 0;
  return sum;
}
