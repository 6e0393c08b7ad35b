import { useClusterState } from '../../components/ClusterStatusBadge';
import { OverviewView } from '../OverviewView';
import { TopologyView, type TopologySelection } from './TopologyView';

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
            {/* The route's cluster's graph is the overview: the palette's "Show in topology" goes there. */}
            {i === 0
              ? <OverviewView context={c} namespace={namespace} onSelect={(s) => onSelect(c, s)} />
              : <TopologyView context={c} namespace={namespace} onSelect={(s) => onSelect(c, s)} />}
          </div>
        </section>
      ))}
    </div>
  );
}

function ClusterHead({ context }: { context: string }) {
  const { state, words } = useClusterState(context);
  return (
    <header className="merged-topology-head" title={state !== 'ready' ? words : undefined}>
      <span className={`dot dot-${state}`} aria-hidden /><b className="mono">{context}</b>
      {state !== 'ready' && <span className="muted">{words}</span>}
    </header>
  );
}
