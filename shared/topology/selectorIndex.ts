import { matchesSelector, type Requirement } from '../model/labelSelector';
import type { LabelSelector } from './topologyObject';

/**
 * A metav1.LabelSelector as requirements, or null when it can never match (an unknown operator or
 * an In/NotIn without values, which the API server would reject). `{}` matches everything, as in
 * Kubernetes; callers decide whether an absent selector means "nothing" (Services) or "everything".
 */
export function selectorRequirements(sel: LabelSelector): Requirement[] | null {
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, op: 'in', values: [value] });
  for (const e of sel.matchExpressions ?? []) {
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (!e.values || e.values.length === 0) return null;
        reqs.push({ key: e.key, op: e.operator === 'In' ? 'in' : 'notin', values: e.values });
        break;
      case 'Exists': reqs.push({ key: e.key, op: 'exists' }); break;
      case 'DoesNotExist': reqs.push({ key: e.key, op: '!exists' }); break;
      default: return null;
    }
  }
  return reqs;
}

export function matchesLabelSelector(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const reqs = selectorRequirements(sel);
  return reqs !== null && matchesSelector(labels, reqs);
}

interface Labelled {
  namespace?: string;
  labels?: Record<string, string>;
}

interface Bucket<T> {
  all: T[];
  byPair: Map<string, T[]>;
  byKey: Map<string, T[]>;
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`;
const push = <T>(map: Map<string, T[]>, key: string, item: T) => {
  const list = map.get(key);
  if (list) list.push(item); else map.set(key, [item]);
};

/**
 * Items bucketed per namespace by label pair and label key, so a selector only looks at the items
 * carrying its rarest required label instead of every item: a Service over a 10k-pod namespace
 * costs the size of its answer, not 10k comparisons per Service.
 */
export class LabelIndex<T extends Labelled> {
  private readonly namespaces = new Map<string, Bucket<T>>();

  constructor(items: Iterable<T>) {
    for (const item of items) this.add(item);
  }

  add(item: T): void {
    const ns = item.namespace ?? '';
    let b = this.namespaces.get(ns);
    if (!b) { b = { all: [], byPair: new Map(), byKey: new Map() }; this.namespaces.set(ns, b); }
    b.all.push(item);
    for (const [k, v] of Object.entries(item.labels ?? {})) {
      push(b.byPair, pairKey(k, v), item);
      push(b.byKey, k, item);
    }
  }

  /** Items of `namespace` (undefined: cluster-scoped) that `selector` matches. */
  select(namespace: string | undefined, selector: LabelSelector): T[] {
    const b = this.namespaces.get(namespace ?? '');
    const reqs = selectorRequirements(selector);
    if (!b || reqs === null) return [];
    let candidates: T[] = b.all;
    for (const r of reqs) {
      let c: T[] | undefined;
      if (r.op === 'in') {
        c = r.values.length === 1 ? (b.byPair.get(pairKey(r.key, r.values[0])) ?? []) : [...new Set(r.values)].flatMap((v) => b.byPair.get(pairKey(r.key, v)) ?? []);
      } else if (r.op === 'exists') {
        c = b.byKey.get(r.key) ?? [];
      }
      if (c && c.length < candidates.length) candidates = c;
      if (candidates.length === 0) return [];
    }
    return candidates.filter((item) => matchesSelector(item.labels, reqs));
  }
}
