import { RowMenu } from '../actions/RowMenu';
import { useEffect, useMemo, useState } from 'react';
import { useTopologyFocusRequest } from './topologyFocusRequest';
import { ControlButton, Controls, Panel, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './topology.css';
import type { HealthStatusCode } from '../../../shared/topology/health';
import { FreshnessBadge } from '../../components/FreshnessBadge';
import { isSystemObject } from '../../topology-engine/systemObjects';
import type { TopologyFlowEdge, TopologyFlowNode } from './flowModel';
import { countNodes, NO_FILTERS, type GraphFilters } from './graphFilters';
import { nodeTypes, TopologyActionsContext } from './TopologyCards';
import { CONTROLLER_KINDS, kindLabel } from './topologyKinds';
import { findObject, useTopologyLists } from './useTopologyLists';
import { TopologyUsageContext, useTopologyUsage } from './topologyUsage';
import { KindIcon } from './KindIcon';
import { isTestHooksEnabled, TopologyTestHooks } from './TopologyTestHooks';
import { useTopologyGraph } from './useTopologyGraph';
import { TopologyMinimap } from './TopologyMinimap';
import { TopologyBackground } from './TopologyBackground';
import { edgeTypes } from './TopologyEdge';
import { TopologyFilterBar } from './TopologyFilterBar';
import { useTopologyScope } from './useTopologyScope';
import { useFlowElements } from './useFlowElements';
import { useCentreOn, useTopologyCamera } from './useTopologyCamera';
import { useGraphSearch } from './useGraphSearch';
import { useTopologyActions } from './useTopologyActions';
import { useNodeHandlers, type TopologySelection } from './useNodeHandlers';

export type { TopologySelection } from './useNodeHandlers';

interface Props {
  context: string;
  /** Undefined: all namespaces, drawn as one box per namespace. */
  namespace?: string;
  /** A fixed set of objects to draw instead of the namespace (a Helm release's), named by `title`. */
  objects?: { uids: readonly string[]; title: string };
  onSelect(s: TopologySelection): void;
}

const healthColor: Record<HealthStatusCode, string> = {
  Healthy: 'var(--ok)', Progressing: 'var(--accent)', Degraded: 'var(--bad)', Suspended: 'var(--suspended)', Missing: 'var(--warn)', Unknown: 'var(--muted)',
};

/** Module-level, so the minimap's paths are drawn again only when the nodes change. */
const minimapColor = (n: TopologyFlowNode) => (n.type === 'namespace' ? 'transparent' : healthColor[n.data.node.health.status]);

const EDGE_LEGEND: { kind: string; label: string }[] = [
  { kind: 'owns', label: 'owns' }, { kind: 'selects', label: 'selects' }, { kind: 'routes', label: 'routes' },
  { kind: 'scales', label: 'scales' }, { kind: 'mounts', label: 'mounts' }, { kind: 'binds', label: 'binds' }, { kind: 'classifies', label: 'classifies' },
];

export function TopologyView(props: Props) {
  return (
    <ReactFlowProvider>
      <TopologyCanvas {...props} />
    </ReactFlowProvider>
  );
}

/**
 * The graph of a namespace (or all, or a given set of objects): the live lists feed the topology
 * worker (useTopologyGraph), whose placed graph becomes React Flow's elements (useFlowElements), with
 * search, filters, camera, card actions and mouse handling each in a hook of its own.
 */
function TopologyCanvas({ context, namespace, objects: given, onSelect }: Props) {
  const topo = useTopologyLists(context, namespace);
  const { ready, freshness, forbidden, errors, lists, versionKey } = topo;
  const { baseScope, scope, setScope, key, selectedId, setSelectedId } = useTopologyScope(context, namespace, given?.uids);
  const baseTitle = given?.title ?? (namespace ? `Namespace ${namespace}` : 'All namespaces');
  const [expandedGroups, setExpandedGroups] = useState<ReadonlySet<string>>(new Set());
  const [expandedRs, setExpandedRs] = useState<ReadonlySet<string>>(new Set());
  const [filters, setFilters] = useState<GraphFilters>(NO_FILTERS);
  const [showMinimap, setShowMinimap] = useState(true);
  // Off by default: on, the namespace's pod metrics are read every 15 s for the cards.
  const [showUsage, setShowUsage] = useState(false);
  const singleNamespace = namespace && !namespace.includes(',') ? namespace : undefined;

  // Built and placed in the topology worker; nodes that the scope has seen keep their spot, only
  // new ones are placed, and positions outlive the view (a table and back finds every node in place).
  const graph = useTopologyGraph({ context, topo, scopeKey: key, scope, expandedGroups, expandedReplicaSets: expandedRs, systemObjects: !!filters.system });
  const { topology, positionOf, move } = graph;
  const usage = useTopologyUsage(context, singleNamespace, lists, graph.version, showUsage);

  const centreOn = useCentreOn(positionOf);
  const search = useGraphSearch(topology.nodes, positionOf, centreOn);
  const { derivedNodes, nodes, edges, hiddenIds, onNodesChange, onNodeDragStop } = useFlowElements({
    topology, positionOf, move, filters, selectedId, matches: search.matchSet, currentMatch: search.currentMatch, expandedGroups, expandedReplicaSets: expandedRs,
  });
  const { canvasRef, fitAll, refit } = useTopologyCamera({ derivedNodes, ready, loaded: graph.loaded, scopeKey: key });
  const { onNodeClick, onNodeContextMenu, onNodeDoubleClick, cardMenu, closeCardMenu } = useNodeHandlers({ onSelect, setSelectedId, setScope, setExpandedGroups });
  const { actions, actionError, runError, dismiss, confirmDialog } = useTopologyActions(context, setExpandedRs, setExpandedGroups);

  // "Show in topology" from the command palette: select the object and show its neighbourhood once it is here.
  const [focusUid, focusTaken] = useTopologyFocusRequest();
  useEffect(() => {
    const o = focusUid ? findObject(lists, focusUid) : undefined;
    if (!o) return;
    focusTaken();
    setSelectedId(o.uid);
    setScope({ type: 'focus', uid: o.uid, hops: 1 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusUid, versionKey]);

  const counts = useMemo(() => countNodes(topology.nodes), [topology]);
  const root = scope.type === 'workload' || scope.type === 'focus' ? findObject(lists, scope.uid.replace(/^podGroup:/, '')) : undefined;
  const selectedObject = selectedId ? findObject(lists, selectedId) : undefined;
  const shown = topology.nodes.length - hiddenIds.size;
  const configMaps = lists.find((l) => l.kind.kind === 'ConfigMap')?.state;
  const hasSystem = useMemo(() => [...(configMaps?.items.values() ?? [])].some(isSystemObject), [configMaps?.items, configMaps?.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const relayout = () => {
    refit(key);
    graph.relayout();
  };
  const { query, setQuery, matches, matchIndex, onSearchKey } = search;

  return (
    <div className="topology" data-testid="topology">
      <div className="toolbar topo-toolbar">
        <nav className="breadcrumb" aria-label="Topology scope">
          {scope.type === baseScope.type
            ? <h2>{given ? <span className="crumb-name">{given.title}</span> : namespace ? <>Namespace <span className="crumb-name">{namespace}</span></> : 'All namespaces'}</h2>
            : (
              <>
                <button type="button" className="crumb" onClick={() => setScope(baseScope)} data-testid="back-to-namespace">
                  ← {baseTitle}
                </button>
                <span className="crumb-sep">›</span>
                <h2>
                  {scope.type === 'workload' ? 'Workload' : `Neighbourhood (${scope.type === 'focus' ? scope.hops : 1} hop${scope.type === 'focus' && scope.hops === 2 ? 's' : ''})`}{' '}
                  {root ? <><KindIcon kind={root.kind} size={18} /> <span className="crumb-name">{root.name}</span></> : <span className="muted">(gone)</span>}
                </h2>
              </>
            )}
        </nav>
        <input className="filter topo-search" type="search" placeholder="Search name, kind, label…" value={query} aria-label="Search the graph"
          onChange={(e) => setQuery(e.target.value)} onKeyDown={onSearchKey} data-testid="topology-search" />
        {matches && <span className="count" data-testid="search-count">{matches.length === 0 ? 'no match' : `${Math.min(matchIndex, matches.length - 1) + 1} of ${matches.length}`}</span>}
        <span className="count">{shown === topology.nodes.length ? `${shown} nodes` : `${shown} of ${topology.nodes.length} nodes`}</span>
        {forbidden.length > 0 && (
          <span className="forbidden-note" title="Your account may not list these kinds here; the graph is drawn without them.">
            Not permitted to list: {forbidden.map((k) => kindLabel(k.kind)).join(', ')}
          </span>
        )}
        <label className="toggle" title={singleNamespace ? 'Show each pod\'s and workload\'s current CPU and memory on its card (reads the namespace\'s metrics every 15 s)' : 'CPU and memory on cards need one namespace: pick one in the namespace picker'}>
          <input type="checkbox" checked={showUsage && !!singleNamespace} disabled={!singleNamespace} onChange={(e) => setShowUsage(e.target.checked)} data-testid="topology-usage-toggle" /> CPU/memory
        </label>
        <button type="button" onClick={relayout} title="Lay the graph out afresh (dragged positions are forgotten)" data-testid="relayout">Re-layout</button>
        <FreshnessBadge freshness={freshness} />
      </div>
      <TopologyFilterBar counts={counts} filters={filters} setFilters={setFilters} hasSystem={hasSystem} />
      <div className="topo-canvas" ref={canvasRef}>
        {(!ready || !graph.loaded) && <div className="topo-empty">Loading the topology…</div>}
        {ready && graph.loaded && topology.nodes.length === 0 && (
          <div className="topo-empty">
            {root || scope.type === baseScope.type ? `Nothing to draw${given ? '' : namespace ? ` in namespace ${namespace}` : ''}.` : 'This object no longer exists.'}
          </div>
        )}
        {cardMenu && (
          <RowMenu key={`${cardMenu.target.uid}/${cardMenu.x}/${cardMenu.y}`} context={context} target={cardMenu.target} x={cardMenu.x} y={cardMenu.y}
            onClose={closeCardMenu} onOpenDetails={() => onSelect(cardMenu.target)} />
        )}
        <TopologyActionsContext.Provider value={actions}>
          <TopologyUsageContext.Provider value={usage ?? null}>
          <ReactFlow<TopologyFlowNode, TopologyFlowEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onNodeClick={onNodeClick}
            onNodeDoubleClick={onNodeDoubleClick}
            onNodeContextMenu={onNodeContextMenu}
            onNodeDragStop={onNodeDragStop}
            onPaneClick={() => setSelectedId(undefined)}
            onlyRenderVisibleElements
            nodesConnectable={false}
            edgesFocusable={false}
            elementsSelectable
            zoomOnDoubleClick={false}
            minZoom={0.05}
            maxZoom={2}
            nodeDragThreshold={4}
            colorMode="system"
            proOptions={{ hideAttribution: true }}
          >
            <TopologyBackground />
            <Controls showInteractive={false} showFitView={false}>
              <ControlButton onClick={() => fitAll(300)} className="react-flow__controls-fitview" title="Fit the whole graph" aria-label="Fit view">
                <svg viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden="true"><path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" /></svg>
              </ControlButton>
              <ControlButton onClick={() => setShowMinimap((v) => !v)} title={showMinimap ? 'Hide the minimap' : 'Show the minimap'} aria-label="Toggle the minimap" data-testid="toggle-minimap">
                <svg viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true"><rect x="2" y="3" width="12" height="10" rx="1.5" style={{ fill: "none" }} /><rect x="8" y="8" width="4" height="3" style={{ stroke: "none" }} /></svg>
              </ControlButton>
            </Controls>
            {showMinimap && <TopologyMinimap nodes={derivedNodes} colorOf={minimapColor} />}
            {selectedObject && (
              <Panel position="top-left" className="focus-panel" data-testid="focus-panel">
                <span className="focus-title"><KindIcon kind={selectedObject.kind} size={18} /> <b className="crumb-name">{selectedObject.name}</b></span>
                <span className="muted">Neighbourhood:</span>
                <button type="button" onClick={() => setScope({ type: 'focus', uid: selectedObject.uid, hops: 1 })} data-testid="focus-1">1 hop</button>
                <button type="button" onClick={() => setScope({ type: 'focus', uid: selectedObject.uid, hops: 2 })} data-testid="focus-2">2 hops</button>
                {CONTROLLER_KINDS.has(selectedObject.kind) && !(scope.type === 'workload' && scope.uid === selectedObject.uid) && (
                  <button type="button" onClick={() => setScope({ type: 'workload', uid: selectedObject.uid })} title="Its owned tree, and what serves and configures it (or double-click the card)" data-testid="focus-workload">Subtree</button>
                )}
              </Panel>
            )}
            {(actionError || runError || graph.error || errors.length > 0) && (
              <Panel position="top-center" className={`topo-alert${actionError?.warning ? ' warning' : ''}`} role="alert">
                <span>{actionError?.message ?? runError ?? graph.error ?? kindsByMessage(errors)}</span>
                {(actionError || runError) && <button type="button" className="dismiss" onClick={dismiss} aria-label="Dismiss">×</button>}
              </Panel>
            )}
            <Panel position="bottom-center" className="edge-legend" aria-label="Edge kinds">
              {EDGE_LEGEND.map((l) => (
                <span key={l.kind} className="legend-item">
                  <svg width="26" height="8" aria-hidden="true"><line x1="1" y1="4" x2="25" y2="4" className={`legend-line edge-${l.kind}`} /></svg>{l.label}
                </span>
              ))}
            </Panel>
          </ReactFlow>
          </TopologyUsageContext.Provider>
        </TopologyActionsContext.Provider>
        {confirmDialog}
        {isTestHooksEnabled() && <TopologyTestHooks nodes={derivedNodes} edges={edges} />}
      </div>
    </div>
  );
}

/** One line per distinct message (a context that cannot connect fails every kind the same way). */
function kindsByMessage(errors: { kind: { kind: string }; message: string }[]): string {
  const by = new Map<string, string[]>();
  for (const e of errors) by.set(e.message, [...(by.get(e.message) ?? []), kindLabel(e.kind.kind)]);
  return [...by].map(([message, kinds]) => `${kinds.join(', ')}: ${message}`).join('\n');
}
