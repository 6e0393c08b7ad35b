import { formatRoute, type Route } from '../../app/route';
import { HelmReleasesTable } from './HelmReleasesTable';
import { HelmReleasePage } from './HelmReleasePage';
import type { DetailsSelection } from './HelmObjects';
import './helm.css';

/** The "Helm releases" room: the table, or one release's page (`?release=<namespace>/<name>`). */
export function HelmView({ context, namespace, route, navigate, onSelect }: {
  context: string; namespace: string | undefined; route: Route; navigate(hash: string): void; onSelect(s: DetailsSelection): void;
}) {
  const picked = route.params.get('release');
  const ns = route.params.get('ns') ?? undefined;
  const open = (relNs: string | undefined, name?: string) =>
    navigate(formatRoute({ context, view: 'helm', params: { ns, release: relNs && name ? `${relNs}/${name}` : undefined } }));
  if (picked && picked.includes('/')) {
    const [relNs, name] = [picked.slice(0, picked.indexOf('/')), picked.slice(picked.indexOf('/') + 1)];
    return <HelmReleasePage key={picked} context={context} namespace={relNs} name={name} onBack={() => open(undefined)} onSelect={onSelect} />;
  }
  return <HelmReleasesTable context={context} namespace={namespace} onOpen={(r) => open(r.namespace, r.name)} />;
}
