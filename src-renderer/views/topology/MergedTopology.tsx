import { useTopicValue } from '../../data/clientContext';
import { TopologyView, type TopologySelection } from './TopologyView';
import { MAIN_TOPOLOGY, TopologyFocusTarget } from './topologyFocusRequest';

/**
 * The topology of several clusters shown together: one box per cluster (each its own live graph, one
 * box per namespace inside when all namespaces are shown), the cluster's name and connection state on
 * top. A card selects its object in its own cluster.
 */
export function MergedTopology({ contexts, namespace, onSelect }: { contexts: readonly string[]; namespace?: string; onSelect(context: string, s: TopologySelection): void }) {
  return (
    <div className="merged-topology" data-testid="merged-topology">
      {contexts.map((c, i) => (
        <section key={c} className="merged-topology-box" aria-label={`Topology of cluster ${c}`} data-testid={`topology-box-${c}`}>
          <ClusterHead context={c} />
          <div className="merged-topology-canvas">
            {/* The route's cluster's graph is where the palette's "Show in topology" goes. */}
            {i === 0
              ? <TopologyFocusTarget value={MAIN_TOPOLOGY}><TopologyView context={c} namespace={namespace} onSelect={(s) => onSelect(c, s)} /></TopologyFocusTarget>
              : <TopologyView context={c} namespace={namespace} onSelect={(s) => onSelect(c, s)} />}
          </div>
        </section>
      ))}
    </div>
  );
}

function ClusterHead({ context }: { context: string }) {
  const status = useTopicValue('cluster.watch', { context });
  const state = status?.state ?? 'connecting';
  return (
    <header className="merged-topology-head" title={status?.reason && state !== 'ready' ? status.reason : undefined}>
      <span className={`dot dot-${state}`} aria-hidden /><b className="mono">{context}</b>
      {state !== 'ready' && <span className="muted">{state}{status?.reason ? `: ${status.reason}` : ''}</span>}
    </header>
  );
}
