import { createContext, useContext, type ReactNode } from 'react';

/** Which cluster an action acts on, and whether the screen shows several (then every dialog names it: components/Modal.tsx). */
export interface ActionCluster { context?: string; merged: boolean }

const Ctx = createContext<ActionCluster>({ merged: false });

/** Around what acts on one object of a merged view (its details, its row's menu). */
export function ActionClusterScope({ context, merged, children }: ActionCluster & { children: ReactNode }) {
  return <Ctx.Provider value={{ context, merged }}>{children}</Ctx.Provider>;
}

export const useActionCluster = (): ActionCluster => useContext(Ctx);
