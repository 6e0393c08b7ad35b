import { apiGroup } from '../model/kubeObject';
import { LabelIndex } from './selectorIndex';
import { scaleTargetGroup } from '../actions/autoscalerTarget';
import type { TopoObject } from './topologyObject';
import { addGatewayEdges } from './gatewayEdges';

/**
 * owns: ownerReferences (Deployment→ReplicaSet→Pod, StatefulSet/DaemonSet/Job→Pod, CronJob→Job)
 * selects: Service→Pod by the Service's selector
 * routes: Ingress→Service (rules and default backend)
 * scales: HorizontalPodAutoscaler→its scaleTargetRef
 * mounts: Pod→PersistentVolumeClaim/ConfigMap/Secret
 * binds: PersistentVolumeClaim→PersistentVolume
 * classifies, routes: GatewayClass→Gateway→HTTPRoute/GRPCRoute/TLSRoute/TCPRoute→Service (gatewayEdges.ts)
 * Edges point from the object that names the other to the one named (owner to owned for `owns`).
 */
export type EdgeKind = 'owns' | 'selects' | 'routes' | 'scales' | 'mounts' | 'binds' | 'classifies';

export interface TopoEdge {
  /** `${kind}:${source}->${target}`: stable across rebuilds, unique per kind and pair. */
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
}

export const edgeId = (kind: EdgeKind, source: string, target: string) => `${kind}:${source}->${target}`;

/** Lookup of objects by (namespace, API group, kind, name); the group keeps a CRD named "Deployment" apart. */
export class NameIndex {
  private readonly map = new Map<string, TopoObject>();

  constructor(objects: Iterable<TopoObject>) {
    for (const o of objects) this.map.set(NameIndex.key(o.namespace, apiGroup(o.apiVersion), o.kind, o.name), o);
  }

  static key(namespace: string | undefined, group: string, kind: string, name: string): string {
    return `${namespace ?? ''}\u0000${group}\u0000${kind}\u0000${name}`;
  }

  get(namespace: string | undefined, group: string, kind: string, name: string): TopoObject | undefined {
    return this.map.get(NameIndex.key(namespace, group, kind, name));
  }
}


/**
 * Orders edges by kind, then source, then target: deterministic, and cheaper than comparing ids
 * (comparing the parts reuses the uid strings instead of flattening freshly built ids).
 */
export function compareEdges(a: TopoEdge, b: TopoEdge): number {
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1
    : a.source < b.source ? -1 : a.source > b.source ? 1
      : a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
}

/**
 * All edges between `objects`, in O(n + edges): owners by uid, names by an index, selectors by a
 * per-namespace label index. EndpointSlices give no edges: the graph folds them into their Service.
 * References to objects not in the set give no edge. Sorted by compareEdges, so equal input gives
 * equal output whatever its order.
 */
export function buildEdges(objects: readonly TopoObject[]): TopoEdge[] {
  const byUid = new Map<string, TopoObject>();
  for (const o of objects) if (o.kind !== 'EndpointSlice') byUid.set(o.uid, o);
  const names = new NameIndex(objects);
  const pods = new LabelIndex(objects.filter((o) => o.kind === 'Pod'));
  const edges: TopoEdge[] = [];
  // Each rule below yields each (source, target) pair once, except repeated owner references.
  const add = (kind: EdgeKind, source: TopoObject, target: TopoObject | undefined) => {
    if (target && target.uid !== source.uid) edges.push({ id: edgeId(kind, source.uid, target.uid), kind, source: source.uid, target: target.uid });
  };

  for (const o of objects) {
    if (o.kind === 'EndpointSlice') continue;
    const refs = o.ownerReferences;
    if (refs) {
      for (let i = 0; i < refs.length; i++) {
        const uid = refs[i].uid;
        let repeated = false;
        for (let j = 0; j < i; j++) if (refs[j].uid === uid) repeated = true;
        const owner = byUid.get(uid);
        if (owner && !repeated) add('owns', owner, o);
      }
    }
    const ns = o.namespace;
    switch (o.kind) {
      case 'Service':
        if (o.selector) for (const p of pods.select(ns, o.selector)) add('selects', o, p);
        break;
      case 'Ingress':
        for (const name of o.ingress?.backends ?? []) add('routes', o, names.get(ns, '', 'Service', name));
        break;
      case 'HorizontalPodAutoscaler': {
        const t = o.hpa?.target;
        if (t?.name) add('scales', o, names.get(ns, scaleTargetGroup(t), t.kind, t.name));
        break;
      }
      case 'Pod':
        for (const name of o.pod?.pvcs ?? []) add('mounts', o, names.get(ns, '', 'PersistentVolumeClaim', name));
        for (const name of o.pod?.configMaps ?? []) add('mounts', o, names.get(ns, '', 'ConfigMap', name));
        for (const name of o.pod?.secrets ?? []) add('mounts', o, names.get(ns, '', 'Secret', name));
        break;
      case 'PersistentVolumeClaim':
        if (o.pvc?.volumeName) add('binds', o, names.get(undefined, '', 'PersistentVolume', o.pvc.volumeName));
        break;
      default:
        addGatewayEdges(o, names, (kind, source, target) => { if (source) add(kind, source, target); });
    }
  }
  return edges.sort(compareEdges);
}
