import { useEffect, useMemo, useRef, useState } from 'react';
import { useContractQuery, useLiveList } from '../../data/clientContext';
import { servedKinds } from './servedKinds';
import type { LiveListState } from '../../../shared/model/liveList';
import type { Freshness } from '../../../shared/contract/resources';
import { worstFreshness } from '../../../shared/model/freshness';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import { TOPOLOGY_KINDS, type TopologyKind } from './topologyKinds';
import { collectObjects } from './topologyObjects';

export interface TopologyObjects {
  objects: readonly TopoObject[];
  /** Every list has its first snapshot (or cannot have one: forbidden, error), or we stopped waiting. */
  ready: boolean;
  /** The least fresh state among the lists the user may read. */
  freshness?: Freshness;
  /** Kinds the user may not list here: the graph is drawn without them. */
  forbidden: TopologyKind[];
  errors: { kind: TopologyKind; message: string }[];
}

const denied = (l: LiveListState<unknown>) => l.freshness?.state === 'forbidden' || l.freshness?.state === 'unauthorized';
const settled = (l: LiveListState<unknown>) => l.synced || l.error !== undefined || denied(l) || l.freshness?.state === 'error';

/** Waiting longer than this for a slow list draws what has arrived rather than a spinner. */
const READY_TIMEOUT_MS = 8_000;
/**
 * Under churn, rebuild the graph at most this often: changes in between are batched into one rebuild.
 * A big graph costs the page more per rebuild (the worker builds it, but React Flow takes every node
 * and edge), so the interval grows with the number of objects: 250 ms for a namespace, about a second
 * at 10k objects, at most two.
 */
export const rebuildIntervalMs = (objects: number) => Math.min(2_000, 250 + Math.floor(objects / 12));

/**
 * One live watch per kind (shared with every other view of the same kind and scope in the main
 * process), merged into one array for buildTopology. The array is rebuilt when a list changes, at
 * most every rebuildIntervalMs, so a burst of pod updates costs one graph build, not hundreds.
 */
export function useTopologyObjects(context: string, namespace: string | undefined): TopologyObjects {
  const discovery = useContractQuery('cluster.discovery', { context }, { staleTime: 5 * 60_000 });
  // A CRD's kind (Gateway API) is watched only where discovery lists it: elsewhere its watch would fail.
  const served = servedKinds(TOPOLOGY_KINDS, discovery.data);
  const lists = TOPOLOGY_KINDS.map((k) =>
    // A constant list of kinds: the hooks are called in the same order on every render.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useLiveList<TopoObject>(served.has(k.kind) ? { context, group: k.group, version: k.version, resource: k.resource, namespace: k.namespaced ? namespace : undefined, projection: 'topology' } : undefined),
  );
  const versionKey = lists.map((l) => l.version).join(',');
  const total = lists.reduce((n, l) => n + l.items.size, 0);
  const allSettled = lists.every((l, i) => !served.has(TOPOLOGY_KINDS[i].kind) || settled(l));

  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    setTimedOut(false);
    const t = setTimeout(() => setTimedOut(true), READY_TIMEOUT_MS);
    return () => clearTimeout(t);
  }, [context, namespace]);
  const ready = allSettled || timedOut;

  // Coalesce: the key the graph is built from moves at most every rebuildIntervalMs(total).
  const [builtKey, setBuiltKey] = useState(versionKey);
  const lastBuild = useRef(0);
  useEffect(() => {
    if (builtKey === versionKey) return;
    const wait = Math.max(0, lastBuild.current + rebuildIntervalMs(total) - Date.now());
    const t = setTimeout(() => { lastBuild.current = Date.now(); setBuiltKey(versionKey); }, wait);
    return () => clearTimeout(t);
  }, [versionKey, builtKey, total]);

  const listsRef = useRef(lists);
  listsRef.current = lists;
  const objects = useMemo(
    () => (ready ? collectObjects(listsRef.current.map((l, i) => ({ kind: TOPOLOGY_KINDS[i], items: l.items }))) : []),
    // builtKey stands for the lists' contents; the ref holds the lists of the render that moved it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [builtKey, ready],
  );

  const readable: (Freshness | undefined)[] = [];
  const forbidden: TopologyKind[] = [];
  const errors: { kind: TopologyKind; message: string }[] = [];
  lists.forEach((l, i) => {
    if (!served.has(TOPOLOGY_KINDS[i].kind)) return;
    if (denied(l)) { forbidden.push(TOPOLOGY_KINDS[i]); return; }
    if (l.error) errors.push({ kind: TOPOLOGY_KINDS[i], message: l.error });
    readable.push(l.freshness);
  });
  const freshness = worstFreshness(readable);
  return { objects, ready, freshness, forbidden, errors };
}
