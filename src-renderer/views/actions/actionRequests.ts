// Asks the details panel of one object to start one of its own actions or show one of its tabs (the
// command palette and keyboard shortcuts use it), so the action runs through the same menu code, RBAC
// check and confirmation dialog as when it is clicked: there is no second copy of any action.
import { useEffect, useState } from 'react';
import type { ObjectActionId } from '../../../shared/actions/actionAccess';

export type DetailsTabId = 'overview' | 'yaml' | 'events' | 'logs' | 'terminal' | 'rollout' | 'files';

export interface ActionRequest {
  /** The object's uid: only its panel answers. */
  uid: string;
  action?: ObjectActionId;
  /** For `scale`: the replicas to offer in the dialog (still confirmed there). */
  replicas?: number;
  tab?: DetailsTabId;
  /** Tells two requests for the same thing apart. */
  seq: number;
}

let latest: ActionRequest | undefined;
let seq = 0;
const listeners = new Set<() => void>();

export function requestAction(r: Omit<ActionRequest, 'seq'>): void {
  latest = { ...r, seq: ++seq };
  for (const l of listeners) l();
}

/**
 * The latest request for this uid not yet taken. Kept until a panel takes it, so a request made
 * before the panel opened is still seen when it mounts.
 */
export function useActionRequest(uid: string | undefined): [ActionRequest | undefined, (r: ActionRequest) => void] {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    return () => { listeners.delete(l); };
  }, []);
  const mine = uid && latest?.uid === uid ? latest : undefined;
  return [mine, (r) => { if (latest?.seq === r.seq) latest = undefined; }];
}
