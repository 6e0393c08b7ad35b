import type { HelmObjectRef } from '../../../shared/contract/helm';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import { topologyKind } from '../topology/topologyKinds';

/**
 * A release's manifest names its objects by kind, namespace and name; the live lists know them by
 * uid. One matching rule for the objects table and the release's graph.
 */
export interface LiveIndex { get(ref: HelmObjectRef): TopoObject | undefined }

const keyOf = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;

export function indexLive(objects: readonly TopoObject[]): LiveIndex {
  const byKey = new Map(objects.map((o) => [keyOf(o.kind, o.namespace ?? '', o.name), o]));
  return {
    get(ref) {
      const k = topologyKind(ref.kind);
      // A cluster-scoped kind has no namespace, whatever the manifest (or helm's default) says.
      return k ? byKey.get(keyOf(ref.kind, k.namespaced ? (ref.namespace ?? '') : '', ref.name)) : undefined;
    },
  };
}

/** The uids of the release's objects that exist now (kinds the topology does not draw are left out). */
export function releaseObjectUids(refs: readonly HelmObjectRef[], live: LiveIndex): string[] {
  const uids: string[] = [];
  for (const r of refs) {
    const o = live.get(r);
    if (o) uids.push(o.uid);
  }
  return uids.sort();
}
