import type { HealthStatus } from './health';
import type { TopoObject } from './topologyObject';
import { noControllerText } from './gatewayApi';

/**
 * A Gateway no controller has accepted can only say so fully with its class in hand: "not accepted by
 * any controller: GatewayClass x names controller y". Per-object health (health.ts) sees one object,
 * so this stage, given them all, rewrites that message; every other health is left as it is.
 */
export function gatewayHealthNotes(objects: readonly TopoObject[]): Map<string, HealthStatus> {
  const controllers = new Map<string, string>();
  for (const o of objects) if (o.gatewayClass) controllers.set(o.name, o.gatewayClass.controllerName);
  const out = new Map<string, HealthStatus>();
  for (const o of objects) {
    if (!o.gateway || o.health.status !== 'Progressing' || !o.health.message?.startsWith('Not accepted by any controller')) continue;
    const text = noControllerText(o.gateway.className, controllers.get(o.gateway.className));
    out.set(o.uid, { status: 'Progressing', message: text.charAt(0).toUpperCase() + text.slice(1) });
  }
  return out;
}
