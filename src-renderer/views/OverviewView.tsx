import { TopologyView, type TopologySelection } from './topology/TopologyView';

export type Selection = TopologySelection;

/** The namespace at a glance: the live topology graph (all namespaces: one box per namespace). */
export function OverviewView({ context, namespace, onSelect }: { context: string; namespace?: string; onSelect(s: Selection): void }) {
  return <TopologyView context={context} namespace={namespace} onSelect={onSelect} />;
}
