// Asks the top bar's New menu to open a form (the command palette's `:new KIND` uses it), so every
// way in reaches the same dialog, RBAC check and dry run.
import { useEffect, useState } from 'react';
import type { CreateFormId } from '../../../shared/create/createKinds';

let latest: { form?: CreateFormId; seq: number } | undefined;
let seq = 0;
const listeners = new Set<() => void>();

export function requestCreate(form?: CreateFormId): void {
  latest = { form, seq: ++seq };
  for (const l of listeners) l();
}

/** The latest request not yet taken, and a way to take it. */
export function useCreateRequest(): [{ form?: CreateFormId; seq: number } | undefined, () => void] {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    return () => { listeners.delete(l); };
  }, []);
  return [latest, () => { latest = undefined; }];
}
