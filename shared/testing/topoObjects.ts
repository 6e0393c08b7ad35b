import type { TopoObject, TopoOwnerRef } from '../topology/topologyObject';

/**
 * Hand-written TopoObjects for the graph stages' unit tests, where a projected fixture
 * (topologyFixtures.ts) would hide the one field a test is about. uid = `kind/name`.
 */
export function topo(kind: string, name: string, extra: Partial<TopoObject> = {}): TopoObject {
  return { uid: `${kind}/${name}`, kind, apiVersion: 'v1', name, namespace: 'demo', health: { status: 'Healthy' }, ...extra };
}

/** An owner reference to `owner`, controlling unless told otherwise. */
export const ownedBy = (owner: TopoObject, controller = true): TopoOwnerRef => ({ kind: owner.kind, name: owner.name, uid: owner.uid, controller });

export const byUidOf = (objects: readonly TopoObject[]) => new Map(objects.map((o) => [o.uid, o]));
