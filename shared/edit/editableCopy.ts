// The object as a person edits it: without status and the metadata the server owns. The editor shows
// this text, and an edit's two-way patch is computed from it, so fields the server manages are never
// part of what the user sends.

export const SERVER_OWNED_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds'];

/** A copy without status and server-owned metadata; apiVersion, kind, metadata first, as kubectl prints them. */
export function editableCopy(obj: any): Record<string, unknown> {
  if (!obj || typeof obj !== 'object') return {};
  const { status: _status, apiVersion, kind, metadata: _metadata, ...rest } = obj;
  const metadata = { ...(obj.metadata ?? {}) };
  for (const k of SERVER_OWNED_METADATA) delete metadata[k];
  return { ...(apiVersion !== undefined ? { apiVersion } : {}), ...(kind !== undefined ? { kind } : {}), metadata, ...rest };
}
