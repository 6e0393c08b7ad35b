import { useMemo } from 'react';
import { useClient, useContractQuery, useLiveList, useTopicValue } from '../data/clientContext';
import type { KubeconfigState } from '../../shared/contract/clusters';
import type { MetaRow, TableRow } from '../../shared/contract/resources';
import { formatRoute, type Route } from './route';
import { KindsSidebar, useClusterKinds } from './KindsSidebar';
import { ResourceTable } from '../views/tables/ResourceTable';
import { ClusterStatusBadge } from '../components/ClusterStatusBadge';
import { OverviewView } from '../views/OverviewView';
import { DetailsHost } from '../views/DetailsHost';
import { ToastProvider } from '../components/Toasts';
import { TopBarActions } from '../views/activity/TopBarActions';
import { ConnectionNotice } from '../components/ConnectionNotice';
import { KubeconfigErrors } from '../components/KubeconfigErrors';
import { PortForwardsPage } from '../views/portforward/PortForwardsPage';
import { RbacView } from '../views/rbac/RbacView';
import { NamespacePicker, useNamespaceAccess } from './NamespacePicker';
import { namespaceList } from '../data/namespaceUnion';
import { CommandPalette } from './palette/CommandPalette';
import { ShortcutHost } from './palette/ShortcutHost';
import { TopBarKeys } from './palette/TopBarKeys';
import { goFromPalette } from './palette/paletteGo';
import type { PaletteGo } from './palette/paletteCommands';
import { HelmView } from '../views/helm/HelmView';
import { AppsView } from '../views/apps/AppsView';
import { KindsBrowser } from '../views/kinds/KindsBrowser';
import { NetworkView } from '../views/network/NetworkView';
import { decodeDetails, encodeDetails, withParams } from './detailsLink';
import type { DetailsTarget } from '../views/details/detailsTarget';

interface Props { kube: KubeconfigState; route: Route; navigate(hash: string): void }

/** One context's workspace: top bar (context, namespace, status), kinds sidebar, the view, details. */
export function ClusterWorkspace({ kube, route, navigate }: Props) {
  const context = route.context!;
  const known = kube.contexts.find((c) => c.name === context);
  const status = useTopicValue('cluster.watch', known ? { context } : undefined);
  const client = useClient();
  const prefs = useContractQuery('prefs.get', known ? { context } : undefined);
  const nsParam = route.params.get('ns');
  // URL first, then the namespace remembered for this context ('*' = all), then the context's own.
  const chosen = nsParam ?? prefs.data?.namespace ?? known?.namespace;
  const namespace = chosen === '*' ? undefined : chosen;
  // Several namespaces (`a,b`): live lists watch each and merge (data/namespaceUnion.ts); the sidebar's access checks use the first.
  const union = namespaceList(namespace);
  const namespaces = useLiveList<MetaRow>(known ? { context, group: '', version: 'v1', resource: 'namespaces', projection: 'meta' } : undefined);
  const kinds = useClusterKinds(context);
  const nsAccess = useNamespaceAccess(context);
  // The selected object and its details tab live in the URL (?obj=…&tab=…): links and reloads keep them;
  // any other navigation (sidebar, namespace, context) builds a URL without them and so closes the panel.
  const objParam = route.params.get('obj');
  const selected = useMemo(() => decodeDetails(objParam), [objParam]);
  const setSelected = (t: DetailsTarget | undefined) => navigate(withParams(window.location.hash, { obj: t ? encodeDetails(t) : undefined, tab: undefined }));
  const detailsTab = route.params.get('tab') ?? undefined;

  const go = (view: string, extra: Partial<Route> = {}, params: Record<string, string | undefined> = {}) =>
    navigate(formatRoute({ context, view, resource: extra.resource, params: { ns: nsParam ?? undefined, ...params } }));

  if (!known) {
    return <div className="welcome" role="alert"><h1>Unknown context</h1><p>The context “{context}” is not in your kubeconfig.</p>
      <p>{kube.contexts.map((c) => <a key={c.name} href={formatRoute({ context: c.name, view: 'overview' })}>{c.name} </a>)}</p></div>;
  }

  /** `ns`: a name or '*' (all); `typed` ones are remembered as this context's choices. */
  const setNamespace = (ns: string, opts: { typed?: boolean } = {}) => {
    // Remembered per context across restarts (in the app's data folder, never in kubeconfig).
    void client.request('prefs.set', { context, namespace: ns || '*', ...(opts.typed ? { typedNamespace: ns } : {}) }).then(() => prefs.refetch());
    navigate(formatRoute({ context, view: route.view, resource: route.resource, params: { ns: ns || '*' } }));
  };

  const nsNames = [...namespaces.items.values()].map((n) => n.name).sort();
  const paletteGo = (g: PaletteGo) => goFromPalette(g, { context, route, navigate, setNamespace, setSelected });
  const routeKind = route.resource && kinds.kinds.find((k) => k.resource === route.resource!.resource && k.group === route.resource!.group);
  const kindLabel = routeKind?.label ?? route.resource?.resource ?? '';
  // Cluster-scoped kinds ignore the namespace picker; a kind discovery has not described yet waits for it.
  const tableNs = routeKind?.namespaced === false ? undefined : namespace;

  return (
    <ToastProvider>
    <div className="workspace">
      <header className="topbar">
        <div className="brand"><img src="./favicon.svg" alt="" width={22} height={22} /> Wheelhouse</div>
        <label className="picker">Context
          <select value={context} onChange={(e) => navigate(formatRoute({ context: e.target.value, view: route.view, resource: route.resource }))} data-testid="context-picker">
            {kube.contexts.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
          </select>
        </label>
        <NamespacePicker context={context} chosen={chosen} contextNamespace={known.namespace} typed={prefs.data?.typedNamespaces ?? []} listed={nsNames} onChange={setNamespace} />
        <ClusterStatusBadge status={status} context={known} />
        <TopBarKeys />
        <TopBarActions context={context} namespace={union ? undefined : namespace} />
      </header>
      <KindsSidebar context={context} route={route} namespace={union?.[0] ?? namespace} nsParam={nsParam ?? undefined} nav={kinds} />
      <main className="main">
        <KubeconfigErrors errors={kube.errors} />
        <ConnectionNotice status={status} />
        {route.view === 'apps' && <AppsView context={context} kube={kube} appId={route.params.get('app') ?? undefined} navigate={navigate} />}
        {route.view === 'overview' && <OverviewView context={context} namespace={namespace} onSelect={(s) => setSelected(s)} />}
        {route.view === 'forwards' && <PortForwardsPage />}
        {route.view === 'network' && <NetworkView context={context} namespace={namespace} via={route.params.get('via') ?? undefined} onSelect={setSelected} />}
        {route.view === 'kinds' && <KindsBrowser context={context} nsParam={nsParam ?? undefined} />}
        {route.view === 'r' && route.resource && !routeKind && !kinds.loaded && <div className="empty">Loading…</div>}
        {route.view === 'r' && route.resource && (routeKind || kinds.loaded) && (
          <ResourceTable key={`${context}/${route.resource.group}/${route.resource.resource}/${tableNs}`} context={context} {...route.resource}
            namespace={tableNs} ignoredNamespace={routeKind?.namespaced === false ? namespace : undefined}
            title={kindLabel} selectedUid={selected?.uid}
            initialFilter={route.params.get('q') ?? ''} initialSelector={route.params.get('l') ?? ''}
            // Written without a history entry per keystroke, and without a re-render: the table holds them.
            onFilters={(q, l) => window.history.replaceState(null, '', withParams(window.location.hash, { q, l }))}
            onSelect={(row: TableRow) => setSelected({ ...route.resource!, namespace: row.namespace, name: row.name, uid: row.uid })} />
        )}
        {route.view === 'access' && <RbacView context={context} namespace={namespace} route={route} navigate={navigate} />}
        {route.view === 'helm' && <HelmView context={context} namespace={namespace} route={route} navigate={navigate} onSelect={setSelected} />}
      </main>
      <CommandPalette context={context} namespace={namespace} contexts={kube.contexts.map((c) => c.name)} namespaces={[...new Set([...nsNames, ...(known.namespace ? [known.namespace] : []), ...(prefs.data?.typedNamespaces ?? [])])].sort()}
        clusterWide={nsAccess.listAllNamespaces === true} kinds={kinds.kinds} onOpen={setSelected} onGo={paletteGo} />
      <ShortcutHost />
      {selected && <DetailsHost context={context} target={selected} onClose={() => setSelected(undefined)} navigate={go} onSelect={setSelected}
        tab={detailsTab} onTab={(t) => navigate(withParams(window.location.hash, { tab: t === 'overview' ? undefined : t }))} />}
    </div>
    </ToastProvider>
  );
}
