// Asks the topology to select one object and show its neighbourhood (the command palette's "Show in
// topology"). Kept until the topology has the object, since the view may still be loading it.
import { useEffect, useState } from 'react';

let pending: string | undefined;
const listeners = new Set<() => void>();

export function requestTopologyFocus(uid: string): void {
  pending = uid;
  for (const l of listeners) l();
}

/** The uid waiting to be focused, and the function to call once it is. */
export function useTopologyFocusRequest(): [string | undefined, () => void] {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    return () => { listeners.delete(l); };
  }, []);
  return [pending, () => { pending = undefined; }];
}
