import { memo, useMemo } from 'react';
import { getBezierPath, useStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import type { TopologyFlowEdge } from './flowModel';
import { cachedEdgeChunks } from './edgeChunks';
import { cullRegion, intersects, sameRect, type Rect } from './cullRegion';

/** Kinds drawn dashed or dotted (topology.css): these are the ones whose long paths are cut in pieces. */
const DASHED_KINDS: ReadonlySet<string> = new Set(['selects', 'scales', 'mounts', 'binds', 'classifies']);

/** A piece of a dashed edge is about this long (flow units; a 256 px raster tile is 427 at zoom 0.6). */
const CHUNK_LENGTH = 1000;

/**
 * Below this zoom dashes are a pixel or two and read as a lighter line: dashed kinds are drawn solid,
 * as one path each (the raster would otherwise dash every visible edge across whole tiles, and the
 * cull region holds most of the graph).
 */
export const DASH_ZOOM = 0.35;
const dashesShown = (s: ReactFlowState) => s.transform[2] >= DASH_ZOOM;

/** The cull region, computed once per store change for all edges, the same object while it holds. */
let lastTransform: ReactFlowState['transform'] | undefined;
let lastSize = '';
let region: Rect = { x0: 0, y0: 0, x1: 0, y1: 0 };
const regionSelector = (s: ReactFlowState): Rect => {
  const size = `${s.width}x${s.height}`;
  if (s.transform !== lastTransform || size !== lastSize) {
    lastTransform = s.transform;
    lastSize = size;
    const next = cullRegion(s.transform, s.width, s.height);
    if (!sameRect(next, region)) region = next;
  }
  return region;
};

/**
 * React Flow's bezier edge, the same curve. A dashed one is drawn as short pieces (see edgeChunks.ts)
 * so the raster does not dash the whole of a long edge in every tile it crosses, and only the pieces
 * near the viewport are in the DOM (cullRegion.ts): a long edge re-renders once per viewport or so of
 * panning, not per frame.
 */
export const TopologyEdge = memo(function TopologyEdge(props: EdgeProps<TopologyFlowEdge>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const showDashes = useStore(dashesShown);
  const dashedKind = DASHED_KINDS.has(data?.kind ?? '');
  const dashed = dashedKind && showDashes;
  const [path, pieces] = useMemo(() => {
    const [d] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
    return [d, dashed ? cachedEdgeChunks(d, CHUNK_LENGTH) : undefined] as const;
  }, [sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, dashed]);
  if (!pieces || pieces.length === 1) return <path d={path} fill="none" className={dashedKind && !showDashes ? 'react-flow__edge-path undashed' : 'react-flow__edge-path'} />;
  return <DashedPieces pieces={pieces} />;
});

function DashedPieces({ pieces }: { pieces: NonNullable<ReturnType<typeof cachedEdgeChunks>> }) {
  const near = useStore(regionSelector);
  return (
    <>
      {pieces.map((p, i) => intersects(p.box, near) && (
        <path key={i} d={p.d} fill="none" className="react-flow__edge-path" style={p.offset ? { strokeDashoffset: p.offset } : undefined} />
      ))}
    </>
  );
}

export const edgeTypes = { default: TopologyEdge };
