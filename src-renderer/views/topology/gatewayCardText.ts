import type { TopoObject } from '../../../shared/topology/topologyObject';

/** Card summaries for Gateway API kinds: listeners and addresses, a class's controller, a route's hosts and weights. */
export function gatewaySummary(o: TopoObject): string | undefined {
  if (o.gatewayClass) return `controller ${o.gatewayClass.controllerName || '(none)'}`;
  if (o.gateway) {
    const g = o.gateway;
    const listeners = g.listeners.slice(0, 2).map((l) => `${l.name} ${l.protocol}:${l.port}`).join(', ') + (g.listeners.length > 2 ? ` +${g.listeners.length - 2}` : '');
    const addr = g.addresses.length ? g.addresses.join(', ') : g.requestedAddresses.length ? `asks ${g.requestedAddresses.join(', ')}` : 'no address';
    return `${listeners} · ${addr}`;
  }
  if (o.route) {
    const hosts = o.route.hostnames.length ? o.route.hostnames.slice(0, 2).join(', ') : '*';
    const backends = o.route.rules.flatMap((r) => r.backends.map((b) => `${b.name}${r.backends.length > 1 ? ` ${b.weight}` : ''}`));
    return `${hosts} → ${[...new Set(backends)].slice(0, 3).join(', ')}`;
  }
  return undefined;
}
