import { useMemo } from 'react';
import type { HelmObjectRef } from '../../../shared/contract/helm';
import { TopologyView } from '../topology/TopologyView';
import { useTopologyObjects } from '../topology/useTopologyObjects';
import type { DetailsSelection } from './HelmObjects';
import { indexLive, releaseObjectUids } from './releaseObjects';

/**
 * The release's objects drawn by the topology (same cards, edges, health rollup and actions), scoped
 * to exactly the manifest's objects and what they own: a Deployment's ReplicaSets and Pods.
 */
export function HelmReleaseGraph({ context, namespace, name, objects, onSelect }: {
  context: string; namespace: string; name: string; objects: HelmObjectRef[]; onSelect(s: DetailsSelection): void;
}) {
  // The same live lists the graph watches (shared in the main process), to turn names into uids.
  const topo = useTopologyObjects(context, namespace);
  const uids = useMemo(() => releaseObjectUids(objects, indexLive(topo.objects)), [objects, topo.objects]);
  const uidsKey = uids.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new array with the same uids is the same scope
  const scope = useMemo(() => ({ uids, title: `Release ${name}` }), [uidsKey, name]);
  return (
    <div className="helm-graph" data-testid="helm-graph">
      {!topo.ready
        ? <div className="empty">Loading the release's objects…</div>
        : <TopologyView context={context} namespace={namespace} objects={scope} onSelect={onSelect} />}
    </div>
  );
}
