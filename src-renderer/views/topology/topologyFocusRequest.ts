// Asks the topology to select one object and show its neighbourhood (the command palette's "Show in
// topology"). Kept until the topology has the object, since the view may still be loading it.
// A request names the graph it is for: only a TopologyView under <TopologyFocusTarget value=…> with that
// name takes it. Other graphs on screen (a Helm release's, an Application's tree) draw objects of the
// same namespace and would otherwise take it first, leaving the graph the user was sent to unfocused.
import { createContext, useContext, useEffect, useState } from 'react';

/** The workspace's own topology (Overview), where "Show in topology" goes. */
export const MAIN_TOPOLOGY = 'main';

let pending: { uid: string; target: string } | undefined;
const listeners = new Set<() => void>();

const FocusTarget = createContext<string | undefined>(undefined);
/** Names the graph below as the one focus requests for `value` go to; a graph outside any takes none. */
export const TopologyFocusTarget = FocusTarget.Provider;

export function requestTopologyFocus(uid: string, target: string = MAIN_TOPOLOGY): void {
  pending = { uid, target };
  for (const l of listeners) l();
}

/** The uid waiting for the graph named `target` (none for an unnamed graph). */
export function pendingTopologyFocus(target: string | undefined): string | undefined {
  return target !== undefined && pending?.target === target ? pending.uid : undefined;
}

/** The graph named `target` has taken its request; another graph's request stays. */
export function takeTopologyFocus(target: string | undefined): void {
  if (target !== undefined && pending?.target === target) pending = undefined;
}

/** The uid waiting to be focused in this graph, and the function to call once it is. */
export function useTopologyFocusRequest(): [string | undefined, () => void] {
  const target = useContext(FocusTarget);
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    return () => { listeners.delete(l); };
  }, []);
  return [pendingTopologyFocus(target), () => takeTopologyFocus(target)];
}
