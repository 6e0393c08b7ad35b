// Several clusters shown together: the route's context plus the contexts in `with=` (this file reads
// and writes that parameter). Tables merge their rows (data/clusterUnion.ts); everything else shows the
// route's context. Names are kept whole: a comma or a percent sign in a context name is escaped.

import { withParams } from './detailsLink';
import { parseRoute } from './route';

export const WITH_PARAM = 'with';

const escapeName = (n: string) => n.replace(/%/g, '%25').replace(/,/g, '%2C');
const unescapeName = (n: string) => n.replace(/%2C/gi, ',').replace(/%25/g, '%');

/** The other contexts shown with the route's (`with=a,b`), without duplicates or the context itself. */
export function parseClusterSet(value: string | null | undefined, context?: string): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map(unescapeName).filter((n) => n && n !== context))];
}

/** The `with=` value of a set; undefined for none (the parameter is then left out). */
export function formatClusterSet(list: readonly string[]): string | undefined {
  return list.length ? list.map(escapeName).join(',') : undefined;
}

/**
 * A hash the workspace navigates to, keeping the clusters shown when it stays on the same context and
 * says nothing of its own (views build their links without knowing about the set).
 */
export function keepClusterSet(hash: string, context: string, value: string | undefined): string {
  if (!value) return hash;
  const r = parseRoute(hash);
  if (r.context !== context || r.params.has(WITH_PARAM)) return hash;
  return withParams(hash, { [WITH_PARAM]: value });
}
