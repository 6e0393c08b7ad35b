import { useLiveList } from '../data/clientContext';
import type { TopoObject } from '../../shared/topology/topologyObject';
import { FreshnessBadge } from '../components/FreshnessBadge';

export interface Selection { group: string; version: string; resource: string; namespace?: string; name: string; uid: string }

/** The namespace at a glance. (The topology graph replaces this view.) */
export function OverviewView({ context, namespace }: { context: string; namespace?: string; onSelect(s: Selection): void }) {
  const pods = useLiveList<TopoObject>({ context, group: '', version: 'v1', resource: 'pods', namespace, projection: 'topology' });
  return (
    <div className="overview">
      <div className="toolbar"><h2>Overview</h2><FreshnessBadge freshness={pods.freshness} /></div>
      <p>{pods.items.size} pods</p>
    </div>
  );
}
