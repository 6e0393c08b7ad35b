// What the API server must allow for each Helm action, as SelfSubjectAccessReview attributes: the
// release storage helm reads and writes (Secrets in the release's namespace). The core checks these
// before running helm; the renderer asks the same to disable a button with the reason. Writes to the
// release's own objects are checked by the API server as helm makes them, and a refusal comes back in
// helm's own words.

export type HelmActionId = 'rollback' | 'upgrade' | 'uninstall';

export interface HelmAccessCheck { verb: string; group: string; resource: string; namespace: string }

export function helmAccessChecks(action: HelmActionId, namespace: string, keepHistory = false): HelmAccessCheck[] {
  const on = (verb: string): HelmAccessCheck => ({ verb, group: '', resource: 'secrets', namespace });
  switch (action) {
    case 'rollback':
    case 'upgrade':
      return [on('get'), on('list'), on('create'), on('update')];
    case 'uninstall':
      // helm marks the release uninstalling (update), then keeps it as uninstalled or deletes every revision.
      return keepHistory ? [on('list'), on('update')] : [on('list'), on('update'), on('delete')];
  }
}
