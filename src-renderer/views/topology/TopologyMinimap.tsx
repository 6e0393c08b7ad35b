import { memo, useMemo, useRef, type PointerEvent, type WheelEvent } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import type { TopologyFlowNode } from './flowModel';
import { CARD_HEIGHT, CARD_WIDTH } from '../../topology-engine/placement';

interface FlowRect { x: number; y: number; width: number; height: number }

/**
 * The overview in the corner, of the whole graph. React Flow's MiniMap subscribes one rectangle per node
 * to the flow store and recomputes the graph's bounds, all on every pan or zoom frame (1,251 selectors
 * and a pass over every node for a 3,000-pod namespace). Here all shown nodes are a few paths, one per
 * colour, drawn again only when the graph changes; a pan or zoom moves just the mask. Click or drag to
 * move the view there, wheel to zoom.
 */
const WIDTH = 180;
const HEIGHT = 120;
const PAD = 0.04;

interface Props {
  nodes: readonly TopologyFlowNode[];
  colorOf(node: TopologyFlowNode): string;
}

type View = readonly [number, number, number, number, number];
const viewSelector = (s: ReactFlowState): View => [s.transform[0], s.transform[1], s.transform[2], s.width, s.height];
const sameView = (a: View, b: View) => a.every((x, i) => x === b[i]);

export const TopologyMinimap = memo(function TopologyMinimap({ nodes, colorOf }: Props) {
  const rf = useReactFlow();
  const svgRef = useRef<SVGSVGElement>(null);
  const { box, paths } = useMemo(() => minimapPaths(nodes, colorOf), [nodes, colorOf]);
  const [tx, ty, zoom, width, height] = useStore(viewSelector, sameView);
  const view: FlowRect = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };

  // Screen point → flow point, through the svg's viewBox (preserveAspectRatio: xMidYMid meet).
  const toFlow = (e: { clientX: number; clientY: number }) => {
    const r = svgRef.current!.getBoundingClientRect();
    const scale = Math.max(box.width / r.width, box.height / r.height);
    return { x: box.x + box.width / 2 + (e.clientX - r.left - r.width / 2) * scale, y: box.y + box.height / 2 + (e.clientY - r.top - r.height / 2) * scale };
  };
  const centreAt = (e: PointerEvent<SVGSVGElement>) => {
    const p = toFlow(e);
    void rf.setCenter(p.x, p.y, { zoom: rf.getZoom() });
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    centreAt(e);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => { if (e.currentTarget.hasPointerCapture(e.pointerId)) centreAt(e); };
  const onWheel = (e: WheelEvent<SVGSVGElement>) => { void rf.zoomTo(rf.getZoom() * Math.pow(2, -e.deltaY * 0.002)); };

  const outer = `M${box.x - box.width},${box.y - box.height}h${box.width * 3}v${box.height * 3}h${-box.width * 3}z`;
  return (
    <Panel position="bottom-right" className="react-flow__minimap topo-minimap" data-testid="rf__minimap">
      <svg ref={svgRef} width={WIDTH} height={HEIGHT} viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`} className="react-flow__minimap-svg" role="img" aria-label="Minimap"
        onPointerDown={onPointerDown} onPointerMove={onPointerMove} onWheel={onWheel}>
        {paths.map(([color, d]) => <path key={color} d={d} fill={color} />)}
        <path className="react-flow__minimap-mask" d={`${outer}M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`} fillRule="evenodd" pointerEvents="none" />
      </svg>
    </Panel>
  );
});

/** The graph's bounds (padded) and one path of rectangles per colour. */
export function minimapPaths(nodes: readonly TopologyFlowNode[], colorOf: (n: TopologyFlowNode) => string): { box: FlowRect; paths: [string, string][] } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const byColor = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.hidden) continue;
    const w = n.width ?? CARD_WIDTH;
    const h = n.height ?? CARD_HEIGHT;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + w);
    y1 = Math.max(y1, n.position.y + h);
    const color = colorOf(n);
    if (color === 'transparent') continue;
    let parts = byColor.get(color);
    if (!parts) byColor.set(color, (parts = []));
    parts.push(`M${n.position.x},${n.position.y}h${w}v${h}h${-w}z`);
  }
  if (x0 === Infinity) return { box: { x: 0, y: 0, width: 1, height: 1 }, paths: [] };
  const pad = Math.max(x1 - x0, y1 - y0) * PAD;
  return { box: { x: x0 - pad, y: y0 - pad, width: x1 - x0 + 2 * pad, height: y1 - y0 + 2 * pad }, paths: [...byColor].map(([c, parts]) => [c, parts.join('')]) };
}
