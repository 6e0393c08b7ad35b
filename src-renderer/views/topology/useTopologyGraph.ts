import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Topology, TopologyScope } from '../../../shared/topology/graph';
import { rehydrate, type EngineResult } from '../../topology-engine/topologyEngine';
import { listChanges, type ListSeen } from '../../topology-engine/listChanges';
import type { XY } from '../../topology-engine/placement';
import { topologyEngine } from './topologyEngineClient';
import { findObject, rebuildIntervalMs, type TopologyLists } from './useTopologyLists';

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
 * Builds and places the graph in the topology worker. The worker is fed from the live lists' own
 * change sets (listChanges.ts: what each version changed and deleted, a kind whole when that is not
 * known), so the page keeps no copy of the objects; the result's object nodes are filled from the
 * lists again (rehydrate). One build is in flight at a time and requests made meanwhile are merged
 * into the next; under churn a build follows object changes at most every rebuildIntervalMs, while a
 * change of scope or of what is unfolded builds at once.
 */
export function useTopologyGraph(input: {
  /** The cluster drawn: each has its own engine (topologyEngineClient.ts). */
  context: string;
  topo: Pick<TopologyLists, 'lists' | 'versionKey' | 'total' | 'ready'>;
  scopeKey: string;
  scope: TopologyScope;
  expandedGroups: ReadonlySet<string>;
  expandedReplicaSets: ReadonlySet<string>;
  /** Draw kube-root-ca.crt (the "System objects" chip). */
  systemObjects: boolean;
}): TopologyGraph {
  const engine = topologyEngine(input.context);
  const { topo: { lists, versionKey, ready }, scopeKey, scope, expandedGroups, expandedReplicaSets, systemObjects } = input;
  const latest = useRef(input);
  latest.current = input;
  const seen = useRef(new Map<string, ListSeen>());
  const inFlight = useRef<number | undefined>(undefined);
  const dirty = useRef(false);
  const lastBuildAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const builtOptions = useRef<readonly unknown[] | undefined>(undefined);
  const [reply, setReply] = useState<EngineResult>();
  const [error, setError] = useState<string>();
  const [pendingKey, setPendingKey] = useState<string>();

  const requestBuild = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (inFlight.current !== undefined) { dirty.current = true; return; }
    const { scope, expandedGroups, expandedReplicaSets, systemObjects } = latest.current;
    const id = nextBuildId++;
    inFlight.current = id;
    dirty.current = false;
    lastBuildAt.current = Date.now();
    setPendingKey(latest.current.scopeKey);
    engine.post({ type: 'build', id, scopeKey: latest.current.scopeKey, options: { scope, expandedGroups: [...expandedGroups], expandedReplicaSets: [...expandedReplicaSets], systemObjects } });
  }, [engine]);

  /** A build for object changes: at once after a quiet spell, else when the interval since the last is up. */
  const scheduleBuild = useCallback(() => {
    if (timer.current !== undefined) return;
    const wait = Math.max(0, lastBuildAt.current + rebuildIntervalMs(latest.current.topo.total) - Date.now());
    if (wait === 0) requestBuild();
    else timer.current = setTimeout(requestBuild, wait);
  }, [requestBuild]);
  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => engine.subscribe((r) => {
    if (r.id !== inFlight.current) return;
    inFlight.current = undefined;
    if ('error' in r) setError(r.error);
    else { setError(undefined); if (r.scopeKey === latest.current.scopeKey) setReply(r); }
    if (dirty.current) requestBuild(); else setPendingKey(undefined);
  }), [engine, requestBuild]);

  // Objects first (in order, as change sets), then a build: at once for new options, paced for changes.
  useEffect(() => {
    if (!ready) return;
    const sync = listChanges(lists.map((l) => ({ kind: l.kind.kind, state: l.state })), seen.current);
    if (sync) engine.post(sync);
    const options = [scopeKey, scope, expandedGroups, expandedReplicaSets, systemObjects];
    const optionsChanged = !builtOptions.current || options.some((v, i) => v !== builtOptions.current![i]);
    builtOptions.current = options;
    if (optionsChanged) requestBuild();
    else if (sync) scheduleBuild();
    // `lists` is new on every render; versionKey says when its contents changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, ready, versionKey, scopeKey, scope, expandedGroups, expandedReplicaSets, systemObjects, requestBuild, scheduleBuild]);

  const listsRef = useRef(lists);
  listsRef.current = lists;
  const topology = useMemo(
    () => (reply && reply.scopeKey === scopeKey ? rehydrate(reply, (uid, kind) => findObject(listsRef.current, uid, kind)) : EMPTY),
    [reply, scopeKey],
  );
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
