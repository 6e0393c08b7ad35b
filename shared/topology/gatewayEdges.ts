import type { NameIndex } from './edges';
import type { TopoObject } from './topologyObject';
import { GATEWAY_GROUP, ROUTE_KINDS } from './gatewayApi';

type Add = (kind: 'routes' | 'classifies', source: TopoObject | undefined, target: TopoObject | undefined) => void;

/**
 * Gateway API edges: GatewayClass → Gateway (`classifies`, by gatewayClassName), Gateway → route
 * (`routes`, by each parentRef of kind Gateway, namespace defaulting to the route's), route → Service
 * (`routes`, by each backendRef of kind Service in the core group, namespace defaulting to the route's).
 */
export function addGatewayEdges(o: TopoObject, names: NameIndex, add: Add): void {
  if (o.kind === 'Gateway' && o.gateway?.className) {
    add('classifies', names.get(undefined, GATEWAY_GROUP, 'GatewayClass', o.gateway.className), o);
    return;
  }
  if (!ROUTE_KINDS.has(o.kind) || !o.route) return;
  for (const p of o.route.parents) {
    if (p.kind === 'Gateway') add('routes', names.get(p.namespace ?? o.namespace, GATEWAY_GROUP, 'Gateway', p.name), o);
  }
  for (const rule of o.route.rules) {
    for (const b of rule.backends) {
      if (b.kind === 'Service') add('routes', o, names.get(b.namespace ?? o.namespace, '', 'Service', b.name));
    }
  }
}
