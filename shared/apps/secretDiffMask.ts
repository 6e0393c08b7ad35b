/**
 * Secret values in a diff, masked the way `kubectl diff` masks them (pkg/cmd/diff Masker): a value
 * that is the same on both sides shows as `***`, a changed one as `*** (before)` / `*** (after)`, so the
 * diff still says which keys change without showing any value. Other kinds pass through.
 */
export function maskSecretPair(live: Record<string, any> | undefined, desired: Record<string, any> | undefined): [any, any] {
  if (live?.kind !== 'Secret' && desired?.kind !== 'Secret') return [live, desired];
  const a: any = live ? { ...live } : live;
  const b: any = desired ? { ...desired } : desired;
  for (const field of ['data', 'stringData']) {
    const from: Record<string, string> | undefined = live?.[field];
    const to: Record<string, string> | undefined = desired?.[field];
    if (!from && !to) continue;
    const keys = new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})]);
    const ma: Record<string, string> = {};
    const mb: Record<string, string> = {};
    for (const k of keys) {
      const inA = from && k in from;
      const inB = to && k in to;
      const same = inA && inB && from[k] === to[k];
      if (inA) ma[k] = same ? '***' : '*** (before)';
      if (inB) mb[k] = same ? '***' : '*** (after)';
    }
    if (a && from) a[field] = ma;
    if (b && to) b[field] = mb;
  }
  // kubectl apply keeps the whole Secret, values included, in this annotation.
  for (const o of [a, b]) {
    const ann = o?.metadata?.annotations;
    if (ann?.['kubectl.kubernetes.io/last-applied-configuration']) o.metadata = { ...o.metadata, annotations: { ...ann, 'kubectl.kubernetes.io/last-applied-configuration': '***' } };
  }
  return [a, b];
}
