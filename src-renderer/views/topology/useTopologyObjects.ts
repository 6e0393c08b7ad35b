import { useEffect, useMemo, useRef, useState } from 'react';
import type { TopoObject } from '../../../shared/topology/topologyObject';
import { rebuildIntervalMs, useTopologyLists, type TopologyLists } from './useTopologyLists';

export interface TopologyObjects extends Omit<TopologyLists, 'lists' | 'versionKey' | 'total'> {
  objects: readonly TopoObject[];
}

/**
 * The topology's live lists merged into one array, for views that read every object at once (the
 * Network view's paths, a Helm release's objects). The array moves at most every rebuildIntervalMs,
 * so a burst of pod updates costs one pass, not hundreds. The topology graph itself does not use it:
 * it reads the lists (useTopologyLists).
 */
export function useTopologyObjects(context: string, namespace: string | undefined): TopologyObjects {
  const { lists, versionKey, total, ...rest } = useTopologyLists(context, namespace);

  // Coalesce: the key the array is built from moves at most every rebuildIntervalMs(total).
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
    // Items carry kind and apiVersion: the core gives LIST items their list's (listWatch.ts).
    () => (rest.ready ? listsRef.current.flatMap((l) => [...l.state.items.values()]) : []),
    // builtKey stands for the lists' contents; the ref holds the lists of the render that moved it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [builtKey, rest.ready],
  );
  return { objects, ...rest };
}
