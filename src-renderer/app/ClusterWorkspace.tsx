import { useEffect, useState } from 'react';
import { useContractQuery, useLiveList, useTopicValue } from '../data/clientContext';
import type { KubeconfigState } from '../../shared/contract/clusters';
import type { MetaRow, TableRow } from '../../shared/contract/resources';
import { formatRoute, type Route } from './route';
import { navGroups } from './kindsNav';
import { ResourceTable } from '../views/tables/ResourceTable';
import { ClusterStatusBadge } from '../components/ClusterStatusBadge';
import { OverviewView } from '../views/OverviewView';
import { DetailsHost } from '../views/DetailsHost';

interface Props { kube: KubeconfigState; route: Route; navigate(hash: string): void }

/** One context's workspace: top bar (context, namespace, status), kinds sidebar, the view, details. */
export function ClusterWorkspace({ kube, route, navigate }: Props) {
  const context = route.context!;
  const known = kube.contexts.find((c) => c.name === context);
  const status = useTopicValue('cluster.watch', known ? { context } : undefined);
  const prefs = useContractQuery('prefs.get', known ? { context } : undefined);
  const nsParam = route.params.get('ns');
  const namespace = nsParam === '*' ? undefined : nsParam ?? prefs.data?.namespace ?? known?.namespace ?? undefined;
  const namespaces = useLiveList<MetaRow>(known ? { context, group: '', version: 'v1', resource: 'namespaces', projection: 'meta' } : undefined);
  const [selected, setSelected] = useState<{ group: string; version: string; resource: string; namespace?: string; name: string; uid: string } | undefined>();
  useEffect(() => setSelected(undefined), [context, route.view, route.resource?.resource]);

  const go = (view: string, extra: Partial<Route> = {}, params: Record<string, string | undefined> = {}) =>
    navigate(formatRoute({ context, view, resource: extra.resource, params: { ns: nsParam ?? undefined, ...params } }));

  if (!known) {
    return <div className="welcome" role="alert"><h1>Unknown context</h1><p>The context “{context}” is not in your kubeconfig.</p>
      <p>{kube.contexts.map((c) => <a key={c.name} href={formatRoute({ context: c.name, view: 'overview' })}>{c.name} </a>)}</p></div>;
  }

  const setNamespace = (ns: string) => {
    navigate(formatRoute({ context, view: route.view, resource: route.resource, params: { ns: ns || '*' } }));
  };

  const nsNames = [...namespaces.items.values()].map((n) => n.name).sort();
  const kindLabel = navGroups.flatMap((g) => g.kinds).find((k) => route.resource && k.resource === route.resource.resource && k.group === route.resource.group)?.label ?? route.resource?.resource ?? '';

  return (
    <div className="workspace">
      <header className="topbar">
        <div className="brand"><img src="./favicon.svg" alt="" width={22} height={22} /> Wheelhouse</div>
        <label className="picker">Context
          <select value={context} onChange={(e) => navigate(formatRoute({ context: e.target.value, view: route.view, resource: route.resource }))} data-testid="context-picker">
            {kube.contexts.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
          </select>
        </label>
        <label className="picker">Namespace
          <select value={namespace ?? ''} onChange={(e) => setNamespace(e.target.value)} data-testid="namespace-picker">
            <option value="">All namespaces</option>
            {namespace && !nsNames.includes(namespace) && <option value={namespace}>{namespace}</option>}
            {nsNames.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <ClusterStatusBadge status={status} context={known} />
      </header>
      <nav className="sidebar">
        <a className={route.view === 'overview' ? 'active' : ''} href={formatRoute({ context, view: 'overview', params: { ns: nsParam ?? undefined } })}>Topology</a>
        {navGroups.map((g) => (
          <div key={g.title} className="nav-group">
            <div className="nav-title">{g.title}</div>
            {g.kinds.map((k) => (
              <a key={k.resource + k.group} className={route.resource?.resource === k.resource && route.resource.group === k.group ? 'active' : ''}
                href={formatRoute({ context, view: 'r', resource: k, params: { ns: nsParam ?? undefined } })}>{k.label}</a>
            ))}
          </div>
        ))}
      </nav>
      <main className="main">
        {route.view === 'overview' && <OverviewView context={context} namespace={namespace} onSelect={(s) => setSelected(s)} />}
        {route.view === 'r' && route.resource && (
          <ResourceTable key={`${context}/${route.resource.resource}/${namespace}`} context={context} {...route.resource}
            namespace={navGroups.flatMap((g) => g.kinds).find((k) => k.resource === route.resource!.resource)?.namespaced === false ? undefined : namespace}
            title={kindLabel} selectedUid={selected?.uid}
            onSelect={(row: TableRow) => setSelected({ ...route.resource!, namespace: row.namespace, name: row.name, uid: row.uid })} />
        )}
      </main>
      {selected && <DetailsHost context={context} target={selected} onClose={() => setSelected(undefined)} navigate={go} />}
    </div>
  );
}
