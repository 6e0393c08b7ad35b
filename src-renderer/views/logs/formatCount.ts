/**
 * Line counts with thousands separators. One formatter made when the module loads: the first
 * `toLocaleString()` of a page loads the locale's number data, which took tens of ms in the middle
 * of following a log (the frame in which the ring buffer first dropped lines).
 */
const counts = new Intl.NumberFormat();

export function formatCount(n: number): string {
  return counts.format(n);
}
