import { useCallback, useEffect, useRef } from 'react';
import { getViewportForBounds, useReactFlow } from '@xyflow/react';
import { CARD_HEIGHT, CARD_WIDTH, type XY } from '../../topology-engine/placement';
import type { TopologyFlowEdge, TopologyFlowNode } from './flowModel';

/** Room for the panels floating over the canvas: focus bar (top), controls (left), legend (bottom). */
const FIT_PADDING = { top: '56px', left: '60px', right: '28px', bottom: '64px' } as const;

/** Above this many cards the first view is not "fit everything" but a readable corner. */
const LARGE_GRAPH_NODES = 400;
const LARGE_GRAPH_ZOOM = 0.6;

/**
 * Where the camera looks: fitted once per scope when its graph first appears (later updates never
 * move it), and on demand. From our own positions, not React Flow's measurements, which culled nodes
 * never get.
 */
export function useTopologyCamera(input: { derivedNodes: TopologyFlowNode[]; ready: boolean; loaded: boolean; scopeKey: string }) {
  const { derivedNodes, ready, loaded, scopeKey: key } = input;
  const rf = useReactFlow<TopologyFlowNode, TopologyFlowEdge>();
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
    if (!ready || !loaded || !canvasRef.current || shownNodes.length === 0 || fitted.current.has(key)) return;
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
  }, [ready, loaded, derivedNodes, key, rf, fitAll]);

  /** The scope's next graph is fitted again (after a re-layout). */
  const refit = useCallback((scope: string) => { fitted.current.delete(scope); }, []);

  return { canvasRef, fitAll, refit };
}

/** Centres the camera on a card (a search match), zooming in to a readable size if need be. */
export function useCentreOn(positionOf: (id: string) => XY | undefined) {
  const rf = useReactFlow<TopologyFlowNode, TopologyFlowEdge>();
  return useCallback((id: string) => {
    const p = positionOf(id);
    if (!p) return;
    void rf.setCenter(p.x + CARD_WIDTH / 2, p.y + CARD_HEIGHT / 2, { zoom: Math.max(rf.getZoom(), 0.9), duration: 300 });
  }, [positionOf, rf]);
}
