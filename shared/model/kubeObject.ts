/**
 * The minimal shape of a Kubernetes object as the API server returns it (JSON), enough to read
 * metadata safely. `spec` and `status` stay untyped on purpose: every kind differs, and code that
 * reads them (projections, health rules) must treat each field as possibly absent.
 */
export interface OwnerReference {
  apiVersion?: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  uid?: string;
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  creationTimestamp?: string;
  resourceVersion?: string;
  deletionTimestamp?: string;
  generation?: number;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: any;
  status?: any;
}

/** The API group of an apiVersion: '' for the core group ("v1"), "apps" for "apps/v1". */
export function apiGroup(apiVersion: string | undefined): string {
  if (!apiVersion) return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** metav1.IsControlledBy: the object's controller owner reference points at the owner's uid. */
export function isControlledBy(
  obj: { metadata?: { ownerReferences?: readonly { uid?: string; controller?: boolean }[] } },
  owner: { metadata?: { uid?: string } },
): boolean {
  const uid = owner.metadata?.uid;
  if (!uid) return false;
  return (obj.metadata?.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid);
}
