import type { TopoObject } from '../../../shared/topology/topologyObject';
import type { TopologyKind } from './topologyKinds';
import { apiVersionOf } from '../../../shared/model/kinds';

export interface KindList {
  kind: TopologyKind;
  items: ReadonlyMap<string, TopoObject>;
}

/**
 * All watched objects as one array for buildTopology. Each list comes from one kind's watch, so an
 * object that arrives without kind/apiVersion (a LIST response's items carry neither) gets them from
 * the list it came in: without a kind it would match no edge rule and no card.
 */
export function collectObjects(lists: readonly KindList[]): TopoObject[] {
  const out: TopoObject[] = [];
  for (const { kind, items } of lists) {
    const apiVersion = apiVersionOf(kind);
    for (const o of items.values()) {
      if (o.kind && o.apiVersion) { out.push(o); continue; }
      // The same input object gives the same output object, so memoized cards do not re-render.
      let fixed = completed.get(o);
      if (!fixed) { fixed = { ...o, kind: o.kind || kind.kind, apiVersion: o.apiVersion || apiVersion }; completed.set(o, fixed); }
      out.push(fixed);
    }
  }
  return out;
}

const completed = new WeakMap<TopoObject, TopoObject>();
