// What `kubectl diff` leaves out when it compares a live object with the result of a server-side dry
// run: fields the server changes on every write and status. Keys are sorted so two objects with the
// same content print the same YAML line for line.

const NOISE_METADATA = ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink'];

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export function normalizeForDiff(obj: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(obj)) as Record<string, any>;
  delete copy.status;
  if (copy.metadata) {
    for (const k of NOISE_METADATA) delete copy.metadata[k];
    if (copy.metadata.annotations && Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  }
  return sortKeys(copy) as Record<string, unknown>;
}

export function sameObject(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}
