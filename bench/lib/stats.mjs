// Small statistics helpers for the benchmark report.

/** @param {number[]} xs */
export function median(xs) {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p in 0..100) of xs; NaN for an empty list. @param {number[]} xs @param {number} p */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

/** Least-squares slope of y over x (units of y per unit of x). */
export function slope(xs, ys) {
  const n = xs.length;
  if (n < 2) return NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) { num += (xs[i] - mx) * (ys[i] - my); den += (xs[i] - mx) ** 2; }
  return den === 0 ? NaN : num / den;
}

export const round = (x, d = 0) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);
export const mb = (bytes) => round(bytes / 1024 / 1024, 1);

/** Standard error of the least-squares slope of y over x. */
export function slopeStdErr(xs, ys) {
  const n = xs.length;
  if (n < 3) return NaN;
  const b = slope(xs, ys);
  const mx = xs.reduce((a, c) => a + c, 0) / n;
  const my = ys.reduce((a, c) => a + c, 0) / n;
  let sxx = 0;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sse += (ys[i] - (my + b * (xs[i] - mx))) ** 2;
  }
  return Math.sqrt(sse / (n - 2) / sxx);
}
