import { useEffect, useState } from 'react';
import { useClient } from '../../data/clientContext';
import type { RbacObjectsEvent } from '../../../shared/contract/rbac';
import type { RbacObjects } from '../../../shared/rbac/rbacObjects';
import type { Freshness } from '../../../shared/contract/resources';
import { worstFreshness } from '../../../shared/model/freshness';

export interface RbacObjectsState {
  objects?: RbacObjects;
  event?: RbacObjectsEvent;
  /** Why the RBAC objects cannot be used to answer (a list forbidden, the subscription ended). */
  unreadable?: string;
  error?: string;
}

const LISTS = ['clusterroles', 'clusterrolebindings', 'roles', 'rolebindings'] as const;

/** The context's Roles, ClusterRoles and bindings, live from the core's shared informers. */
export function useRbacObjects(context: string): RbacObjectsState {
  const client = useClient();
  const [state, setState] = useState<RbacObjectsState>({});
  useEffect(() => {
    setState({});
    const sub = client.subscribe('rbac.objects', { context }, {
      onEvent: (e) => {
        const bad = LISTS.find((l) => ['forbidden', 'unauthorized'].includes(e.lists[l].freshness.state));
        setState({
          event: e,
          objects: e,
          ...(bad ? { unreadable: `You may not list ${bad}: ${e.lists[bad].freshness.reason ?? e.lists[bad].freshness.state}` } : {}),
        });
      },
      onEnd: (err) => { if (err) setState((s) => ({ ...s, error: err.message })); },
    });
    return () => sub.close();
  }, [client, context]);
  return state;
}

/** True once every list has synced (no answer is given from a half-read set). */
export function rbacSynced(e: RbacObjectsEvent | undefined): boolean {
  return !!e && LISTS.every((l) => ['live', 'checking'].includes(e.lists[l].freshness.state));
}

/** The worst freshness of the lists the answers come from (for the view's badge). */
export function rbacFreshness(e: RbacObjectsEvent | undefined): Freshness | undefined {
  return e ? worstFreshness(LISTS.map((l) => e.lists[l].freshness)) : undefined;
}
