import { memo } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';

/**
 * The dotted canvas, drawn so that a pan costs no raster. React Flow's <Background> moves an SVG
 * pattern by the pan offset, which repaints and re-rasters the whole visible canvas on every pan frame
 * (with software compositing, ~24 tiles a frame). Here the dots are a layer one gap larger than the
 * pane, shifted by the pan offset modulo the gap with a transform: the compositor moves it. Only a zoom step (a new gap) repaints it. Same look: dots of diameter `size × zoom`
 * every `gap × zoom` pixels, an SVG pattern as React Flow draws it.
 */
const GAP = 20;
const SIZE = 1;

const selector = (s: ReactFlowState) => s.transform;

const mod = (v: number, m: number) => ((v % m) + m) % m;

export const TopologyBackground = memo(function TopologyBackground() {
  const [tx, ty, zoom] = useStore(selector);
  const gap = Math.max(GAP * zoom, 1);
  const r = (SIZE * zoom) / 2;
  return (
    <div className="react-flow__background topo-dots" data-testid="rf__background" aria-hidden="true">
      <svg className="topo-dots-layer" style={{ left: -gap, top: -gap, width: `calc(100% + ${2 * gap}px)`, height: `calc(100% + ${2 * gap}px)`, transform: `translate(${mod(tx, gap)}px, ${mod(ty, gap)}px)` }}>
        <pattern id="topo-dots-pattern" width={gap} height={gap} patternUnits="userSpaceOnUse">
          {/* Where React Flow's pattern puts them: half a gap back from the pan offset. */}
          <circle cx={gap / 2 + r} cy={gap / 2 + r} r={r} />
        </pattern>
        <rect width="100%" height="100%" fill="url(#topo-dots-pattern)" />
      </svg>
    </div>
  );
});
