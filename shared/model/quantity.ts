// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource), the one reader. A quantity is
// kept as a fraction of BigInts so that summing container usages and rounding afterwards gives the
// same integers kubectl prints (Quantity.MilliValue and Value round up to the next integer); describe-
// style sums (requests and limits against allocatable) read the same fraction as a number.

export interface Fraction { num: bigint; den: bigint }

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const FORM = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** Parses a quantity ("250m", "1.5Gi", "12345n", "1e3"); throws a clear error on anything else. */
export function parseQuantity(text: string): Fraction {
  const m = FORM.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a Kubernetes quantity (e.g. 250m, 128Mi, 1.5)`);
  const [, sign, number, suffix = ''] = m;
  const [whole, frac = ''] = number.split('.');
  let num = BigInt((whole || '0') + frac) * (sign === '-' ? -1n : 1n);
  let den = 10n ** BigInt(frac.length);
  if (suffix in BINARY) num *= 2n ** BigInt(BINARY[suffix]);
  else {
    const exp = suffix in DECIMAL ? DECIMAL[suffix] : Number(suffix.slice(1));
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  return { num, den };
}

/** ceil(a/b) for BigInts with b > 0 (Quantity rounds away from zero for positives, toward for negatives). */
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/** The quantity in units of 10^-scale, rounded up: milli → scale 3, nano → 9, whole → 0. */
export function scaledValue(q: Fraction, scale: number): number {
  return Number(ceilDiv(q.num * 10n ** BigInt(scale), q.den));
}

/** Quantity.MilliValue(): CPU in millicores. */
export const milliValue = (text: string) => scaledValue(parseQuantity(text), 3);
/** Quantity.Value(): memory in bytes. */
export const value = (text: string) => scaledValue(parseQuantity(text), 0);
/** CPU in nanocores: exact for everything the metrics API reports (its finest unit is n). */
export const nanoValue = (text: string) => scaledValue(parseQuantity(text), 9);

/** The quantity's value in base units (cores, bytes, count) as a number; undefined when it is not a quantity. */
export function quantityNumber(q: unknown): number | undefined {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return undefined;
  try {
    const { num, den } = parseQuantity(q);
    return Number(num) / Number(den);
  } catch {
    return undefined;
  }
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
    for (const [r, q] of Object.entries(c?.resources?.[which] ?? {})) sum[r] = (sum[r] ?? 0) + (quantityNumber(q) ?? 0);
  }
  for (const c of pod?.spec?.initContainers ?? []) {
    for (const [r, q] of Object.entries(c?.resources?.[which] ?? {})) sum[r] = Math.max(sum[r] ?? 0, quantityNumber(q) ?? 0);
  }
  for (const [r, q] of Object.entries(pod?.spec?.overhead ?? {})) if (sum[r] !== undefined) sum[r] += quantityNumber(q) ?? 0;
  return sum;
}
