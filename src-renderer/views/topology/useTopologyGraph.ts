import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Topology, TopologyScope } from '../../../shared/topology/graph';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import { diffObjects, rehydrate, type EngineResult } from './topologyEngine';
import { topologyEngine } from './topologyEngineClient';
import type { XY } from './placement';

const EMPTY: Topology = { nodes: [], edges: [] };

/** Where the user dragged nodes, per scope, until the engine's next placement includes it (and after). */
const moves = new Map<string, Map<string, XY>>();

let nextBuildId = 1;

export interface TopologyGraph {
  /** The graph for `scopeKey` (empty until its first build arrives). */
  topology: Topology;
  positionOf(id: string): XY | undefined;
  /** A graph for this scope has arrived (until then the view says it is loading). */
  loaded: boolean;
  /** A build is under way: what is shown may be a moment behind. */
  building: boolean;
  /** Increments each time a new placement arrives (positions may have changed for new nodes). */
  version: number;
  error?: string;
  /** A drag: kept locally at once; `commit` (at drag end) tells the engine, so later layouts keep it. */
  move(id: string, to: XY, commit?: boolean): void;
  relayout(): void;
}

/**
 * Builds and places the graph in the topology worker: object changes go as deltas, one build is in
 * flight at a time and requests made meanwhile are merged into the next, so under churn the worker
 * is never more than one build behind and the page never waits on it.
 */
export function useTopologyGraph(input: {
  objects: readonly TopoObject[];
  ready: boolean;
  scopeKey: string;
  scope: TopologyScope;
  expandedGroups: ReadonlySet<string>;
  expandedReplicaSets: ReadonlySet<string>;
}): TopologyGraph {
  const engine = topologyEngine();
  const { objects, ready, scopeKey } = input;
  const latest = useRef(input);
  latest.current = input;
  const synced = useRef<Map<string, TopoObject> | null>(null);
  const byUid = useRef<ReadonlyMap<string, TopoObject>>(new Map());
  const inFlight = useRef<number | undefined>(undefined);
  const dirty = useRef(false);
  const [reply, setReply] = useState<EngineResult>();
  const [error, setError] = useState<string>();
  const [pendingKey, setPendingKey] = useState<string>();

  const requestBuild = useCallback(() => {
    if (inFlight.current !== undefined) { dirty.current = true; return; }
    const { scope, expandedGroups, expandedReplicaSets } = latest.current;
    const id = nextBuildId++;
    inFlight.current = id;
    dirty.current = false;
    setPendingKey(latest.current.scopeKey);
    engine.post({ type: 'build', id, scopeKey: latest.current.scopeKey, options: { scope, expandedGroups: [...expandedGroups], expandedReplicaSets: [...expandedReplicaSets] } });
  }, [engine]);

  useEffect(() => engine.subscribe((r) => {
    if (r.id !== inFlight.current) return;
    inFlight.current = undefined;
    if ('error' in r) setError(r.error);
    else { setError(undefined); if (r.scopeKey === latest.current.scopeKey) setReply(r); }
    if (dirty.current) requestBuild(); else setPendingKey(undefined);
  }), [engine, requestBuild]);

  // Objects first (in order, as deltas), then a build of whatever is current.
  useEffect(() => {
    if (!ready) return;
    const prev = synced.current;
    const d = diffObjects(prev ?? new Map(), objects);
    if (!prev || d.upserts.length > 0 || d.deletes.length > 0) engine.post({ type: 'sync', upserts: d.upserts, deletes: d.deletes, reset: !prev });
    synced.current = d.byUid;
    byUid.current = d.byUid;
    requestBuild();
  }, [engine, ready, objects, scopeKey, input.scope, input.expandedGroups, input.expandedReplicaSets, requestBuild]);

  const topology = useMemo(() => (reply && reply.scopeKey === scopeKey ? rehydrate(reply, byUid.current) : EMPTY), [reply, scopeKey]);
  const positions = reply && reply.scopeKey === scopeKey ? reply.positions : undefined;
  const positionOf = useCallback((id: string) => moves.get(scopeKey)?.get(id) ?? positions?.get(id), [scopeKey, positions]);

  const move = useCallback((id: string, to: XY, commit = false) => {
    let m = moves.get(scopeKey);
    if (!m) { m = new Map(); moves.set(scopeKey, m); }
    m.set(id, { x: to.x, y: to.y });
    if (commit) engine.post({ type: 'move', scopeKey, nodeId: id, x: to.x, y: to.y });
  }, [engine, scopeKey]);

  const relayout = useCallback(() => {
    moves.delete(scopeKey);
    engine.post({ type: 'forget', scopeKey });
    requestBuild();
  }, [engine, scopeKey, requestBuild]);

  return {
    topology, positionOf, error, move, relayout,
    loaded: !!reply && reply.scopeKey === scopeKey,
    building: pendingKey !== undefined,
    version: reply?.id ?? 0,
  };
}
