import { TopologyView, type TopologySelection } from './topology/TopologyView';
import { MAIN_TOPOLOGY, TopologyFocusTarget } from './topology/topologyFocusRequest';

export type Selection = TopologySelection;

/** The namespace at a glance: the live topology graph (all namespaces: one box per namespace). */
export function OverviewView({ context, namespace, onSelect }: { context: string; namespace?: string; onSelect(s: Selection): void }) {
  // The graph the palette's "Show in topology" goes to (a Helm release's or an Application's graph never takes it).
  return <TopologyFocusTarget value={MAIN_TOPOLOGY}><TopologyView context={context} namespace={namespace} onSelect={onSelect} /></TopologyFocusTarget>;
}
