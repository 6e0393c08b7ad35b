import { compareEdges, edgeId, type TopoEdge } from './edges';

/**
 * The graph's edges: an edge between two visible nodes stays as it is; an edge touching a folded pod
 * is re-pointed at the pod's group node, once per (kind, source, target); an edge to anything hidden
 * or out of scope goes. Sorted, so the result does not depend on the input's order.
 */
export function repointEdges(edges: readonly TopoEdge[], groupOfPod: ReadonlyMap<string, string>, visible: (uid: string) => boolean): TopoEdge[] {
  const out: TopoEdge[] = [];
  const repointed = new Map<string, Map<string, Set<string>>>();
  for (const e of edges) {
    const sourceGroup = groupOfPod.get(e.source);
    const targetGroup = groupOfPod.get(e.target);
    if (!sourceGroup && !targetGroup) {
      if (visible(e.source) && visible(e.target)) out.push(e);
      continue;
    }
    const source = sourceGroup ?? (visible(e.source) ? e.source : undefined);
    const target = targetGroup ?? (visible(e.target) ? e.target : undefined);
    if (!source || !target || source === target) continue;
    let bySource = repointed.get(source);
    if (!bySource) repointed.set(source, (bySource = new Map()));
    let kinds = bySource.get(target);
    if (!kinds) bySource.set(target, (kinds = new Set()));
    if (kinds.has(e.kind)) continue;
    kinds.add(e.kind);
    out.push({ id: edgeId(e.kind, source, target), kind: e.kind, source, target });
  }
  return out.sort(compareEdges);
}
