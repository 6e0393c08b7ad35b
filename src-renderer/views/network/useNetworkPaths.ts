import { useMemo } from 'react';
import { useLiveList } from '../../data/clientContext';
import { builtInKind } from '../../../shared/model/kinds';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import { computeNetworkPaths, type TrafficPath } from '../../../shared/network/networkPaths';
import { useTopologyObjects, type TopologyObjects } from '../topology/useTopologyObjects';

const INGRESS_CLASS = builtInKind('IngressClass');

/**
 * The Network view's data: the topology's live lists (one shared watch per kind in the core, Gateway
 * API kinds only where served) plus IngressClasses, turned into paths per namespace.
 */
export function useNetworkPaths(context: string, namespace: string | undefined): TopologyObjects & { paths: TrafficPath[]; forbiddenKinds: string[] } {
  const topo = useTopologyObjects(context, namespace);
  const classes = useLiveList<TopoObject>({ context, group: INGRESS_CLASS.group, version: INGRESS_CLASS.version, resource: INGRESS_CLASS.resource, projection: 'topology' });
  const paths = useMemo(() => {
    const all = [...topo.objects, ...classes.items.values()];
    const namespaces = namespace ? namespace.split(',') : [...new Set(topo.objects.filter((o) => o.kind === 'Service').map((o) => o.namespace!))].sort();
    const readable = !(classes.freshness?.state === 'forbidden' || classes.freshness?.state === 'unauthorized');
    return namespaces.flatMap((ns) => computeNetworkPaths(all, ns, { ingressClassesReadable: readable }).map((p) => ({ ...p, id: `${ns}/${p.id}`, namespace: ns })));
  }, [topo.objects, classes.version, classes.freshness?.state, namespace]); // eslint-disable-line react-hooks/exhaustive-deps
  const classesDenied = classes.freshness?.state === 'forbidden' || classes.freshness?.state === 'unauthorized';
  return { ...topo, paths, forbiddenKinds: [...topo.forbidden.map((x) => x.kind), ...(classesDenied ? ['IngressClass'] : [])] };
}
