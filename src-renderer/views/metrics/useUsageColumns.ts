// CPU and Memory columns appended to the Pods, Nodes and Namespaces tables (ResourceTable): the server's Table
// rows get two more cells from the metrics topics. Kept incremental like the list itself: a change of
// the list re-makes only the rows it touched; a new metrics sample (every 15 s) re-makes them all.
import { useState } from 'react';
import type { TableColumn, TableRow } from '../../../shared/contract/resources';
import type { LiveListState } from '../../../shared/model/liveList';
import type { MetricsUnavailable } from '../../../shared/contract/metrics';
import { useNamespaceUsage, useNodeUsage, usePodUsage, type UsageIndex } from './useUsage';
import { namespaceCells, nodeCells, podCells, type UsageCell } from './usageCells';

export const USAGE_FORMAT = 'wheelhouse-usage';

type UsageKind = 'pods' | 'nodes' | 'namespaces';
const USAGE_KINDS: ReadonlySet<string> = new Set<UsageKind>(['pods', 'nodes', 'namespaces']);

const COLUMNS: Record<UsageKind, TableColumn[]> = {
  pods: [
    { name: 'CPU', type: 'number', format: USAGE_FORMAT, priority: 0, description: 'CPU as kubectl top pod prints it; the bar is the share of the request (or limit)' },
    { name: 'Memory', type: 'number', format: USAGE_FORMAT, priority: 0, description: 'Memory as kubectl top pod prints it; the bar is the share of the limit (or request)' },
  ],
  nodes: [
    { name: 'CPU', type: 'number', format: USAGE_FORMAT, priority: 0, description: 'CPU and CPU% of allocatable as kubectl top node prints them' },
    { name: 'Memory', type: 'number', format: USAGE_FORMAT, priority: 0, description: 'Memory and MEMORY% of allocatable as kubectl top node prints them' },
  ],
  namespaces: [
    { name: 'CPU', type: 'number', format: USAGE_FORMAT, priority: 0, description: 'CPU of the namespace\'s pods together (the sum of kubectl top pod -n NAME)' },
    { name: 'Memory', type: 'number', format: USAGE_FORMAT, priority: 0, description: 'Memory of the namespace\'s pods together (the sum of kubectl top pod -n NAME)' },
  ],
};

class Augmenter {
  private items = new Map<string, TableRow>();
  private srcItems?: ReadonlyMap<string, TableRow>;
  private srcVersion = -1;
  private usage?: unknown;
  private version = 0;
  private state?: LiveListState<TableRow>;

  update(list: LiveListState<TableRow>, usage: unknown, cells: (row: TableRow) => UsageCell[], extra: TableColumn[]): LiveListState<TableRow> {
    if (this.state && list.items === this.srcItems && list.version === this.srcVersion && usage === this.usage) return this.state;
    const incremental = list.items === this.srcItems && usage === this.usage && list.version === this.srcVersion + 1;
    // Before Age (kubectl top's figures beside the status columns; Age stays last, as kubectl prints it).
    const at = list.columns ? (i => (i < 0 ? list.columns!.length : i))(list.columns.findIndex((c) => c.name === 'Age')) : 0;
    const withCells = (r: TableRow): TableRow => ({ ...r, cells: [...r.cells.slice(0, at), ...cells(r), ...r.cells.slice(at)] });
    if (incremental) {
      for (const uid of list.deleted) this.items.delete(uid);
      for (const uid of list.changed) { const r = list.items.get(uid); if (r) this.items.set(uid, withCells(r)); }
    } else {
      // A new Map: the table re-sorts everything (a new sample changes every row's figures).
      this.items = new Map([...list.items].map(([uid, r]) => [uid, withCells(r)]));
    }
    Object.assign(this, { srcItems: list.items, srcVersion: list.version, usage });
    const columns = list.columns ? [...list.columns.slice(0, at), ...extra, ...list.columns.slice(at)] : undefined;
    this.state = { ...list, items: this.items, columns, version: ++this.version };
    return this.state;
  }
}

/** The list with CPU and Memory cells for pods, nodes and namespaces (unchanged for other resources), and what to say when metrics are missing. */
export function useUsageColumns(p: { context: string; group: string; resource: string; namespace?: string; off?: boolean }, list: LiveListState<TableRow>):
  { list: LiveListState<TableRow>; unavailable?: MetricsUnavailable } {
  // `off`: a merged view of several clusters (usage is one cluster's; rows of two would mix).
  const kind = !p.off && p.group === '' && USAGE_KINDS.has(p.resource) ? p.resource as UsageKind : undefined;
  // Pods of all namespaces per pod would mean a row each for the whole cluster: only a chosen
  // namespace's pods. The Namespaces table reads the whole cluster once per round, summed.
  const pods = usePodUsage(p.context, p.namespace, kind === 'pods');
  const nodes = useNodeUsage(p.context, kind === 'nodes');
  const namespaces = useNamespaceUsage(p.context, kind === 'namespaces');
  const [augmenter] = useState(() => new Augmenter());
  if (!kind || (kind === 'pods' && !p.namespace)) return { list };
  const usage: UsageIndex<unknown> = kind === 'pods' ? pods : kind === 'nodes' ? nodes : namespaces;
  const cells = kind === 'pods'
    ? (r: TableRow) => podCells(pods.byName.get(r.name), pods.unavailable, pods.loading)
    : kind === 'nodes' ? (r: TableRow) => nodeCells(nodes.byName.get(r.name), nodes.unavailable, nodes.loading)
      : (r: TableRow) => namespaceCells(namespaces.byName.get(r.name), namespaces.unavailable, namespaces.loading);
  return { list: augmenter.update(list, usage, cells, COLUMNS[kind]), unavailable: usage.unavailable };
}
