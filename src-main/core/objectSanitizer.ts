/** Secret values stay in the main process until the user reveals one. */
export const MASK = '••••••••';

export function stripManagedFields<T extends Record<string, any>>(obj: T): T {
  if (!obj?.metadata?.managedFields) return obj;
  const { managedFields: _drop, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

export function maskSecret<T extends Record<string, any>>(obj: T): T {
  if (obj?.kind !== 'Secret') return obj;
  const maskValues = (m: Record<string, string> | undefined) => m && Object.fromEntries(Object.keys(m).map((k) => [k, MASK]));
  const out: any = { ...obj };
  if (obj.data) out.data = maskValues(obj.data);
  if (obj.stringData) out.stringData = maskValues(obj.stringData);
  const ann = obj.metadata?.annotations;
  // kubectl apply keeps the whole Secret, values included, in this annotation.
  if (ann?.['kubectl.kubernetes.io/last-applied-configuration']) {
    out.metadata = { ...obj.metadata, annotations: { ...ann, 'kubectl.kubernetes.io/last-applied-configuration': MASK } };
  }
  return out;
}
