import { RowMenu } from '../actions/RowMenu';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTopologyFocusRequest } from './topologyFocusRequest';
import {
  ControlButton, Controls, Panel, ReactFlow, ReactFlowProvider, useReactFlow,
  applyNodeChanges, getViewportForBounds, type NodeChange, type NodeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './topology.css';
import type { TopologyScope, TopoNode } from '../../../shared/topology/graph';
import type { HealthStatusCode } from '../../../shared/topology/health';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import { useClient } from '../../data/clientContext';
import type { ScalableKind } from '../../../shared/contract/actions';
import { isScaleTarget } from '../../../shared/model/kinds';
import { useRunAction } from '../actions/useRunAction';
import { scaleQuestion } from '../actions/scaleSafety';
import { paragraphs, useConfirm } from '../actions/useConfirm';
import { FreshnessBadge } from '../../components/FreshnessBadge';
import { CARD_HEIGHT, CARD_WIDTH, scopeKey } from './placement';
import { toFlowEdges, toFlowNodes, unlessChanged, type TopologyFlowEdge, type TopologyFlowNode } from './flowModel';
import { countNodes, HEALTH_STATES, isSystemObject, passesFilters, searchNodes, withoutSystemObjects, type GraphFilters } from './graphFilters';
import { nodeTypes, TopologyActionsContext, type TopologyActions } from './TopologyCards';
import { CONTROLLER_KINDS, FILTERABLE_KINDS, kindLabel, topologyKind } from './topologyKinds';
import { useTopologyObjects } from './useTopologyObjects';
import { TopologyUsageContext, useTopologyUsage } from './topologyUsage';
import { KindIcon } from './KindIcon';
import { isTestHooksEnabled, TopologyTestHooks } from './TopologyTestHooks';
import { useTopologyGraph } from './useTopologyGraph';
import { TopologyMinimap } from './TopologyMinimap';
import { TopologyBackground } from './TopologyBackground';
import { edgeTypes } from './TopologyEdge';

export interface TopologySelection { group: string; version: string; resource: string; namespace?: string; name: string; uid: string }

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

/** Room for the panels floating over the canvas: focus bar (top), controls (left), legend (bottom). */
const FIT_PADDING = { top: '56px', left: '60px', right: '28px', bottom: '64px' } as const;

/** Above this many cards the first view is not "fit everything" but a readable corner. */
const LARGE_GRAPH_NODES = 400;
const LARGE_GRAPH_ZOOM = 0.6;

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

function selectionOf(o: TopoObject): TopologySelection | undefined {
  const k = topologyKind(o.kind);
  if (!k) return undefined;
  const s: TopologySelection = { group: k.group, version: k.version, resource: k.resource, name: o.name, uid: o.uid };
  if (o.namespace) s.namespace = o.namespace;
  return s;
}

const toggled = (set: ReadonlySet<string>, id: string) => {
  const next = new Set(set);
  if (next.has(id)) next.delete(id); else next.add(id);
  return next;
};

function TopologyCanvas({ context, namespace, objects: given, onSelect }: Props) {
  const rf = useReactFlow<TopologyFlowNode, TopologyFlowEdge>();
  const client = useClient();
  const { objects, ready, freshness, forbidden, errors } = useTopologyObjects(context, namespace);

  // Several namespaces (`a,b`) are drawn like all: one box per namespace (the lists hold only theirs).
  const givenUids = given?.uids;
  const baseScope = useMemo<TopologyScope>(() => (givenUids ? { type: 'objects', uids: givenUids }
    : namespace && !namespace.includes(',') ? { type: 'namespace', namespace } : { type: 'all' }), [namespace, givenUids]);
  const baseTitle = given?.title ?? (namespace ? `Namespace ${namespace}` : 'All namespaces');
  const [scope, setScope] = useState<TopologyScope>(baseScope);
  const [expandedGroups, setExpandedGroups] = useState<ReadonlySet<string>>(new Set());
  const [expandedRs, setExpandedRs] = useState<ReadonlySet<string>>(new Set());
  const [filters, setFilters] = useState<GraphFilters>({ kinds: new Set(), health: new Set() });
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const [selectedId, setSelectedId] = useState<string>();
  const [dragEpoch, setDragEpoch] = useState(0);
  const [showMinimap, setShowMinimap] = useState(true);
  // Off by default: on, the namespace's pod metrics are read every 15 s for the cards.
  const [showUsage, setShowUsage] = useState(false);
  const singleNamespace = namespace && !namespace.includes(',') ? namespace : undefined;
  const usage = useTopologyUsage(context, singleNamespace, objects, showUsage);
  const [actionError, setActionError] = useState<{ message: string; warning?: boolean }>();
  const { run, error: runError, clearError: clearRunError } = useRunAction();
  const { ask, dialog: confirmDialog } = useConfirm();

  // A new context or namespace starts from its own base scope.
  const baseKey = `${scopeKey(context, baseScope)}|${namespace ?? '*'}`;
  const [scopeFor, setScopeFor] = useState(baseKey);
  if (scopeFor !== baseKey) {
    setScopeFor(baseKey);
    setScope(baseScope);
    setSelectedId(undefined);
  }
  const key = scopeKey(context, scope);

  const byUid = useMemo(() => new Map(objects.map((o) => [o.uid, o])), [objects]);
  const graphObjects = useMemo(() => (filters.system ? objects : withoutSystemObjects(objects)), [objects, filters.system]);
  // Built and placed in the topology worker; nodes that the scope has seen keep their spot, only
  // new ones are placed, and positions outlive the view (a table and back finds every node in place).
  const graph = useTopologyGraph({ objects: graphObjects, ready, scopeKey: key, scope, expandedGroups, expandedReplicaSets: expandedRs });
  const { topology, positionOf, move } = graph;

  const visible = useCallback((n: TopoNode) => passesFilters(n, filters), [filters]);
  const hiddenIds = useMemo(() => new Set(topology.nodes.filter((n) => !visible(n)).map((n) => n.id)), [topology, visible]);
  const matches = useMemo(() => (query.trim() ? searchNodes(topology.nodes, query, positionOf) : undefined), [topology, query, positionOf]);
  const currentMatch = matches && matches.length > 0 ? matches[Math.min(matchIndex, matches.length - 1)] : undefined;
  const matchSet = useMemo(() => (matches ? new Set(matches) : undefined), [matches]);

  const prevNodes = useRef<TopologyFlowNode[]>([]);
  const derivedNodes = useMemo(() => {
    void dragEpoch;
    const next = unlessChanged(prevNodes.current, toFlowNodes({
      topology, positionOf, visible, selectedId, matches: matchSet, currentMatch, expandedGroups, expandedReplicaSets: expandedRs,
    }, new Map(prevNodes.current.map((n) => [n.id, n]))));
    prevNodes.current = next;
    return next;
  }, [topology, positionOf, visible, selectedId, matchSet, currentMatch, expandedGroups, expandedRs, dragEpoch]);

  const prevEdges = useRef<TopologyFlowEdge[]>([]);
  const edges = useMemo(() => {
    void dragEpoch;
    const next = unlessChanged(prevEdges.current, toFlowEdges({ edges: topology.edges, positionOf, isHidden: (id) => hiddenIds.has(id), selectedId },
      new Map(prevEdges.current.map((e) => [e.id, e]))));
    prevEdges.current = next;
    return next;
  }, [topology, positionOf, hiddenIds, selectedId, dragEpoch]);

  // React Flow owns the nodes while a drag is under way; every derived change replaces them.
  const [nodes, setNodes] = useState<TopologyFlowNode[]>(derivedNodes);
  const [nodesFrom, setNodesFrom] = useState(derivedNodes);
  if (nodesFrom !== derivedNodes) {
    setNodesFrom(derivedNodes);
    setNodes(derivedNodes);
  }
  const onNodesChange = useCallback((changes: NodeChange<TopologyFlowNode>[]) => {
    const kept = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    if (kept.length === 0) return;
    for (const c of kept) if (c.type === 'position' && c.position && !c.id.startsWith('namespace:')) move(c.id, c.position);
    setNodes((ns) => applyNodeChanges(kept, ns));
  }, [move]);
  const onNodeDragStop = useCallback((_e: unknown, _node: TopologyFlowNode, dragged: TopologyFlowNode[]) => {
    for (const n of dragged) if (n.type !== 'namespace') move(n.id, n.position, true);
    setDragEpoch((e) => e + 1);
  }, [move]);

  // Fit the view once per scope when its graph first appears; later updates never move the camera.
  // From our own positions, not React Flow's measurements, which culled nodes never get.
  const canvasRef = useRef<HTMLDivElement>(null);
  const fitted = useRef(new Set<string>());
  const fitAll = useCallback((duration?: number) => {
    const el = canvasRef.current;
    const boxes = derivedNodes.filter((n) => !n.hidden);
    if (!el || boxes.length === 0) return;
    const x0 = Math.min(...boxes.map((n) => n.position.x));
    const y0 = Math.min(...boxes.map((n) => n.position.y));
    const x1 = Math.max(...boxes.map((n) => n.position.x + (n.width ?? CARD_WIDTH)));
    const y1 = Math.max(...boxes.map((n) => n.position.y + (n.height ?? CARD_HEIGHT)));
    void rf.setViewport(getViewportForBounds({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, el.clientWidth, el.clientHeight, 0.05, 1, FIT_PADDING), { duration });
  }, [derivedNodes, rf]);
  useEffect(() => {
    const shownNodes = derivedNodes.filter((n) => !n.hidden && n.type !== 'namespace');
    if (!ready || !graph.loaded || !canvasRef.current || shownNodes.length === 0 || fitted.current.has(key)) return;
    fitted.current.add(key);
    // A big graph fitted whole would put thousands of cards in the viewport, and React Flow draws DOM:
    // start at a readable zoom at the top-left instead; the minimap and search reach the rest.
    if (shownNodes.length > LARGE_GRAPH_NODES) {
      const x0 = Math.min(...shownNodes.map((n) => n.position.x));
      const y0 = Math.min(...shownNodes.map((n) => n.position.y));
      void rf.setViewport({ x: 60 - x0 * LARGE_GRAPH_ZOOM, y: 56 - y0 * LARGE_GRAPH_ZOOM, zoom: LARGE_GRAPH_ZOOM });
    } else {
      fitAll();
    }
  }, [ready, graph.loaded, derivedNodes, key, rf, fitAll]);

  const centreOn = useCallback((id: string) => {
    const p = positionOf(id);
    if (!p) return;
    void rf.setCenter(p.x + CARD_WIDTH / 2, p.y + CARD_HEIGHT / 2, { zoom: Math.max(rf.getZoom(), 0.9), duration: 300 });
  }, [positionOf, rf]);

  useEffect(() => { setMatchIndex(0); }, [query]);
  useEffect(() => { if (currentMatch) centreOn(currentMatch); }, [currentMatch, centreOn]);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && matches && matches.length > 0) {
      e.preventDefault();
      const n = matches.length;
      const next = (Math.min(matchIndex, n - 1) + (e.shiftKey ? n - 1 : 1)) % n;
      setMatchIndex(next);
      if (matches[next] === currentMatch) centreOn(matches[next]);
    } else if (e.key === 'Escape') {
      setQuery('');
    }
  };

  const onNodeClick: NodeMouseHandler<TopologyFlowNode> = useCallback((_e, node) => {
    if (node.type === 'podGroup') {
      const d = node.data.node;
      if (d.type === 'podGroup') setExpandedGroups((s) => toggled(s, d.ownerUid));
      return;
    }
    if (node.type !== 'object') return;
    const d = node.data.node;
    if (d.type !== 'object') return;
    setSelectedId(d.id);
    const sel = selectionOf(d.object);
    if (sel) onSelect(sel);
  }, [onSelect]);

  // Right-click on an object's card: the same menu as a table row (its actions, port-forwards).
  const [cardMenu, setCardMenu] = useState<{ target: TopologySelection; x: number; y: number }>();
  const onNodeContextMenu: NodeMouseHandler<TopologyFlowNode> = useCallback((e, node) => {
    const d = node.type === 'object' ? node.data.node : undefined;
    const sel = d?.type === 'object' ? selectionOf(d.object) : undefined;
    if (!sel) return;
    e.preventDefault();
    setCardMenu({ target: sel, x: e.clientX, y: e.clientY });
  }, []);

  const onNodeDoubleClick: NodeMouseHandler<TopologyFlowNode> = useCallback((_e, node) => {
    if (node.type !== 'object') return;
    const d = node.data.node;
    if (d.type === 'object' && CONTROLLER_KINDS.has(d.kind)) setScope({ type: 'workload', uid: d.id });
  }, []);

  const actions = useMemo<TopologyActions>(() => ({
    toggleOldReplicaSets: (uid) => setExpandedRs((s) => toggled(s, uid)),
    togglePods: (uid) => setExpandedGroups((s) => toggled(s, uid)),
    scale: async (o, replicas, from, autoscaled) => {
      const namespace = o.namespace;
      if (!namespace || !isScaleTarget(o.kind, o.ownerReferences)) return;
      const q = scaleQuestion({ kind: o.kind, name: o.name, from, to: replicas, autoscalers: !!autoscaled });
      if (q && !(await ask({ ...q, body: paragraphs(q.body), testId: 'scale-confirm-dialog' }))) throw new Error('cancelled');
      setActionError(undefined);
      const r = await run('Scale', () => client.request('actions.scale', { context, namespace, kind: o.kind as ScalableKind, name: o.name, replicas, dryRun: false }),
        (r) => ({ tone: r.warnings.length ? 'warn' : 'ok', title: `${r.message}: ${r.previousReplicas} → ${r.replicas}`, text: r.warnings.join(' ') || undefined }), { toast: false });
      if (!r) throw new Error('scale failed');
      if (r.warnings.length > 0) setActionError({ message: r.warnings.join(' '), warning: true });
    },
  }), [client, context, ask, run]);

  // "Show in topology" from the command palette: select the object and show its neighbourhood once it is here.
  const [focusUid, focusTaken] = useTopologyFocusRequest();
  useEffect(() => {
    const o = focusUid ? byUid.get(focusUid) : undefined;
    if (!o) return;
    focusTaken();
    setSelectedId(o.uid);
    setScope({ type: 'focus', uid: o.uid, hops: 1 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusUid, byUid]);

  const counts = useMemo(() => countNodes(topology.nodes), [topology]);
  const kindsPresent = FILTERABLE_KINDS.filter((k) => counts.kinds.has(k));
  const root = scope.type === 'workload' || scope.type === 'focus' ? byUid.get(scope.uid.replace(/^podGroup:/, '')) : undefined;
  const selectedObject = selectedId ? byUid.get(selectedId) : undefined;
  const shown = topology.nodes.length - hiddenIds.size;
  const hasSystem = useMemo(() => objects.some(isSystemObject), [objects]);

  const toggleFilter = <T extends string>(field: 'kinds' | 'health', value: T) =>
    setFilters((f) => ({ ...f, [field]: toggled(f[field] as ReadonlySet<string>, value) }));

  const relayout = () => {
    fitted.current.delete(key);
    graph.relayout();
  };

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
      <div className="topo-filters" role="toolbar" aria-label="Filters">
        <span className="filter-label">Kinds</span>
        {kindsPresent.map((k) => (
          <button key={k} type="button" className={`chip${filters.kinds.has(k) ? ' on' : ''}`} aria-pressed={filters.kinds.has(k)} onClick={() => toggleFilter('kinds', k)} data-testid={`filter-kind-${k}`}>
            <KindIcon kind={k} size={16} />{kindLabel(k)} <span className="chip-count">{counts.kinds.get(k)}</span>
          </button>
        ))}
        <span className="filter-label">Health</span>
        {HEALTH_STATES.filter((h) => counts.health[h] > 0 || filters.health.has(h)).map((h) => (
          <button key={h} type="button" className={`chip health-chip health-${h.toLowerCase()}${filters.health.has(h) ? ' on' : ''}`} aria-pressed={filters.health.has(h)}
            onClick={() => toggleFilter('health', h)} data-testid={`filter-health-${h}`}>
            <span className="health-dot" />{h} <span className="chip-count">{counts.health[h]}</span>
          </button>
        ))}
        {hasSystem && (
          <button type="button" className={`chip plain${filters.system ? ' on' : ''}`} aria-pressed={!!filters.system} onClick={() => setFilters((f) => ({ ...f, system: !f.system }))}
            title="kube-root-ca.crt: in every namespace, mounted by every pod" data-testid="filter-system">
            System objects
          </button>
        )}
        {(filters.kinds.size > 0 || filters.health.size > 0) && (
          <button type="button" className="chip clear" onClick={() => setFilters((f) => ({ ...f, kinds: new Set(), health: new Set() }))}>Clear filters</button>
        )}
      </div>
      <div className="topo-canvas" ref={canvasRef}>
        {(!ready || !graph.loaded) && <div className="topo-empty">Loading the topology…</div>}
        {ready && graph.loaded && topology.nodes.length === 0 && (
          <div className="topo-empty">
            {root || scope.type === baseScope.type ? `Nothing to draw${given ? '' : namespace ? ` in namespace ${namespace}` : ''}.` : 'This object no longer exists.'}
          </div>
        )}
        {cardMenu && (
          <RowMenu key={`${cardMenu.target.uid}/${cardMenu.x}/${cardMenu.y}`} context={context} target={cardMenu.target} x={cardMenu.x} y={cardMenu.y}
            onClose={() => setCardMenu(undefined)} onOpenDetails={() => onSelect(cardMenu.target)} />
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
                {(actionError || runError) && <button type="button" className="dismiss" onClick={() => { setActionError(undefined); clearRunError(); }} aria-label="Dismiss">×</button>}
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
