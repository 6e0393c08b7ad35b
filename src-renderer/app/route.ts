import { useEffect, useState } from 'react';

/**
 * The app's location lives in the URL hash, so a reload (or a serve-mode tab) lands where it was:
 * #/c/<context>/<view>[/<group>/<version>/<resource>]?ns=<namespace>&sel=<uid>
 */
export interface Route {
  context?: string;
  view: string;
  resource?: { group: string; version: string; resource: string };
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  if (parts[0] !== 'c' || !parts[1]) return { view: parts[0] === 'dev' ? 'dev' : 'home', params };
  const view = parts[2] ?? 'overview';
  const route: Route = { context: parts[1], view, params };
  if (view === 'r' && parts.length >= 6) route.resource = { group: parts[3] === '_' ? '' : parts[3], version: parts[4], resource: parts[5] };
  return route;
}

export function formatRoute(r: { context?: string; view: string; resource?: Route['resource']; params?: Record<string, string | undefined> }): string {
  const enc = encodeURIComponent;
  let path = r.context ? `#/c/${enc(r.context)}/${r.view}` : '#/';
  if (r.view === 'r' && r.resource) path += `/${r.resource.group === '' ? '_' : enc(r.resource.group)}/${enc(r.resource.version)}/${enc(r.resource.resource)}`;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(r.params ?? {})) if (v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Where the app goes when the location names no context: the last context used, else kubeconfig's
 * current one, else the first. Undefined when the location already says where to be (a deep link, a
 * reload, a hash set a moment ago) or there is no context to go to. Given the location itself, not a
 * rendered route: a hash set since the last render has not reached React's state yet, and must win.
 */
export function defaultRoute(hash: string, kube: { lastContext?: string; currentContext?: string; contexts: { name: string }[] }): string | undefined {
  const here = parseRoute(hash);
  if (here.context || here.view === 'dev') return undefined;
  const pick = kube.lastContext ?? kube.currentContext ?? kube.contexts[0]?.name;
  return pick ? formatRoute({ context: pick, view: 'overview' }) : undefined;
}

export function useRoute(): [Route, (hash: string) => void] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    // A change between the first render and now fired its hashchange before anyone listened.
    on();
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [parseRoute(hash), (h: string) => { window.location.hash = h; }];
}
