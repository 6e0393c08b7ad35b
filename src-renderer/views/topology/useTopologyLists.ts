import { useEffect, useState } from 'react';
import { useContractQuery, useLiveList } from '../../data/clientContext';
import { servedKinds } from './servedKinds';
import type { LiveListState } from '../../../shared/model/liveList';
import type { Freshness } from '../../../shared/contract/resources';
import { worstFreshness } from '../../../shared/model/freshness';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import { TOPOLOGY_KINDS, type TopologyKind } from './topologyKinds';

export interface TopologyList {
  kind: TopologyKind;
  /** The live list itself (items by uid, updated in place; `version`, `changed`, `deleted`). */
  state: LiveListState<TopoObject>;
}

export interface TopologyLists {
  /** One per TOPOLOGY_KINDS entry, in that order (a kind not served here: an empty list). */
  lists: readonly TopologyList[];
  /** Moves whenever any list applied a change: what to memoize on. */
  versionKey: string;
  /** Objects in all lists. */
  total: number;
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
 * Under churn, rebuild the graph (and the merged array) at most this often: changes in between are batched
 * into one rebuild. A big graph costs the page more per rebuild (the worker builds it, but React Flow
 * takes every node and edge), so the interval grows with the number of objects:
 * 250 ms for a namespace, about a second at 10k objects, at most two.
 */
export const rebuildIntervalMs = (objects: number) => Math.min(2_000, 250 + Math.floor(objects / 12));

/**
 * One live watch per kind the topology draws (shared in the main process with every other view of
 * the same kind and scope), returned as the lists themselves: the graph feeds its worker from their
 * change sets (topology-engine/listChanges.ts) and looks objects up in them, never copying them.
 */
export function useTopologyLists(context: string, namespace: string | undefined): TopologyLists {
  const discovery = useContractQuery('cluster.discovery', { context }, { staleTime: 5 * 60_000 });
  // A CRD's kind (Gateway API) is watched only where discovery lists it: elsewhere its watch would fail.
  const served = servedKinds(TOPOLOGY_KINDS, discovery.data);
  const states = TOPOLOGY_KINDS.map((k) =>
    // A constant list of kinds: the hooks are called in the same order on every render.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useLiveList<TopoObject>(served.has(k.kind) ? { context, group: k.group, version: k.version, resource: k.resource, namespace: k.namespaced ? namespace : undefined, projection: 'topology' } : undefined),
  );
  const allSettled = states.every((l, i) => !served.has(TOPOLOGY_KINDS[i].kind) || settled(l));

  const [timedOut, setTimedOut] = useState(false);
  useEffect(() => {
    setTimedOut(false);
    const t = setTimeout(() => setTimedOut(true), READY_TIMEOUT_MS);
    return () => clearTimeout(t);
  }, [context, namespace]);

  const readable: (Freshness | undefined)[] = [];
  const forbidden: TopologyKind[] = [];
  const errors: { kind: TopologyKind; message: string }[] = [];
  states.forEach((l, i) => {
    if (!served.has(TOPOLOGY_KINDS[i].kind)) return;
    if (denied(l)) { forbidden.push(TOPOLOGY_KINDS[i]); return; }
    if (l.error) errors.push({ kind: TOPOLOGY_KINDS[i], message: l.error });
    readable.push(l.freshness);
  });
  return {
    lists: states.map((state, i) => ({ kind: TOPOLOGY_KINDS[i], state })),
    versionKey: states.map((l) => l.version).join(','),
    total: states.reduce((n, l) => n + l.items.size, 0),
    ready: allSettled || timedOut,
    freshness: worstFreshness(readable),
    forbidden,
    errors,
  };
}

/** An object of the lists by uid; with its kind, one list's lookup. */
export function findObject(lists: readonly TopologyList[], uid: string, kind?: string): TopoObject | undefined {
  for (const l of lists) {
    if (kind && l.kind.kind !== kind) continue;
    const o = l.state.items.get(uid);
    if (o) return o;
  }
  return undefined;
}
