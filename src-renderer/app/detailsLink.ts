import type { DetailsTarget } from '../views/details/detailsTarget';

// The details panel in the URL, so a link (or a reload) opens the same object on the same tab:
// ?obj=<group>/<version>/<resource>/<namespace or ->/<name>[/<uid>]&tab=<tab>. Core kinds have group "".

export function encodeDetails(t: DetailsTarget): string {
  return [t.group, t.version, t.resource, t.namespace ?? '-', t.name, ...(t.uid ? [t.uid] : [])].map(encodeURIComponent).join('/');
}

export function decodeDetails(text: string | null | undefined): DetailsTarget | undefined {
  if (!text) return undefined;
  const parts = text.split('/').map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  if (parts.length < 5 || parts.length > 6) return undefined;
  const [group, version, resource, ns, name, uid = ''] = parts;
  if (!version || !resource || !name) return undefined;
  return { group, version, resource, ...(ns !== '-' ? { namespace: ns } : {}), name, uid };
}

/** The current hash with some query parameters replaced (undefined or '' removes one). */
export function withParams(hash: string, changes: Record<string, string | undefined>): string {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) { if (v === undefined || v === '') q.delete(k); else q.set(k, v); }
  const qs = q.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}
