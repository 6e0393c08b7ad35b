/**
 * What `kubectl diff` shows minus what the server writes on every update: managedFields (kubectl drops
 * them too), resourceVersion, generation, uid, creationTimestamp, and status. A dry-run apply that
 * changes nothing real still changes these (a new managedFields entry bumps resourceVersion), so they
 * are noise when asking "does the cluster match the source".
 */
export function normalizeForDiff(obj: Record<string, any>): Record<string, any> {
  const { status: _status, ...rest } = obj;
  if (!rest.metadata || typeof rest.metadata !== 'object') return rest;
  const { managedFields: _m, resourceVersion: _r, generation: _g, uid: _u, creationTimestamp: _c, ...metadata } = rest.metadata;
  return { ...rest, metadata };
}

/**
 * The paths where two JSON values differ, `spec.replicas`, `metadata.labels.team`,
 * `spec.template.spec.containers[0].image`; a list of a different length is one path.
 */
export function differingPaths(a: unknown, b: unknown, limit = 50): string[] {
  const out: string[] = [];
  walk(a, b, '', out, limit);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit || a === b) return;
  const bothObjects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object';
  if (!bothObjects || Array.isArray(a) !== Array.isArray(b)) {
    out.push(path || '(root)');
    return;
  }
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) { out.push(path || '(root)'); return; }
    a.forEach((v, i) => walk(v, bb[i], `${path}[${i}]`, out, limit));
    return;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort();
  for (const k of keys) {
    const seg = /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k);
    const p = seg.startsWith('"') ? `${path}[${seg}]` : path ? `${path}.${seg}` : seg;
    if (!(k in ao) || !(k in bo)) { if (out.length < limit) out.push(p); continue; }
    walk(ao[k], bo[k], p, out, limit);
  }
}
