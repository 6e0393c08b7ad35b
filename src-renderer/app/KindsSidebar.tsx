import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useClient, useContractQuery, useLiveList } from '../data/clientContext';
import type { ApiResourceInfo } from '../../shared/contract/clusters';
import type { MetaRow } from '../../shared/contract/resources';
import { allKinds, applyCrdChanges, buildNav, crdToApiResource, kindKey, type NavKind, type NavSection } from './kindsNav';
import { formatRoute, type Route } from './route';
import { useForwardCount } from '../views/portforward/PortForwardsPage';
import './kindsSidebar.css';

const CRDS = { group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' } as const;

export interface ClusterKinds {
  sections: NavSection[];
  /** Every served kind (sidebar kinds first), for kind → resource lookups. */
  kinds: NavKind[];
  /** Discovery answered (or failed): `kinds` is what the cluster serves, not only the built-ins. */
  loaded: boolean;
  discoveryError?: string;
}

/**
 * The kinds this cluster serves: discovery, kept current while CRDs come and go. The CRDs' meta list
 * says when one was added, changed or deleted; changed ones are read back (one small GET each) because
 * the core's discovery cache would still answer with the old list for a few minutes.
 */
export function useClusterKinds(context: string): ClusterKinds {
  const client = useClient();
  const discovery = useContractQuery('cluster.discovery', { context }, { staleTime: 5 * 60_000 });
  const crds = useLiveList<MetaRow>({ context, ...CRDS, projection: 'meta' });
  const baseline = useRef<Map<string, string | undefined> | undefined>(undefined);
  const seen = useRef(new Set<string>());
  const [overlay, setOverlay] = useState<{ deleted: Set<string>; changed: Map<string, { rv?: string; info?: ApiResourceInfo }> }>(
    () => ({ deleted: new Set(), changed: new Map() }));

  useEffect(() => { baseline.current = undefined; seen.current = new Set(); setOverlay({ deleted: new Set(), changed: new Map() }); }, [context]);

  useEffect(() => {
    if (!crds.synced || !discovery.data) return;
    const now = new Map([...crds.items.values()].map((c) => [c.name, c.resourceVersion]));
    for (const n of now.keys()) seen.current.add(n);
    if (!baseline.current) { baseline.current = now; return; }
    const base = baseline.current;
    const deleted = new Set([...seen.current].filter((n) => !now.has(n)));
    const stale = [...now].filter(([n, rv]) => base.get(n) !== rv && overlay.changed.get(n)?.rv !== rv);
    if (deleted.size !== overlay.deleted.size || [...deleted].some((n) => !overlay.deleted.has(n))) {
      setOverlay((o) => ({ ...o, deleted }));
    }
    if (stale.length === 0) return;
    void discovery.refetch();
    let cancelled = false;
    void Promise.all(stale.map(async ([name, rv]) => {
      try {
        const crd = await client.request('resource.get', { context, ...CRDS, name });
        return [name, { rv, info: crdToApiResource(crd) }] as const;
      } catch {
        return [name, { rv, info: undefined }] as const;
      }
    })).then((results) => {
      if (cancelled) return;
      setOverlay((o) => {
        const changed = new Map(o.changed);
        for (const [n, v] of results) changed.set(n, v);
        return { ...o, changed };
      });
    });
    return () => { cancelled = true; };
    // overlay is read, not a trigger: it changes only as a result of this effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [crds.version, crds.synced, discovery.data, context, client]);

  return useMemo(() => {
    const data = discovery.data
      ? applyCrdChanges(discovery.data, overlay.deleted, new Map([...overlay.changed].map(([n, v]) => [n, v.info])))
      : undefined;
    const out: ClusterKinds = { sections: buildNav(data), kinds: allKinds(data), loaded: !!data || !!discovery.error };
    if (discovery.error) out.discoveryError = (discovery.error as Error).message;
    return out;
  }, [discovery.data, discovery.error, overlay]);
}

interface Access { allowed: boolean; reason?: string }

/** Whether the user may list each kind in this scope (SelfSubjectAccessReview, 200 per request). */
function useListAccess(context: string, namespace: string | undefined, kinds: NavKind[]): Map<string, Access> | undefined {
  const client = useClient();
  const checks = kinds.map((k) => ({ verb: 'list', group: k.group, resource: k.resource, ...(k.namespaced && namespace ? { namespace } : {}) }));
  const q = useQuery({
    queryKey: ['kinds.access', context, namespace ?? '*', checks.map((c) => kindKey(c)).join(',')],
    enabled: kinds.length > 0,
    staleTime: 60_000,
    retry: false,
    queryFn: async () => {
      const out = new Map<string, Access>();
      for (let i = 0; i < checks.length; i += 200) {
        const part = checks.slice(i, i + 200);
        const res = await client.request('cluster.access', { context, checks: part });
        part.forEach((c, j) => out.set(kindKey(c), res[j]));
      }
      return out;
    },
  });
  // While the kinds list changes (discovery arriving) keep the last answer for this same context and
  // namespace, so kinds do not flicker; an answer for another scope is never shown. Access reviews
  // themselves failing must not grey out the sidebar: then every kind stays enabled.
  const scope = `${context}|${namespace ?? '*'}`;
  const last = useRef<{ scope: string; data: Map<string, Access> } | undefined>(undefined);
  if (q.data) last.current = { scope, data: q.data };
  return q.data ?? (last.current?.scope === scope ? last.current.data : undefined);
}

interface SidebarProps {
  context: string;
  route: Route;
  /** The namespace the picker shows (undefined: all namespaces). */
  namespace: string | undefined;
  /** The raw ?ns= parameter, carried along in links. */
  nsParam: string | undefined;
  /** Other clusters shown with this one (`with=`), kept by every link. */
  withParam?: string;
  nav: ClusterKinds;
}

/** The kinds sidebar: Topology, the built-in sections, then custom resources by API group. */
export function KindsSidebar({ context, route, namespace, nsParam, withParam, nav }: SidebarProps) {
  const sidebarKinds = useMemo(() => nav.sections.flatMap((s) => s.kinds), [nav.sections]);
  const access = useListAccess(context, namespace, sidebarKinds);
  const forwardCount = useForwardCount();
  const active = route.view === 'r' ? route.resource : undefined;
  const link = (k: NavKind) => formatRoute({ context, view: 'r', resource: k, params: { ns: nsParam, with: withParam } });

  const item = (k: NavKind) => {
    const isActive = !!active && active.group === k.group && active.resource === k.resource;
    const a = access?.get(kindKey(k));
    const scopeNote = !k.namespaced && namespace ? 'Cluster-scoped: shown for the whole cluster, whatever the namespace picker says.' : undefined;
    if (a && !a.allowed && !isActive) {
      const where = k.namespaced && namespace ? `in namespace ${namespace}` : k.namespaced ? 'across all namespaces' : 'in this cluster';
      const why = `You may not list ${k.label} ${where}${a.reason ? ` (${a.reason})` : ''}.`;
      return (
        <span key={kindKey(k)} className="nav-kind disabled" aria-disabled="true" title={why} data-testid={`nav-${kindKey(k)}`}>
          {k.label}<span className="nav-lock" aria-hidden>⊘</span>
        </span>
      );
    }
    return (
      <a key={kindKey(k)} className={`nav-kind ${isActive ? 'active' : ''}`} href={link(k)} title={scopeNote} data-testid={`nav-${kindKey(k)}`}
        aria-current={isActive ? 'page' : undefined}>
        {k.label}
      </a>
    );
  };

  return (
    <nav className="sidebar kinds-sidebar" aria-label="Kinds">
      <a className={`nav-kind ${route.view === 'overview' ? 'active' : ''}`} href={formatRoute({ context, view: 'overview', params: { ns: nsParam, with: withParam } })}>Topology</a>
      <a className={`nav-kind ${route.view === 'network' ? 'active' : ''}`} href={formatRoute({ context, view: 'network', params: { ns: nsParam, with: withParam } })} data-testid="nav-network">Network</a>
      <a className={`nav-kind ${route.view === 'forwards' ? 'active' : ''}`} href={formatRoute({ context, view: 'forwards', params: { ns: nsParam, with: withParam } })} data-testid="nav-port-forwards">
        Port forwards{forwardCount > 0 && <span className="nav-count" data-testid="nav-port-forwards-count">{forwardCount}</span>}
      </a>
      <a className={`nav-kind ${route.view === 'helm' ? 'active' : ''}`} href={formatRoute({ context, view: 'helm', params: { ns: nsParam, with: withParam } })} data-testid="nav-helm-releases">Helm releases</a>
      <a className={`nav-kind ${route.view === 'apps' ? 'active' : ''}`} href={formatRoute({ context, view: 'apps', params: { ns: nsParam, with: withParam } })} data-testid="nav-applications">Applications</a>
      <a className={`nav-kind ${route.view === 'access' ? 'active' : ''}`} href={formatRoute({ context, view: 'access', params: { ns: nsParam, with: withParam } })} data-testid="nav-access"
        title="RBAC: what you can do, can-i, who can, effective permissions">Access</a>
      <a className={`nav-kind ${route.view === 'kinds' ? 'active' : ''}`} href={formatRoute({ context, view: 'kinds', params: { ns: nsParam, with: withParam } })} data-testid="nav-all-kinds"
        title="Every resource the API server serves">All kinds…</a>
      {nav.discoveryError && <div className="nav-error" role="status" title={nav.discoveryError}>Discovery failed; showing the built-in kinds.</div>}
      {nav.sections.map((s) => (
        <div key={s.title} className="nav-group">
          <div className="nav-title">{s.title}</div>
          {s.subgroups
            ? s.subgroups.map((g) => <ApiGroup key={g.group} group={g.group} count={g.kinds.length}
              open={!!active && active.group === g.group}>{g.kinds.map(item)}</ApiGroup>)
            : s.kinds.map(item)}
        </div>
      ))}
    </nav>
  );
}

/** One API group of custom resources, collapsible so clusters with dozens of CRD groups stay navigable. */
function ApiGroup({ group, count, open, children }: { group: string; count: number; open: boolean; children: ReactNode }) {
  const [expanded, setExpanded] = useState(true);
  const show = expanded || open;
  return (
    <div className="nav-apigroup">
      <button type="button" className="nav-apigroup-toggle" aria-expanded={show} onClick={() => setExpanded(!show)} title={group}>
        <span className="chev" aria-hidden>{show ? '▾' : '▸'}</span><span className="nav-apigroup-name">{group}</span><span className="nav-apigroup-count">{count}</span>
      </button>
      {show && <div className="nav-apigroup-kinds">{children}</div>}
    </div>
  );
}
