import { useMemo } from 'react';
import { useClient, useContractQuery, useLiveList, useTopicValue } from '../data/clientContext';
import type { KubeconfigState } from '../../shared/contract/clusters';
import type { MetaRow, TableRow } from '../../shared/contract/resources';
import { formatRoute, type Route } from './route';
import { KindsSidebar, useClusterKinds } from './KindsSidebar';
import { ResourceTable } from '../views/tables/ResourceTable';
import { ClusterStatusBadge } from '../components/ClusterStatusBadge';
import { OverviewView } from '../views/OverviewView';
import { MergedTopology } from '../views/topology/MergedTopology';
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
import { ClusterSetPicker } from './ClusterSetPicker';
import { formatClusterSet, keepClusterSet, parseClusterSet, WITH_PARAM } from './clusterSet';
import { clusterKey, objectUidOf, type ClusterTagged } from '../data/clusterUnion';
import { ActionClusterScope } from '../components/actionCluster';
import type { DetailsTarget } from '../views/details/detailsTarget';

interface Props { kube: KubeconfigState; route: Route; navigate(hash: string): void }

/** Views that draw one cluster (a merged set shows in tables, the topology, the palette and the activity log). */
const SINGLE_CLUSTER_VIEWS = new Set(['network', 'helm', 'apps', 'access', 'kinds']);

/** The details target's context in the URL, when it is another cluster's object (`?octx=`). */
const OBJECT_CONTEXT_PARAM = 'octx';

/** One context's workspace: top bar (context, namespace, status), kinds sidebar, the view, details. */
export function ClusterWorkspace({ kube, route, navigate: navigateTo }: Props) {
  const context = route.context!;
  const known = kube.contexts.find((c) => c.name === context);
  // Other clusters shown with this one (`with=`): kept on every navigation that stays on this context.
  const withParam = route.params.get(WITH_PARAM) ?? undefined;
  const others = useMemo(() => parseClusterSet(withParam, context).filter((c) => kube.contexts.some((k) => k.name === c)), [withParam, context, kube.contexts]);
  const merged = others.length > 0;
  const navigate = (hash: string) => navigateTo(keepClusterSet(hash, context, withParam));
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
  const objContext = route.params.get(OBJECT_CONTEXT_PARAM) ?? undefined;
  const selected = useMemo(() => { const t = decodeDetails(objParam); return t && objContext && objContext !== context ? { ...t, context: objContext } : t; }, [objParam, objContext, context]);
  const setSelected = (t: DetailsTarget | undefined) => navigate(withParams(window.location.hash, {
    obj: t ? encodeDetails(t) : undefined, tab: undefined, [OBJECT_CONTEXT_PARAM]: t?.context && t.context !== context ? t.context : undefined,
  }));
  const selectedContext = selected?.context ?? context;
  // A merged table keys its rows by cluster and uid (data/clusterUnion.ts).
  const selectedRow = selected && (merged ? clusterKey(selectedContext, selected.uid) : selected.uid);
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
        <ClusterSetPicker context={context} contexts={kube.contexts.map((c) => c.name)} shown={others}
          onChange={(list) => navigateTo(withParams(window.location.hash, { [WITH_PARAM]: formatClusterSet(list), obj: undefined, tab: undefined, [OBJECT_CONTEXT_PARAM]: undefined }))} />
        <NamespacePicker context={context} chosen={chosen} contextNamespace={known.namespace} typed={prefs.data?.typedNamespaces ?? []} listed={nsNames} onChange={setNamespace} />
        <ClusterStatusBadge status={status} context={known} />
        <TopBarKeys />
        <TopBarActions context={context} clusters={others} namespace={union ? undefined : namespace} />
      </header>
      <KindsSidebar context={context} route={route} namespace={union?.[0] ?? namespace} nsParam={nsParam ?? undefined} withParam={withParam} nav={kinds} />
      <main className="main">
        <KubeconfigErrors errors={kube.errors} />
        <ConnectionNotice status={status} />
        {merged && SINGLE_CLUSTER_VIEWS.has(route.view) && (
          <div className="note merged-note" role="status" data-testid="merged-note">
            This view shows {context} only. Tables, the topology, the command palette and the activity log merge the {others.length + 1} clusters shown.
          </div>
        )}
        {route.view === 'apps' && <AppsView context={context} kube={kube} appId={route.params.get('app') ?? undefined} navigate={navigate} />}
        {route.view === 'overview' && !merged && <OverviewView context={context} namespace={namespace} onSelect={(s) => setSelected(s)} />}
        {route.view === 'overview' && merged && (
          <MergedTopology contexts={[context, ...others]} namespace={namespace} onSelect={(c, s) => setSelected({ ...s, ...(c !== context ? { context: c } : {}) })} />
        )}
        {route.view === 'forwards' && <PortForwardsPage />}
        {route.view === 'network' && <NetworkView context={context} namespace={namespace} via={route.params.get('via') ?? undefined} onSelect={setSelected} />}
        {route.view === 'kinds' && <KindsBrowser context={context} nsParam={nsParam ?? undefined} />}
        {route.view === 'r' && route.resource && !routeKind && !kinds.loaded && <div className="empty">Loading…</div>}
        {route.view === 'r' && route.resource && (routeKind || kinds.loaded) && (
          <ResourceTable key={`${context}/${route.resource.group}/${route.resource.resource}/${tableNs}/${others.join(',')}`} context={context} {...route.resource} clusters={others}
            namespace={tableNs} ignoredNamespace={routeKind?.namespaced === false ? namespace : undefined}
            title={kindLabel} selectedUid={selectedRow}
            initialFilter={route.params.get('q') ?? ''} initialSelector={route.params.get('l') ?? ''}
            // Written without a history entry per keystroke, and without a re-render: the table holds them.
            onFilters={(q, l) => window.history.replaceState(null, '', withParams(window.location.hash, { q, l }))}
            onSelect={(row: TableRow & ClusterTagged) => setSelected({ ...route.resource!, namespace: row.namespace, name: row.name, uid: objectUidOf(row), ...(row.cluster ? { context: row.cluster } : {}) })} />
        )}
        {route.view === 'access' && <RbacView context={context} namespace={namespace} route={route} navigate={navigate} />}
        {route.view === 'helm' && <HelmView context={context} namespace={namespace} route={route} navigate={navigate} onSelect={setSelected} />}
      </main>
      <CommandPalette context={context} clusters={others} namespace={namespace} contexts={kube.contexts.map((c) => c.name)} namespaces={[...new Set([...nsNames, ...(known.namespace ? [known.namespace] : []), ...(prefs.data?.typedNamespaces ?? [])])].sort()}
        clusterWide={nsAccess.listAllNamespaces === true} kinds={kinds.kinds} onOpen={setSelected} onGo={paletteGo} />
      <ShortcutHost />
      {selected && (
        <ActionClusterScope context={selectedContext} merged={merged}>
          <DetailsHost key={selectedContext} context={selectedContext} target={selected} onClose={() => setSelected(undefined)} navigate={go}
            // An owner or a related object opened from another cluster's details is in that cluster too.
            onSelect={(t) => setSelected(selectedContext !== context ? { ...t, context: selectedContext } : t)}
            tab={detailsTab} onTab={(t) => navigate(withParams(window.location.hash, { tab: t === 'overview' ? undefined : t }))} />
        </ActionClusterScope>
      )}
    </div>
    </ToastProvider>
  );
}
