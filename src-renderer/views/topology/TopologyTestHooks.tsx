import type { TopologyFlowEdge, TopologyFlowNode } from './flowModel';

/**
 * For end-to-end tests: the graph exactly as handed to React Flow, as JSON text in hidden elements.
 * React Flow culls what is off screen (onlyRenderVisibleElements), so the DOM alone cannot say which
 * edges exist. Off unless the page sets localStorage `wheelhouse.testHooks` to "1" (the e2e specs
 * do), so a real session never pays for serialising the graph.
 */
export function isTestHooksEnabled(): boolean {
  try {
    return globalThis.localStorage?.getItem('wheelhouse.testHooks') === '1';
  } catch {
    return false;
  }
}

export function TopologyTestHooks({ nodes, edges }: { nodes: readonly TopologyFlowNode[]; edges: readonly TopologyFlowEdge[] }) {
  const nodeList = nodes.filter((n) => n.type !== 'namespace').map((n) => {
    const d = (n.data as { node?: import('../../../shared/topology/graph').TopoNode }).node;
    return {
      id: n.id, kind: d?.kind, name: d?.name, namespace: d?.namespace, health: d?.health.status,
      x: n.position.x, y: n.position.y, hidden: !!n.hidden,
      replicas: d?.type === 'object' ? d.object.replicas : undefined,
      count: d?.type === 'podGroup' ? d.count : undefined,
    };
  });
  const groups = nodes.filter((n) => n.type === 'namespace').map((n) => ({ namespace: n.data.namespace, x: n.position.x, y: n.position.y, width: n.width, height: n.height }));
  const edgeList = edges.map((e) => ({ id: e.id, kind: e.data?.kind, source: e.source, target: e.target, hidden: !!e.hidden }));
  return (
    <>
      <div hidden data-testid="topology-nodes">{JSON.stringify(nodeList)}</div>
      <div hidden data-testid="topology-edges">{JSON.stringify(edgeList)}</div>
      <div hidden data-testid="topology-groups">{JSON.stringify(groups)}</div>
    </>
  );
}
