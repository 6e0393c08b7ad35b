import { useMemo } from 'react';
import type { HelmObjectRef } from '../../../shared/contract/helm';
import { useTopologyObjects } from '../topology/useTopologyObjects';
import { topologyKind } from '../topology/topologyKinds';
import { indexLive } from './releaseObjects';

export interface DetailsSelection { group: string; version: string; resource: string; namespace?: string; name: string; uid: string }

/**
 * The release's objects (from its manifest) with their live health, the topology's rules and live
 * lists of the release's namespace; a click opens the object's details like anywhere else.
 */
export function HelmObjects({ context, namespace, objects, onSelect }: { context: string; namespace: string; objects: HelmObjectRef[]; onSelect(s: DetailsSelection): void }) {
  const topo = useTopologyObjects(context, namespace);
  const live = useMemo(() => indexLive(topo.objects), [topo.objects]);
  return (
    <table className="helm-table helm-objects" data-testid="helm-objects">
      <thead><tr><th>Kind</th><th>Name</th><th>Health</th><th>Template</th></tr></thead>
      <tbody>
        {objects.map((o) => {
          const k = topologyKind(o.kind);
          const found = live.get(o);
          const health = !k ? undefined : found ? found.health : topo.ready ? { status: 'Missing' as const, message: 'Not in the cluster' } : undefined;
          const open = found && k ? () => onSelect({ group: k.group, version: k.version, resource: k.resource, namespace: found.namespace, name: found.name, uid: found.uid }) : undefined;
          return (
            <tr key={o.key} data-testid={`helm-object-${o.kind}-${o.name}`}>
              <td>{o.kind}</td>
              <td>{open ? <a href="#" onClick={(e) => { e.preventDefault(); open(); }}>{o.name}</a> : o.name}</td>
              <td>{health ? <span className={`helm-health helm-health-${health.status.toLowerCase()}`} title={health.message}>{health.status}</span> : <span className="muted" title="Health is assessed for the kinds the topology draws">—</span>}</td>
              <td className="muted helm-source">{o.source ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
